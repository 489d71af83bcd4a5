import { describe, expect, it } from 'vitest';
import type { Status } from '../../shared/domain/types.js';
import { fixCertified, fixTotals } from './fixups.js';
import type { SampleRow } from './model.js';

const row = (communeCode: string, status: Status, residential: [number, number], schools: [number, number] = [1, 1], models = 0): SampleRow => ({
  vintage: 'pre2025',
  communeCode,
  year: 2023,
  status,
  exemplary: false,
  residential: { total: residential[1], certified: residential[0] },
  agencies: { total: 1, certified: 1 },
  enterprises: { total: 0, certified: 0 },
  schools: { total: schools[1], certified: schools[0] },
  models,
  keyArea: false,
  hotSpot: false,
});

const totals = (rows: SampleRow[]) => rows.map((r) => r.residential.total);

describe('fixTotals', () => {
  it('adds units where the rounding was closest to going up', () => {
    const rows = [row('a', 'dat', [5, 5]), row('b', 'dat', [5, 5]), row('c', 'dat', [5, 5])];
    fixTotals(rows, 'residential', [0.2, 0.9, 0.5], 17);
    expect(totals(rows)).toEqual([5, 6, 6]);
    // the certified counts are left alone when a total grows
    expect(rows.map((r) => r.residential.certified)).toEqual([5, 5, 5]);
  });

  it('removes units where the rounding was closest to going down, lowering the certified counts with them', () => {
    const rows = [row('a', 'dat', [5, 5]), row('b', 'dat', [4, 5]), row('c', 'dat', [5, 5])];
    fixTotals(rows, 'residential', [0.2, 0.9, 0.5], 13);
    expect(totals(rows)).toEqual([4, 5, 4]);
    expect(rows.map((r) => r.residential.certified)).toEqual([4, 4, 4]);
  });

  it('goes round again when one pass is not enough, ties broken by code', () => {
    const rows = [row('b', 'dat', [2, 2]), row('a', 'dat', [2, 2])];
    fixTotals(rows, 'residential', [0.5, 0.5], 9);
    expect(totals(rows)).toEqual([4, 5]);
  });

  it('never goes below the minimum, and says so when the target cannot be met', () => {
    const rows = [row('a', 'dat', [3, 3]), row('b', 'dat', [1, 1])];
    fixTotals(rows, 'residential', [0.1, 0.1], 2);
    expect(totals(rows)).toEqual([1, 1]);
    expect(() => fixTotals(rows, 'residential', [0.1, 0.1], 1)).toThrow(/cannot bring residential to 1/);
  });

  it('moves models, which may reach zero', () => {
    const rows = [row('a', 'dat', [1, 1], [1, 1], 3), row('b', 'dat', [1, 1], [1, 1], 1)];
    fixTotals(rows, 'models', [0.3, 0.6], 0);
    expect(rows.map((r) => r.models)).toEqual([0, 0]);
  });
});

describe('fixCertified', () => {
  it('certifies units in certified communes first, where most are uncertified', () => {
    const rows = [row('a', 'chua_dat', [1, 10]), row('b', 'dat', [8, 10]), row('c', 'dat', [5, 10])];
    fixCertified(rows, ['residential'], 16);
    expect(rows.map((r) => r.residential.certified)).toEqual([1, 9, 6]);
  });

  it('un-certifies units in uncertified communes first, where most are certified', () => {
    const rows = [row('a', 'dat', [9, 10]), row('b', 'chua_dat', [4, 10]), row('c', 'chua_dat', [8, 10])];
    fixCertified(rows, ['residential'], 20);
    expect(rows.map((r) => r.residential.certified)).toEqual([9, 4, 7]);
    fixCertified(rows, ['residential'], 17);
    expect(rows.map((r) => r.residential.certified)).toEqual([8, 3, 6]);
  });

  it('spreads a sum over several tallies, within their totals', () => {
    const rows = [row('a', 'dat', [4, 5], [1, 3])];
    fixCertified(rows, ['residential', 'schools'], 8);
    expect([rows[0].residential, rows[0].schools]).toEqual([
      { total: 5, certified: 5 },
      { total: 3, certified: 3 },
    ]);
    expect(() => fixCertified(rows, ['residential', 'schools'], 9)).toThrow(/cannot bring certified residential\+schools to 9/);
  });
});
