import { describe, expect, it } from 'vitest';
import { classCounts, classOf, computeBreaks, divergingBreaks, equalBreaks, jenksBreaks, quantileBreaks } from './classify.js';

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

  it('Jenks stays fast and sane on 10,000 values', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i % 97) * (i % 13));
    const t0 = performance.now();
    const b = jenksBreaks(values, 7);
    expect(performance.now() - t0).toBeLessThan(5000); // sanity bound, not a benchmark
    expect(b).toHaveLength(6);
    expect([...b].sort((x, y) => x - y)).toEqual(b);
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
