import { describe, expect, it } from 'vitest';
import { exportLayout } from './layout.js';

describe('export size', () => {
  it('1× and 2× scale the map as shown, with title band and footer', () => {
    const one = exportLayout(1400, 700, 1);
    expect(one).toMatchObject({ ratio: 1, width: 1400, height: 700 + 96 + 40, header: 96, footer: 40 });
    expect(one.map).toEqual({ x: 0, y: 96, width: 1400, height: 700 });
    const two = exportLayout(1400, 700, 2);
    expect([two.width, two.height]).toEqual([2800, 2 * 836]);
  });
  it('4× is capped at 3840 × 2160, keeping the proportions', () => {
    const four = exportLayout(1400, 700, 4);
    expect(four.width).toBeLessThanOrEqual(3840);
    expect(four.height).toBeLessThanOrEqual(2160);
    expect(four.ratio).toBeCloseTo(Math.min(3840 / 1400, 2160 / 836));
    expect(four.height).toBe(2160);
    const wide = exportLayout(1920, 600, 4);
    expect(wide.width).toBe(3840);
  });
});
