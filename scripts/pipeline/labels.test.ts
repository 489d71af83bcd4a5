import { booleanPointInPolygon, centroid, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { bboxCenter, labelPoint, polylabel } from './labels.js';
import type { Position } from './topology.js';

// A "U" whose centroid falls in the notch, outside the polygon.
const U: Position[][] = [
  [
    [105, 20],
    [106, 20],
    [106, 21],
    [105.8, 21],
    [105.8, 20.2],
    [105.2, 20.2],
    [105.2, 21],
    [105, 21],
    [105, 20],
  ],
];

describe('labelPoint', () => {
  it('is inside a concave polygon where the centroid is not', () => {
    const c = centroid(polygon(U)).geometry.coordinates;
    expect(booleanPointInPolygon(c, polygon(U))).toBe(false);
    const p = labelPoint({ type: 'Polygon', coordinates: U }, 0.001);
    expect(booleanPointInPolygon(p, polygon(U))).toBe(true);
  });

  it('uses the largest polygon of a MultiPolygon (mainland, not an island)', () => {
    const island: Position[][] = [
      [
        [112, 16],
        [112.01, 16],
        [112.01, 16.01],
        [112, 16.01],
        [112, 16],
      ],
    ];
    const p = labelPoint({ type: 'MultiPolygon', coordinates: [island, U] }, 0.001);
    expect(booleanPointInPolygon(p, polygon(U))).toBe(true);
  });

  it('avoids holes', () => {
    const withHole: Position[][] = [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [3, 3],
        [3, 7],
        [7, 7],
        [7, 3],
        [3, 3],
      ],
    ];
    const p = labelPoint({ type: 'Polygon', coordinates: withHole }, 0.01);
    expect(booleanPointInPolygon(p, polygon(withHole))).toBe(true);
  });

  it('finds the centre of a square', () => {
    const { point, distance } = polylabel(
      [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
      ],
      0.001,
    );
    expect(point[0]).toBeCloseTo(2, 2);
    expect(point[1]).toBeCloseTo(2, 2);
    expect(distance).toBeCloseTo(2, 2);
  });

  it('bboxCenter', () => {
    expect(bboxCenter([110, 15, 112, 17])).toEqual([111, 16]);
  });
});
