import { describe, expect, it } from 'vitest';
import { MIN_TAP_PX, tapZoom } from './tapZoom.js';

describe('tapZoom', () => {
  it('selects a unit at least a finger wide', () => {
    expect(tapZoom(MIN_TAP_PX, 5, 14)).toBeNull();
    expect(tapZoom(300, 5, 14)).toBeNull();
  });

  it('zooms in until a small unit is about 72 px across', () => {
    expect(tapZoom(9, 5, 14)).toBeCloseTo(8, 10); // 9 → 18 → 36 → 72 px
    expect(tapZoom(18, 5, 14)).toBeCloseTo(7, 10);
  });

  it('zooms in at most four levels', () => {
    expect(tapZoom(31, 5, 14)).toBeCloseTo(5 + Math.log2(72 / 31), 10);
    expect(tapZoom(1, 5, 14)).toBe(9);
    expect(tapZoom(0, 5, 14)).toBe(9);
  });

  it('never past the map’s last zoom, and selects there whatever the size', () => {
    expect(tapZoom(4, 12, 14)).toBe(14);
    expect(tapZoom(4, 14, 14)).toBeNull();
  });
});
