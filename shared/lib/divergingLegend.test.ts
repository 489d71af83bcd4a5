import { describe, expect, it } from 'vitest';
import { classSides, divergingBreaks } from './classify.js';
import { buildLegend, classLabel, type Row, type Symbology } from './legendModel.js';
import { divergingColors } from './palettes.js';

// Province rates in two years; the change in points is now − before.
const rows = (changes: readonly number[]) => {
  const before: Row[] = changes.map((_, i) => ({ code: `P${i}`, status: 'dat', residential: { total: 1, certified: 0 }, models: 0, population: 1, areaKm2: 1 }));
  const now: Row[] = changes.map((c, i) => ({ ...before[i], residential: { total: 1, certified: c } }));
  return { before, now };
};
const spec = (method: 'quantile' | 'equal' | 'jenks' | 'manual', k: number, breaks: number[] = []): Symbology => ({
  metric: 'rate', denominator: 'population', changeFrom: 2024, classing: { method, k, breaks },
});
/** Every numeric class's bounds as printed, in order: the lower never above the upper. */
function assertNotInverted(labels: string[]) {
  const num = (s: string) => Number(s.replace('+', '').replace('−', '-').replace(',', '.'));
  for (const l of labels) {
    const m = l.match(/^([+−-]?[\d,]+) – < ([+−-]?[\d,]+)$/) ?? l.match(/^([+−-]?[\d,]+) – ([+−-]?[\d,]+)$/);
    if (m) expect(num(m[1]), l).toBeLessThanOrEqual(num(m[2]));
  }
}
const ALL_ABOVE = [0.038, 0.05, 0.09, 0.12, 0.2, 0.25, 0.31, 0.421];
const ALL_BELOW = ALL_ABOVE.map((v) => -v);
const BOTH = [-0.09, -0.03, -0.004, 0, 0.003, 0.02, 0.05, 0.12];

describe('a diverging legend with every value on one side of zero', () => {
  for (const [name, values] of [['all above', ALL_ABOVE], ['all below', ALL_BELOW], ['both sides', BOTH]] as const) {
    for (const method of ['quantile', 'equal', 'jenks'] as const)
      for (const k of [3, 4, 5, 7]) {
        it(`${name}, ${method}, ${k} classes: ranges never inverted, no empty class, colours by side`, () => {
          const { now, before } = rows(values);
          const l = buildLegend(now, spec(method, k), before);
          const classes = l.entries.filter((e) => e.id !== 'no_data');
          assertNotInverted(classes.map((e) => e.label));
          expect(classes.reduce((n, c) => n + c.count, 0)).toBe(values.length);
          expect(classes.length).toBeLessThanOrEqual(k);
          // No class for a side of zero, or a middle, that holds no value (equal intervals may leave inner classes empty).
          const sides = classSides(l.breaks, Math.min(...values), Math.max(...values), 0.005);
          for (const side of new Set(sides)) expect(classes.some((c, i) => sides[i] === side && c.count > 0), `side ${side}`).toBe(true);
          // A rise is a shade of purple (gain), a fall a shade of orange (loss), no change the neutral middle.
          for (const [i, c] of classes.entries()) if (sides[i] !== 0) expect(isPurple(c.color), `${c.label} ${c.color}`).toBe(sides[i] > 0);
          for (const [code, v] of l.values) if (Math.abs(v) > 0.005) expect(sides[l.entries.findIndex((e) => e.color === l.colors.get(code))]).toBe(Math.sign(v));
        });
      }
  }

  it('gives all the classes to the side the values are on', () => {
    expect(divergingBreaks(ALL_ABOVE, 'equal', 5, 0.005).every((b) => b > 0)).toBe(true);
    expect(divergingBreaks(ALL_ABOVE, 'equal', 5, 0.005)).toHaveLength(4);
    expect(divergingBreaks(ALL_BELOW, 'equal', 5, 0.005).every((b) => b < 0)).toBe(true);
    // Values at zero keep a middle class.
    expect(divergingBreaks([0, ...ALL_ABOVE], 'equal', 5, 0.005)[0]).toBe(0.005);
    expect(divergingBreaks([0, 0.001], 'equal', 5, 0.005)).toEqual([]);
  });

  it('prints a class below or above every value as open', () => {
    const fmt = (v: number) => String(v);
    expect(classLabel(0, [0.5, 0.9], 0.95, 0.99, fmt)).toBe('< 0.5');
    expect(classLabel(1, [0.5, 0.9], 0.95, 0.99, fmt)).toBe('0.5 – < 0.9');
    expect(classLabel(2, [0.5, 0.9], 0.95, 0.99, fmt)).toBe('0.9 – 0.99');
    expect(classLabel(2, [0.5, 0.9], 0.1, 0.2, fmt)).toBe('≥ 0.9');
    expect(classLabel(0, [], 0.1, 0.2, fmt)).toBe('0.1 – 0.2');
    // Manual breaks outside the data: never "0,95 – < 0,5".
    const { now, before } = rows(ALL_ABOVE);
    assertNotInverted(buildLegend(now, spec('manual', 3, [-0.05, 0.02]), before).entries.map((e) => e.label));
  });

  it('colours by side: the palest shades next to zero on both sides', () => {
    const [deepLoss, loss, none, gain, deepGain] = divergingColors([-1, -1, 0, 1, 1]);
    expect(divergingColors([0, 1, 1])).toEqual([none, gain, deepGain]);
    expect(divergingColors([1, 1])).toEqual(divergingColors([-1, -1, 1, 1]).slice(2));
    expect(divergingColors([0, 1, 1])[1]).toBe(gain);
    // Nine classes on one side: interpolated, still hex (the PDF and PNG exports read hex).
    for (const c of divergingColors(Array(9).fill(1))) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(divergingColors([-1, -1, 0])).toEqual([deepLoss, loss, none]);
    expect(isPurple(gain) && isPurple(deepGain) && !isPurple(loss) && !isPurple(deepLoss)).toBe(true);
  });
});

/** Purple (gain) has more blue than red; orange (loss) more red than blue. */
function isPurple(hex: string): boolean {
  const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return n(5) > n(1);
}
