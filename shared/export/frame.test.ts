import { describe, expect, it } from 'vitest';
import type { BBox } from '../lib/bbox.js';
import { clearOfTopRight, fitBBox } from './frame.js';

// An A4 landscape pack page's print map (CSS pixels) and the islands' inset over its top-right corner.
const size = { width: 765, height: 596 };
const inset = { width: 222, height: 337 };
const LAI_CHAU: BBox = [102.320675, 21.685743, 103.985094, 22.811227];
const TALL: BBox = [108.6, 11.2, 109.5, 12.9];
const even = (p: number) => ({ top: p, right: p, bottom: p, left: p });
const overlaps = (r: { x0: number; y0: number; x1: number; y1: number }) => r.x1 > size.width - inset.width && r.y0 < inset.height;

describe('fitting a box of the earth to the map', () => {
  it('centres it in the padded area at the zoom that just fits, as fitBounds does', () => {
    const { zoom, rect } = fitBBox(LAI_CHAU, size, even(24));
    expect((rect.x0 + rect.x1) / 2).toBeCloseTo(size.width / 2, 6);
    expect((rect.y0 + rect.y1) / 2).toBeCloseTo(size.height / 2, 6);
    // Wide: it spans the width less the padding; its height fits.
    expect(rect.x0).toBeCloseTo(24, 6);
    expect(rect.x1).toBeCloseTo(size.width - 24, 6);
    expect(rect.y0).toBeGreaterThanOrEqual(24);
    // What MapLibre chose for this page (the print map's camera, sampled in Chromium): z = 8.243.
    expect(zoom).toBeCloseTo(8.243, 2);
  });

  it('refuses an empty box or a padding that leaves no room', () => {
    expect(() => fitBBox([1, 1, 1, 2], size, even(0))).toThrow();
    expect(() => fitBBox(LAI_CHAU, size, { ...even(0), left: 800 })).toThrow();
  });
});

describe('a province page framed clear of the islands’ inset', () => {
  it('was the bug: fitted with even padding, Lai Châu runs under the inset', () => {
    expect(overlaps(fitBBox(LAI_CHAU, size, even(24)).rect)).toBe(true);
  });

  for (const [name, bbox] of [
    ['Lai Châu (wide)', LAI_CHAU],
    ['a tall province', TALL],
  ] as const) {
    it(`keeps ${name} clear of the inset and centred in the rest of the map`, () => {
      const padding = clearOfTopRight(bbox, size, inset, 24);
      const { rect } = fitBBox(bbox, size, padding);
      expect(overlaps(rect)).toBe(false);
      // Centred in the area the padding leaves.
      expect((rect.x0 + rect.x1) / 2).toBeCloseTo((padding.left + size.width - padding.right) / 2, 6);
      expect((rect.y0 + rect.y1) / 2).toBeCloseTo((padding.top + size.height - padding.bottom) / 2, 6);
      expect(Math.min(rect.x0, rect.y0, size.width - rect.x1, size.height - rect.y1)).toBeGreaterThanOrEqual(24 - 1e-6);
    });
  }

  it('moves a wide province below the inset when that leaves it larger than moving it left', () => {
    const wide: BBox = [100, 20, 110, 21];
    const p = clearOfTopRight(wide, size, { width: 300, height: 300 }, 10);
    expect(p).toEqual({ top: 310, right: 10, bottom: 10, left: 10 });
  });

  it('keeps even padding when the province is clear of the corner anyway', () => {
    expect(clearOfTopRight(LAI_CHAU, size, { width: 20, height: 20 }, 24)).toEqual(even(24));
  });
});
