import { describe, expect, it } from 'vitest';
import { SWIPE_MAX, SWIPE_MIN, clampSwipe, swipeAtPointer, swipeKey } from './swipe.js';

describe('the swipe divider', () => {
  it('stays clear of the edges', () => {
    expect(clampSwipe(-1)).toBe(SWIPE_MIN);
    expect(clampSwipe(0.4)).toBe(0.4);
    expect(clampSwipe(3)).toBe(SWIPE_MAX);
  });
  it('follows the pointer across the map', () => {
    expect(swipeAtPointer(300, 100, 800)).toBe(0.25);
    expect(swipeAtPointer(2000, 100, 800)).toBe(SWIPE_MAX);
    expect(swipeAtPointer(50, 100, 0)).toBe(0.5);
  });
  it('moves with the keyboard: arrows step, Page keys jump, Home and End go to the ends', () => {
    expect(swipeKey(0.5, 'ArrowLeft')).toBe(0.48);
    expect(swipeKey(0.5, 'ArrowRight')).toBe(0.52);
    expect(swipeKey(0.5, 'PageUp')).toBe(0.6);
    expect(swipeKey(0.05, 'PageDown')).toBe(SWIPE_MIN);
    expect(swipeKey(0.5, 'Home')).toBe(SWIPE_MIN);
    expect(swipeKey(0.5, 'End')).toBe(SWIPE_MAX);
    expect(swipeKey(0.5, 'Enter')).toBeNull();
  });
});
