import { describe, expect, it } from 'vitest';
import { bboxOfGeometry, contains, intersectBBox, unionBBox, type BBox } from './bbox.js';

const hoangSa: BBox = [111.2, 15.7, 112.9, 17.1];
const truongSa: BBox = [111.4, 7.5, 116.0, 11.5];

describe('bounding boxes', () => {
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
  it('takes a polygon’s extent from every part, holes included and never beyond the outer ring', () => {
    const withHole = { type: 'Polygon' as const, coordinates: [[[0, 0], [10, 0], [10, 8], [0, 8], [0, 0]], [[2, 2], [3, 2], [3, 3], [2, 2]]] };
    expect(bboxOfGeometry(withHole)).toEqual([0, 0, 10, 8]);
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
