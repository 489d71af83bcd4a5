import { describe, expect, it } from 'vitest';
import { bottomCover } from './bottomCover.js';

const stage = { top: 52, bottom: 844, left: 0, right: 390 };

describe('bottomCover', () => {
  it('is the height of a sheet across the bottom', () => {
    expect(bottomCover(stage, [{ top: 52 + 0.42 * 792, bottom: 844, left: 0, right: 390 }])).toBe(459);
  });
  it('takes the tallest of several sheets', () => {
    expect(bottomCover(stage, [{ top: 500, bottom: 844, left: 0, right: 390 }, { top: 400, bottom: 844, left: 0, right: 390 }])).toBe(444);
  });
  it('ignores the map pane itself, side columns, small boxes and hidden elements', () => {
    const desktop = { top: 90, bottom: 900, left: 0, right: 1400 };
    expect(bottomCover(desktop, [{ top: 90, bottom: 900, left: 0, right: 1400 }])).toBe(0);
    expect(bottomCover(desktop, [{ top: 90, bottom: 900, left: 1040, right: 1400 }])).toBe(0);
    expect(bottomCover(stage, [{ top: 700, bottom: 832, left: 8, right: 300 }])).toBe(0);
    expect(bottomCover(stage, [{ top: 0, bottom: 0, left: 0, right: 0 }])).toBe(0);
  });
  it('ignores a box that does not reach the bottom edge', () => {
    expect(bottomCover(stage, [{ top: 60, bottom: 400, left: 0, right: 390 }])).toBe(0);
  });
  it('is nothing for a stage with no room', () => {
    expect(bottomCover({ top: 0, bottom: 0, left: 0, right: 0 }, [{ top: 1, bottom: 0, left: 0, right: 0 }])).toBe(0);
  });
});
