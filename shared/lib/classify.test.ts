import { describe, expect, it } from 'vitest';
import { classCounts, classOf, computeBreaks, divergingBreaks, equalBreaks, histogram, jenksBreaks, quantileBreaks } from './classify.js';

/** The within-class sum of squared deviations of the classes that `breaks` make. */
function classCost(values: number[], breaks: number[]): number {
  const groups = new Map<number, number[]>();
  for (const v of values) {
    const c = classOf(v, breaks);
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(v);
  }
  let cost = 0;
  for (const g of groups.values()) {
    const m = g.reduce((a, b) => a + b, 0) / g.length;
    cost += g.reduce((a, b) => a + (b - m) ** 2, 0);
  }
  return cost;
}

/** Fisher's optimal cost by the plain O(k·n²) dynamic programme over the sorted values (the reference for large n). */
function fisherOptimum(values: number[], k: number): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) [s1[i + 1], s2[i + 1]] = [s1[i] + s[i], s2[i] + s[i] * s[i]];
  const ssd = (i: number, j: number) => s2[j] - s2[i] - (s1[j] - s1[i]) ** 2 / (j - i);
  let prev = Float64Array.from({ length: n + 1 }, (_, j) => (j ? ssd(0, j) : 0));
  for (let c = 1; c < k; c++) {
    const cur = new Float64Array(n + 1).fill(Infinity);
    for (let j = c + 1; j <= n; j++) for (let i = c; i < j; i++) cur[j] = Math.min(cur[j], prev[i] + ssd(i, j));
    prev = cur;
  }
  return prev[n];
}

/** The optimum by exhaustive search over every split of the sorted values: the reference for Jenks. */
function bruteForceJenks(values: number[], k: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const ssd = (a: number[]) => {
    const m = a.reduce((x, y) => x + y, 0) / a.length;
    return a.reduce((x, y) => x + (y - m) ** 2, 0);
  };
  let best = Infinity;
  let bestStarts: number[] = [];
  const rec = (start: number, left: number, starts: number[], cost: number) => {
    if (left === 1) {
      const c = cost + ssd(s.slice(start));
      if (c < best - 1e-9) {
        best = c;
        bestStarts = starts;
      }
      return;
    }
    for (let i = start + 1; i <= s.length - left + 1; i++) rec(i, left - 1, [...starts, i], cost + ssd(s.slice(start, i)));
  };
  rec(0, k, [], 0);
  return bestStarts.map((i) => s[i]);
}

