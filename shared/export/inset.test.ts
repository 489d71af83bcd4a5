import { describe, expect, it } from 'vitest';
import { bboxOfGeometry, contains, insetProjection, intersectBBox, needsInset, unionBBox, type BBox } from './inset.js';

const hoangSa: BBox = [111.2, 15.7, 112.9, 17.1];
const truongSa: BBox = [111.4, 7.5, 116.0, 11.5];

describe('inset decision', () => {
  it('needs no inset when the view shows both archipelagos', () => {
    expect(needsInset([101, 6, 119, 24], [hoangSa, truongSa])).toBe(false);
  });
  it('needs an inset when either is cut off or outside the view', () => {
    expect(needsInset([102, 8, 112, 24], [hoangSa, truongSa])).toBe(true);
    expect(needsInset([105.5, 20.8, 106.1, 21.3], [hoangSa, truongSa])).toBe(true);
  });
  it('bbox, union and containment', () => {
    expect(
      bboxOfGeometry({
        type: 'MultiPolygon',
        coordinates: [
          [[[1, 2], [3, 2], [3, 4], [1, 2]]],
          [[[-1, 0], [0, 0], [0, 1], [-1, 0]]],
        ],
      }),
    ).toEqual([-1, 0, 3, 4]);
    expect(unionBBox([hoangSa, truongSa], 0.5)).toEqual([110.7, 7, 116.5, 17.6]);
    expect(contains([0, 0, 10, 10], [1, 1, 2, 2])).toBe(true);
  });
  it('projects the frame into the box, north up, keeping the aspect', () => {
    const p = insetProjection([110, 7, 117, 18], 200, 260);
    expect(p.height).toBe(260);
    expect(p.width).toBeLessThanOrEqual(200);
    expect(p.project(110, 18)[0]).toBeCloseTo(0);
    expect(p.project(110, 18)[1]).toBeCloseTo(0);
    const [x, y] = p.project(117, 7);
    expect(x).toBeCloseTo(p.width, 0);
    expect(y).toBeCloseTo(p.height, 0);
  });
});

describe('intersectBBox', () => {
  const country: BBox = [102, 7, 118, 23.4];
  it('prints a view zoomed out past the country as the country, a view zoomed in as itself', () => {
    expect(intersectBBox([90, 0, 130, 30], country)).toEqual(country);
    expect(intersectBBox([105, 20, 106, 21], country)).toEqual([105, 20, 106, 21]);
    expect(intersectBBox([100, 20, 106, 30], country)).toEqual([102, 20, 106, 23.4]);
  });
  it('keeps the view when it does not meet the country', () => {
    expect(intersectBBox([60, 20, 70, 30], country)).toEqual([60, 20, 70, 30]);
  });
});
