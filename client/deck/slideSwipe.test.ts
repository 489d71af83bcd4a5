import { describe, expect, it } from 'vitest';
import { swipeStep } from './slideSwipe.js';

describe('swipeStep', () => {
  it('turns the page with a quick sideways swipe: left for the next slide, right for the previous one', () => {
    expect(swipeStep({ dx: -120, dy: 10, ms: 200 })).toBe(1);
    expect(swipeStep({ dx: 150, dy: -30, ms: 300 })).toBe(-1);
  });
  it('leaves taps, short moves, slow drags and mostly vertical strokes alone', () => {
    expect(swipeStep({ dx: 0, dy: 0, ms: 80 })).toBe(0);
    expect(swipeStep({ dx: -40, dy: 0, ms: 100 })).toBe(0);
    expect(swipeStep({ dx: -200, dy: 0, ms: 1500 })).toBe(0);
    expect(swipeStep({ dx: -100, dy: 80, ms: 200 })).toBe(0);
  });
});
