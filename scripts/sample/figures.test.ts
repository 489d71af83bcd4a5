import { describe, expect, it } from 'vitest';
import {
  closestCount,
  communeTarget,
  fmtInt,
  fmtPct,
  loadSampleSettings,
  loadSeedFigures,
  pct,
  roundTo,
  tallyTarget,
  totalForRate,
  validateSeedFigures,
} from './figures.js';
import { hash32, mulberry32, normalQuantile, rng } from '../../shared/lib/prng.js';

describe('rate arithmetic', () => {
  it('finds the total that prints as the published rate', () => {
    expect(totalForRate(3321, 94.75, 2)).toEqual({ total: 3505, exact: true });
    expect(roundTo(pct(3321, 3505), 2)).toBe(94.75);
    // no integer total prints as 97,25 % / 92,25 % / 98,9 %: the closest
    expect(totalForRate(595, 97.25, 2)).toEqual({ total: 612, exact: false });
    expect(totalForRate(5027, 92.25, 2)).toEqual({ total: 5449, exact: false });
    expect(totalForRate(772, 98.9, 1)).toEqual({ total: 781, exact: false });
    expect(totalForRate(10, 100, 2)).toEqual({ total: 10, exact: true });
  });

  it('finds the closest count on another number of units', () => {
    expect(closestCount(pct(69, 70), 66)).toBe(65);
    expect(closestCount(pct(48, 52), 50)).toBe(46);
    expect(closestCount(100, 5)).toBe(5);
    expect(closestCount(97.37, 175)).toBe(170);
  });

  it('turns a tally figure into the total to reach', () => {
    expect(tallyTarget({ kind: 'tally', tally: 'residential', published: '40/42', count: 40, total: 42 })).toEqual({ total: 42, exact: true });
    expect(tallyTarget({ kind: 'tally', tally: 'residential', published: '94,75%', count: 3321, rate: 94.75 })).toEqual({ total: 3505, exact: true });
    expect(tallyTarget({ kind: 'tally', tally: 'agencies', published: '98,9%', count: 772, rate: 98.9, rateDecimals: 1 })).toEqual({ total: 781, exact: false });
  });

  it('certifies the published count when the units match, else the closest rate', () => {
    const f = { kind: 'communes_certified' as const, published: '69/70 xã', count: 69, total: 70 };
    expect(communeTarget(f, 70)).toBe(69);
    expect(communeTarget(f, 66)).toBe(65);
    expect(communeTarget({ kind: 'communes_certified', published: '97,37%', count: 223, rate: 97.37 }, 175)).toBe(170);
    expect(communeTarget({ kind: 'communes_certified', published: '0/4', count: 0, total: 4 }, 3)).toBe(0);
  });

  it('formats the Vietnamese way', () => {
    expect(fmtInt(5027)).toBe('5.027');
    expect(fmtInt(110)).toBe('110');
    expect(fmtPct(98.4848)).toBe('98,48 %');
    expect(fmtPct(98.848, 1)).toBe('98,8 %');
  });
});

describe('prng', () => {
  it('is deterministic per key and differs between keys', () => {
    expect(rng(1, 'a', 2023).next()).toBe(rng(1, 'a', 2023).next());
    expect(rng(1, 'a', 2023).next()).not.toBe(rng(1, 'a', 2024).next());
    expect(rng(1, 'a', 2023).next()).not.toBe(rng(2, 'a', 2023).next());
    expect(hash32('27001|2023')).toBe(hash32('27001|2023'));
  });

  it('gives uniforms and normals with the right moments', () => {
    const next = mulberry32(42);
    let s = 0;
    for (let i = 0; i < 20_000; i++) s += next();
    expect(s / 20_000).toBeCloseTo(0.5, 1);
    const r = rng('moments');
    let m = 0;
    let v = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.normal();
      m += x;
      v += x * x;
    }
    expect(m / 20_000).toBeCloseTo(0, 1);
    expect(v / 20_000).toBeCloseTo(1, 1);
  });

  it('inverts the normal CDF', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });
});

describe('data files', () => {
  it('seed-figures.json and sample-settings.json are valid', () => {
    const f = loadSeedFigures();
    expect(f.entries.map((e) => e.seed.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
    const s = loadSampleSettings();
    expect(s.pre2025Years).toEqual({ from: 2017, to: 2024 });
    expect(s.year2025).toBe(2025);
  });

  it('rejects malformed seed figures', () => {
    const entry = { seed: 'x', year: 2020, place: { name: 'p', vintage: 'pre2025', level: 'province', code: '27', provinceCode: '27' } };
    expect(() => validateSeedFigures({})).toThrow(/entries/);
    expect(() => validateSeedFigures({ entries: [{ ...entry, figures: [{ kind: 'nope', published: '' }] }] })).toThrow(/unknown kind/);
    expect(() => validateSeedFigures({ entries: [{ ...entry, figures: [{ kind: 'tally', tally: 'agencies', published: '', count: 5 }] }] })).toThrow(/needs total or rate/);
    expect(() => validateSeedFigures({ entries: [{ ...entry, figures: [{ kind: 'models', published: '', count: 5, total: 4 }] }] })).toThrow(/total must be/);
    expect(() => validateSeedFigures({ entries: [{ ...entry, figures: [{ kind: 'tally', tally: 'khu', published: '', count: 5, total: 6 }] }] })).toThrow(/figures\[0\]: unknown tally/);
    expect(() => validateSeedFigures({ entries: [{ ...entry, figures: [{ kind: 'tally_certified_sum', tallies: ['agencies', 'truong'], published: '', count: 5 }] }] })).toThrow(
      /tallies must list some of residential, agencies, enterprises, schools/,
    );
  });
});
