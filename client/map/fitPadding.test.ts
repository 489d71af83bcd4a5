import { describe, expect, it } from 'vitest';
import { LEGEND_CORNER, legendClearPadding } from './fitPadding.js';

// The national extent (manifest bbox, with Hoàng Sa and Trường Sa).
const VN: [number, number, number, number] = [102.14, 8.18, 117.84, 23.39];

describe('legendClearPadding', () => {
  it('keeps the country clear of the legend beside it when the height limits the scale (laptop, projector)', () => {
    for (const size of [{ width: 1024, height: 540 }, { width: 1400, height: 754 }, { width: 1920, height: 930 }]) {
      expect(legendClearPadding(VN, size)).toEqual({ top: 20, right: 20, bottom: 20, left: LEGEND_CORNER.width });
    }
  });

  it('keeps the plain margin where clearing the legend would shrink the map by more than a tenth (half of a wide screen)', () => {
    for (const size of [{ width: 700, height: 754 }, { width: 960, height: 930 }]) expect(legendClearPadding(VN, size)).toEqual({ top: 20, right: 20, bottom: 20, left: 20 });
  });

  it('clears it from above where the width limits and there is height to spare', () => {
    expect(legendClearPadding(VN, { width: 900, height: 1400 })).toEqual({ top: 20, right: 20, bottom: LEGEND_CORNER.height, left: 20 });
  });
});
