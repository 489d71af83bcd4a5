import { describe, expect, it } from 'vitest';
import type { Assessment, CrosswalkLink, Unit } from '../../shared/domain/types.js';
import { communeFigures } from '../../test/support/figures.js';
import { communeLevel, communeRow, counted, groupAreas, reportedRows, rolledRows, sumTallies } from './statsRows.js';

const unit = (code: string, level: Unit['level'], provinceCode: string, districtCode: string | null = null): Unit => ({
  vintage: 'pre2025', code, level, name: code, fullName: `Đơn vị ${code}`, type: level === 'province' ? 'Tỉnh' : level === 'district' ? 'Huyện' : 'Xã', provinceCode, districtCode, population: 5, areaKm2: 2,
});

describe('stats rows', () => {
  it('counts communes and the island districts without communes, which stand as their own district', () => {
    const units = new Map([unit('31', 'province', '31'), unit('311', 'district', '31'), unit('312', 'district', '31'), unit('10001', 'commune', '31', '312')].map((u) => [u.code, u]));
    expect(communeLevel(units).map((u) => [u.code, u.districtCode])).toEqual([['311', '311'], ['10001', '312']]);
  });

  it('puts a commune’s figures under its identity, with its predecessors when rolled up', () => {
    const a = { ...communeFigures('10001'), communeCode: '10001', batchId: 3, vintage: 'pre2025', year: 2024, note: 'x' } as unknown as Assessment;
    const f = counted(a);
    expect(Object.keys(f).sort()).toEqual(['agencies', 'enterprises', 'exemplary', 'hotSpot', 'keyArea', 'models', 'residential', 'schools', 'status']);
    const row = communeRow(unit('10001', 'commune', '31', '312'), f, 'import');
    expect(row).toMatchObject({ code: '10001', provinceCode: '31', districtCode: '312', origin: 'import', status: 'dat' });
    expect('predecessors' in row).toBe(false);
    expect(communeRow(unit('10001', 'commune', '31'), f, null, [{ code: '00001', status: 'dat' }] as never).predecessors).toHaveLength(1);
  });

  it('sums each area over its communes, with the province-managed bodies where given', () => {
    const communes = [communeFigures('1', { provinceCode: '01' }), communeFigures('2', { provinceCode: '01', status: 'chua_dat' }), communeFigures('3', { provinceCode: '02' })];
    const [a, b, c] = groupAreas([unit('01', 'province', '01'), unit('02', 'province', '02'), unit('03', 'province', '03')], communes, new Map([['02', { total: 4, certified: 3 }]]));
    expect([a.communes.total, a.communes.certified, b.communes.total, c.communes.total]).toEqual([2, 1, 1, 0]);
    expect(b.provinceBodies).toEqual({ total: 4, certified: 3 });
    expect(a).toMatchObject({ code: '01', fullName: 'Đơn vị 01', type: 'Tỉnh' });
    expect(sumTallies([{ total: 4, certified: 3 }, { total: 2, certified: 2 }])).toEqual({ total: 6, certified: 5 });
    expect(sumTallies([])).toBeNull();
  });

  const old = (code: string, batchId: number, over: Partial<Assessment> = {}): Assessment => ({
    vintage: 'pre2025', communeCode: code, year: 2020, status: 'dat', exemplary: false, residential: { total: 4, certified: 4 }, agencies: null,
    enterprises: null, schools: null, models: 2, keyArea: false, hotSpot: false, batchId, ...over,
  });
  const link = (oldCode: string, newCode: string, weight = 1): CrosswalkLink => ({ oldCode, newCode, relation: weight === 1 ? 'full' : 'partial', weight });
  const originOf = (a: Assessment) => (a.batchId === 1 ? 'sample' : 'import');
  const newUnit = (code: string) => ({ ...unit(code, 'commune', '01'), vintage: '2025' as const });

  it('labels a rolled-up commune sample data as soon as one of its parts is, whatever other communes are', () => {
    const links = [link('1', 'A'), link('2', 'A'), link('3', 'B'), link('4', 'C'), link('5', 'D')];
    const rows = rolledRows(['A', 'B', 'C', 'D'].map(newUnit), [old('1', 2), old('2', 1), old('3', 2), old('4', 1)], links, originOf);
    expect(rows.map((r) => [r.code, r.origin, r.status])).toEqual([['A', 'sample', 'dat'], ['B', 'import', 'dat'], ['C', 'sample', 'dat'], ['D', null, null]]);
  });

  it('rolls one commune up from its own links and parts alone as from the whole year', () => {
    const links = [link('1', 'A'), link('2', 'A', 0.4), link('2', 'B', 0.6), link('3', 'B')];
    const year = [old('1', 2), old('2', 1, { status: 'chua_dat', residential: { total: 10, certified: 5 } }), old('3', 2)];
    const all = rolledRows([newUnit('A'), newUnit('B')], year, links, originOf);
    for (const row of all) {
      const own = links.filter((l) => l.newCode === row.code);
      const parts = year.filter((a) => own.some((l) => l.oldCode === a.communeCode));
      expect(rolledRows([newUnit(row.code)], parts, own, originOf)).toEqual([row]);
    }
    expect(all[1]).toMatchObject({ status: 'chua_dat', residential: { total: 10, certified: 7 }, origin: 'sample' });
  });

  it('gives a commune without a return of the year no figures and no origin', () => {
    const [a, b] = reportedRows([newUnit('A'), newUnit('B')], [{ ...old('A', 2), vintage: '2025', year: 2025 }], originOf);
    expect([a.origin, a.status, b.origin, b.status]).toEqual(['import', 'dat', null, null]);
  });
});
