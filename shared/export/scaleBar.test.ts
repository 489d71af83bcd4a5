import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar } from './scaleBar.js';

describe('scale bar', () => {
  it('metres per pixel follow Web Mercator with 512-pixel tiles', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metresPerPixel(60, 1)).toBeCloseTo(78271.517 / 4, 2);
    expect(metresPerPixel(16, 5.2, 2)).toBeCloseTo(metresPerPixel(16, 5.2) / 2, 6);
  });
  it('picks the longest 1-2-5 distance that fits', () => {
    // The national view: Vietnam at zoom 5.2, centre 16° N, at 1×.
    expect(scaleBar(metresPerPixel(16, 5.2), 180)).toMatchInlineSnapshot(`
      {
        "label": "200 km",
        "metres": 200000,
        "px": 97.71035366259673,
        "ticks": [
          {
            "label": "0",
            "px": 0,
          },
          {
            "label": "100 km",
            "px": 48.855176831298365,
          },
          {
            "label": "200 km",
            "px": 97.71035366259673,
          },
        ],
      }
    `);
    expect(scaleBar(10, 180).label).toBe('1 km');
    expect(scaleBar(2.4, 180)).toMatchObject({ metres: 200, label: '200 m', px: 200 / 2.4 });
    expect(scaleBar(5_000, 400).label).toBe('2.000 km');
  });
  it('rejects nonsense', () => {
    expect(() => scaleBar(0, 100)).toThrow();
  });
});