describe('classification', () => {
  it('equal intervals split the range evenly', () => {
    expect(equalBreaks([0, 3, 10], 5)).toEqual([2, 4, 6, 8]);
  });

  it('quantiles put about the same number of units in each class', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const breaks = quantileBreaks(values, 4);
    expect(breaks).toEqual([24.75, 49.5, 74.25]);
    expect(classCounts(values, breaks)).toEqual([25, 25, 25, 25]);
  });

  it('Jenks: the published example of the npm "jenks" package README', () => {
    // [1, 2, 5, 15, 45, 89.3, 112, 31, 120, 0.5] in 3 classes → classes 0.5–15, 31–45, 89.3–120.
    expect(jenksBreaks([1, 2, 5, 15, 45, 89.3, 112, 31, 120, 0.5], 3)).toEqual([31, 89.3]);
  });

  it('Jenks, equal intervals and quantiles reproduce the published classes of Jenks & Caspall (1971)', () => {
    // Reference: R package classInt (r-spatial/classInt), docs/reference/classIntervals.html, the printed output of
    //   classIntervals(jenks71$jenks71, n=5, style="jenks" | "fisher" | "equal" | "quantile").
    // classInt's "jenks" style is right-closed: [15.57,41.2] (41.2,60.66] (60.66,77.29] (77.29,100.1] (100.1,155.3],
    // counts 35 33 18 11 5; its "fisher" style gives the same classes as midpoints 43.3, 61.36, 78.475, 105.95.
    // Our breaks are each class's lowest value (left-closed), so the published classes map to breaks at the value
    // after each published upper bound, and the published midpoints are (upper bound + our break) / 2.
    const upperBounds = [41.2, 60.66, 77.29, 100.1];
    const breaks = jenksBreaks(JENKS71, 5);
    expect(breaks).toEqual([45.4, 62.06, 79.66, 111.8]);
    expect(classCounts(JENKS71, breaks)).toEqual([35, 33, 18, 11, 5]);
    breaks.forEach((b, i) => {
      expect(Math.max(...JENKS71.filter((v) => v < b))).toBe(upperBounds[i]);
      expect(+((upperBounds[i] + b) / 2).toFixed(3)).toBe([43.3, 61.36, 78.475, 105.95][i]);
    });
    // The same page: style="equal" → [15.57,43.516) [43.516,71.462) [71.462,99.408) [99.408,127.354) [127.354,155.3].
    const equal = equalBreaks(JENKS71, 5);
    expect(equal.map((b) => +b.toFixed(3))).toEqual([43.516, 71.462, 99.408, 127.354]);
    expect(classCounts(JENKS71, equal)).toEqual([35, 44, 17, 4, 2]);
    // style="quantile" (R's type 7) → [15.57,33.822) [33.822,50.114) [50.114,57.454) [57.454,73.368) [73.368,155.3].
    const quantiles = quantileBreaks(JENKS71, 5);
    expect(quantiles.map((b) => +b.toFixed(3))).toEqual([33.822, 50.114, 57.454, 73.368]);
    expect(classCounts(JENKS71, quantiles)).toEqual([21, 20, 20, 20, 21]);
  });

  it('Jenks equals the exhaustive optimum on random data', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let t = 0; t < 25; t++) {
      const n = 6 + Math.floor(rnd() * 7);
      const values = Array.from({ length: n }, () => Math.round(rnd() * 1000) / 10);
      const k = 2 + Math.floor(rnd() * 3);
      expect(jenksBreaks(values, k), JSON.stringify({ values, k })).toEqual(bruteForceJenks(values, k));
    }
  });

  it('Jenks is exact on thousands of values: the cost of Fisher\'s O(k·n²) optimum, with no thinning', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    // A skewed spread like the communes' rates and densities, with ties; more values than the old thinning kept (1,200).
    const values = Array.from({ length: 2_000 }, () => Math.round(1000 * rnd() ** 3) / 10);
    for (const k of [3, 5, 7]) {
      const b = jenksBreaks(values, k);
      expect(b).toHaveLength(k - 1);
      const optimum = fisherOptimum(values, k);
      expect(Math.abs(classCost(values, b) - optimum) / optimum).toBeLessThan(1e-9);
    }
  });

  it('Jenks gives no more classes than distinct values', () => {
    expect(jenksBreaks([1, 1, 1, 2], 5)).toEqual([2]);
    expect(jenksBreaks([4, 4, 4], 3)).toEqual([]);
  });

  it('histogram: equal-width bins from the minimum to the maximum, the maximum in the last', () => {
    const h = histogram([0, 1, 2, 2.5, 9.99, 10], 4);
    expect(h.map((b) => [b.x0, b.x1, b.count])).toEqual([[0, 2.5, 3], [2.5, 5, 1], [5, 7.5, 0], [7.5, 10, 2]]);
    expect(histogram([3, 3], 3).map((b) => b.count)).toEqual([2, 0, 0]);
    expect(histogram([], 3)).toEqual([]);
  });

  it('manual breaks are sorted and deduplicated', () => {
    expect(computeBreaks([1, 2, 3], 'manual', 5, [0.9, 0.5, 0.5, 0.7])).toEqual([0.5, 0.7, 0.9]);
  });

  it('gives fewer breaks for fewer distinct values, none for no values', () => {
    expect(computeBreaks([1, 1, 1, 2], 'quantile', 5).length).toBeLessThan(4);
    expect(computeBreaks([], 'jenks', 5)).toEqual([]);
    expect(computeBreaks([3, 3, 3], 'equal', 5)).toEqual([]);
  });

  it('classOf puts a value equal to a break in the upper class', () => {
    expect(classOf(0.5, [0.5, 0.7])).toBe(1);
    expect(classOf(0.49, [0.5, 0.7])).toBe(0);
    expect(classOf(99, [0.5, 0.7])).toBe(2);
  });

  it('diverging breaks are centred on zero', () => {
    const values = [-0.3, -0.2, -0.1, -0.05, 0, 0, 0.02, 0.1, 0.2, 0.4];
    const odd = divergingBreaks(values, 'equal', 5, 0.01);
    expect(odd).toContain(-0.01);
    expect(odd).toContain(0.01);
    expect(classOf(0, odd)).toBe(Math.floor(odd.length / 2));
    const even = divergingBreaks(values, 'quantile', 6, 0.01);
    expect(even).toContain(0);
    expect(even.filter((b) => b < 0).length).toBe(even.filter((b) => b > 0).length);
  });
});

/**
 * Jenks & Caspall (1971), "Error on choroplethic maps: definition, measurement, reduction", Annals of the Association
 * of American Geographers 61(2), 217–244: per-acre value of gross farm products in dollars, the 102 counties of
 * Illinois, 1959 (dataset `jenks71` of the R packages classInt and spData). Text copy of the values from GeoServer's
 * tests: geoserver/geoserver, src/extension/sldService/src/test/java/org/geoserver/sldservice/utils/classifier/RulesBuilderTest.java.
 */
const JENKS71 = [
  50.12, 83.9, 76.43, 71.61, 79.66, 84.84, 87.87, 92.45, 119.9, 155.3, 131.5, 111.8, 96.78, 86.75, 62.41, 96.37, 75.51, 77.29, 85.41, 116.4,
  58.5, 75.29, 66.32, 62.65, 80.45, 72.76, 63.67, 60.27, 68.45, 100.1, 55.3, 54.07, 57.49, 73.52, 68.25, 64.28, 50.64, 52.47, 68.19, 57.4,
  39.72, 60.66, 57.59, 38.22, 57.22, 67.04, 47.29, 71.05, 50.53, 34.63, 59.65, 62.06, 52.89, 56.35, 57.26, 53.77, 59.89, 55.44, 45.4, 52.21,
  49.38, 51.15, 54.27, 54.32, 41.2, 34.58, 50.11, 52.05, 33.82, 39.88, 36.24, 41.02, 46.13, 51.15, 32.28, 33.26, 31.78, 31.28, 50.52, 47.21,
  32.69, 38.3, 33.83, 40.3, 40.62, 32.14, 31.66, 26.09, 39.84, 24.83, 28.2, 31.19, 37.57, 27.16, 23.42, 18.57, 30.97, 17.82, 15.57, 15.93,
  28.71, 32.22,
];
