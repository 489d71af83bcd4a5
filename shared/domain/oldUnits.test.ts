import { describe, expect, it } from 'vitest';
import { noFigures, type CommuneFigures } from './figures.js';
import { oldUnitsByProvince } from './oldUnits.js';
import { rollUp } from './rollup.js';
import type { Assessment, CrosswalkLink, Status } from './types.js';

const old = (code: string, status: Status | null, res: [number, number] = [10, 10]): CommuneFigures => ({
  ...noFigures(), code, name: code, type: 'Xã', provinceCode: '99', districtCode: null, population: 1000, areaKm2: 5, origin: 'sample',
  status, residential: { total: res[0], certified: res[1] }, models: 2,
});
const link = (oldCode: string, newCode: string, weight = 1): CrosswalkLink => ({ oldCode, newCode, relation: weight === 1 ? 'full' : 'partial', weight });

// Province A: new commune A1 from old 1, 2, 3 (3 not certified); A2 from old 4 and 60 % of old 5.
// Province B: new commune B1 from old 6 and 40 % of old 5.
const rows = [old('1', 'dat'), old('2', 'dat'), old('3', 'chua_dat', [10, 4]), old('4', 'dat'), old('5', 'dat'), old('6', 'chua_danh_gia')];
const links = [link('1', 'A1'), link('2', 'A1'), link('3', 'A1'), link('4', 'A2'), link('5', 'A2', 0.6), link('5', 'B1', 0.4), link('6', 'B1')];
const provinceOf = new Map([['A1', 'A'], ['A2', 'A'], ['B1', 'B']]);

describe('an area before the reform, on its old communes as reported', () => {
  const { country, provinces } = oldUnitsByProvince(rows, links, provinceOf);

  it('counts whole old communes, and a commune split between areas by its share', () => {
    const a = provinces.get('A')!;
    expect(a.total.communes).toMatchObject({ total: 4.6, certified: 3.6, notCertified: 1 });
    expect(a.split).toBe(1);
    expect(a.total.rates.communes).toBeCloseTo(3.6 / 4.6, 10);
    expect(provinces.get('B')!.total.communes).toMatchObject({ total: 1.4, certified: 0.4, notAssessed: 1 });
    expect(a.total.residential).toEqual({ total: 46, certified: 40 });
  });

  it('counts each old commune once for the country', () => {
    expect(country.total.communes).toMatchObject({ total: 6, certified: 4, notCertified: 1, notAssessed: 1 });
    expect(country.split).toBe(0);
  });

  it('counts an old commune split between new communes of one area whole', () => {
    const { provinces: p } = oldUnitsByProvince([old('7', 'dat')], [link('7', 'A1', 0.5), link('7', 'A2', 0.5)], provinceOf);
    expect(p.get('A')).toMatchObject({ split: 0, total: { communes: { total: 1, certified: 1 } } });
  });

  it('differs from the roll-up, which counts a new commune certified only if all its predecessors were', () => {
    const asAssessments = rows.filter((r) => r.status).map((r) => ({ ...r, communeCode: r.code, vintage: 'pre2025', year: 2024, batchId: 1 }) as unknown as Assessment);
    const rolled = rollUp(asAssessments, links);
    const inA = ['A1', 'A2'].map((c) => rolled.get(c)!.status);
    expect(inA).toEqual(['chua_dat', 'dat']); // roll-up: 1 of 2 = 50 %
    expect(provinces.get('A')!.total.rates.communes).toBeGreaterThan(0.75); // as reported: 3.6 of 4.6
  });
});
