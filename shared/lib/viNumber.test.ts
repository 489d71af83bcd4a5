import { describe, expect, it } from 'vitest';
import { formatNumberVi, type NumberOptions } from './viNumber.js';

const intl = (x: number, o: NumberOptions) => new Intl.NumberFormat('vi-VN', o).format(x);

/** A deterministic stream of doubles over many magnitudes, halves and near-halves among them. */
function* values(n: number): Generator<number> {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  yield* [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 1.005, 2.675, 94.745, 1234.5, 999.9995, 1e-7, 123456789, 1e21, 1.5e22, -1e-9];
  for (let i = 0; i < n; i++) {
    const magnitude = 10 ** Math.floor(rand() * 24 - 9);
    const r = rand();
    const x = r < 0.3 ? Math.round(rand() * 20000) / 8 : r < 0.5 ? Math.round(rand() * 1e6) / 1000 + 0.0005 : rand() * magnitude;
    yield rand() < 0.2 ? -x : x;
  }
}

const OPTIONS: NumberOptions[] = [
  {},
  { maximumFractionDigits: 0 },
  { maximumFractionDigits: 1 },
  { maximumFractionDigits: 2 },
  { maximumFractionDigits: 4 },
  { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { minimumFractionDigits: 1, maximumFractionDigits: 3 },
  { minimumFractionDigits: 2 },
  { maximumSignificantDigits: 1 },
  { maximumSignificantDigits: 2 },
  { maximumSignificantDigits: 3 },
  { maximumSignificantDigits: 5 },
];

describe('formatNumberVi', () => {
  it('writes what Intl.NumberFormat("vi-VN") writes, for every option set the portal uses and more', () => {
    const wrong: string[] = [];
    for (const o of OPTIONS) for (const x of values(4000)) if (formatNumberVi(x, o) !== intl(x, o)) wrong.push(`${x} ${JSON.stringify(o)}: ${formatNumberVi(x, o)} ≠ ${intl(x, o)}`);
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('groups thousands with dots and writes a decimal comma', () => {
    expect(formatNumberVi(1234567.891, { maximumFractionDigits: 2 })).toBe('1.234.567,89');
    expect(formatNumberVi(94.75, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).toBe('94,75');
    expect(formatNumberVi(0.0043, { maximumSignificantDigits: 2 })).toBe('0,0043');
    expect(formatNumberVi(-2.5, { maximumFractionDigits: 0 })).toBe('-3');
    expect(formatNumberVi(Number.NaN)).toBe('NaN');
    expect(formatNumberVi(-Infinity)).toBe('-∞');
  });
});
