import { describe, expect, it } from 'vitest';
import { aggregate, coverage } from './aggregate.js';
import { noFigures, type CommuneFigures } from './figures.js';
import type { Status } from './types.js';

function commune(code: string, type: string, status: Status | null, rd: [number, number], models: number, population: number | null): CommuneFigures {
  return {
    ...noFigures(), code, name: code, type, provinceCode: '27', districtCode: null, population, areaKm2: 10, origin: 'sample',
    status, residential: { total: rd[0], certified: rd[1] }, models,
  };
}

describe('aggregate', () => {
  const rows = [
    commune('1', 'Xã', 'dat', [10, 10], 3, 1000),
    commune('2', 'Xã', 'chua_dat', [8, 5], 1, 2000),
    commune('3', 'Phường', 'dat', [12, 12], 4, null),
    commune('4', 'Thị trấn', 'chua_danh_gia', [5, 0], 0, 500),
    commune('5', 'Xã', null, [0, 0], 0, 100),
  ];
  const a = aggregate(rows, { total: 213, certified: 194 });

  it('counts communes by status and by type', () => {
    expect(a.communes).toEqual({
      total: 5, certified: 2, notCertified: 1, notAssessed: 1, noData: 1,
      byType: { Xã: { total: 3, certified: 1 }, Phường: { total: 1, certified: 1 }, 'Thị trấn': { total: 1, certified: 0 } },
    });
  });

  it('sums tallies and models, and computes rates over the communes with data', () => {
    expect(a.residential).toEqual({ total: 35, certified: 27 });
    expect(a.models).toBe(8);
    expect(a.rates.communes).toBe(2 / 4);
    expect(a.rates.residential).toBeCloseTo(27 / 35);
    expect(a.provinceBodies).toEqual({ total: 213, certified: 194 });
  });

  it('sums only known populations and says how many were known', () => {
    expect(a.population).toBe(3600);
    expect(a.populationKnown).toBe(4);
  });

  it('sums only the figures reported, says how many communes reported each, and never counts unknown as 0', () => {
    const partial = [
      commune('1', 'Xã', 'dat', [10, 10], 3, 1000),
      { ...commune('2', 'Xã', 'chua_dat', [8, 5], 1, 2000), residential: null, models: null },
      { ...commune('3', 'Phường', 'dat', [12, 6], 4, null), agencies: { total: 2, certified: 1 } },
      { ...commune('4', 'Xã', 'dat', [4, 4], 2, 3000), residential: null },
      { ...noFigures(), ...commune('5', 'Xã', null, [0, 0], 0, 100), residential: null, models: null },
    ];
    const p = aggregate(partial);
    expect(p.residential).toEqual({ total: 22, certified: 16 });
    expect(p.rates.residential).toBeCloseTo(16 / 22);
    expect(p.reported).toEqual({ residential: 2, agencies: 1, enterprises: 0, schools: 0, models: 3, keyArea: 0, hotSpot: 0, exemplary: 0 });
    expect(p.rates.agencies).toBe(0.5);
    expect(p.rates.enterprises).toBeNull();
    expect(p.models).toBe(9);
    // Density over the communes that reported models and have the denominator: 5 models for 4,000 residents.
    expect(p.densityBase.population).toEqual({ models: 5, per: 4000 });
    expect(p.densityBase.area).toEqual({ models: 9, per: 30 });
    expect(p.densityBase.residential).toEqual({ models: 7, per: 22 });
    // Coverage over the 4 communes with data (the 5th has none).
    expect(coverage(p, 'residential')).toBe('báo cáo 2/4 xã');
    expect(coverage(p, 'models')).toBe('báo cáo 3/4 xã');
    expect(coverage(a, 'residential')).toBeNull();
  });

  it('counts the yes/no flags as known yeses, and says how many communes with data reported each', () => {
    const flags = (keyArea: boolean | null, hotSpot: boolean | null) => ({ exemplary: false, keyArea, hotSpot });
    const rows = [
      { ...commune('1', 'Xã', 'dat', [1, 1], 1, 10), ...flags(true, false) },
      { ...commune('2', 'Xã', 'chua_dat', [1, 0], 1, 10), ...flags(true, true) },
      { ...commune('3', 'Xã', 'dat', [1, 1], 1, 10), ...flags(null, null) }, // its return left the flags out
      { ...commune('4', 'Xã', 'dat', [1, 1], 1, 10), ...flags(false, null) },
      { ...commune('5', 'Xã', null, [0, 0], 0, 10), ...flags(null, null) }, // no data at all: not counted either way
    ];
    const f = aggregate(rows);
    expect([f.keyAreas, f.hotSpots, f.exemplary]).toEqual([2, 1, 0]);
    expect([f.reported.keyArea, f.reported.hotSpot, f.reported.exemplary]).toEqual([3, 2, 4]);
    expect(coverage(f, 'keyArea')).toBe('báo cáo 3/4 xã');
    expect(coverage(f, 'hotSpot')).toBe('báo cáo 2/4 xã');
    expect(coverage(f, 'exemplary')).toBeNull();
    // An old commune split between areas counts for its share, as the other figures do.
    expect(aggregate([{ ...rows[0], weight: 0.4 }, rows[2]]).reported.keyArea).toBe(0.4);
  });

  it('gives null rates when there is nothing to count', () => {
    expect(aggregate([]).rates.communes).toBeNull();
  });
});
