import { describe, expect, it } from 'vitest';
import type { CrosswalkLink, Unit, Vintage } from '../../shared/domain/types.js';
import { importUnits, mappingKey, namedProvince, provincesOf, scopeOf, writableBy } from './importUnits.js';

const unit = (vintage: Vintage, code: string, level: Unit['level'], provinceCode: string, name = code): Unit => ({
  vintage, code, level, name, fullName: level === 'province' ? `Tỉnh ${name}` : `Xã ${name}`, type: level === 'province' ? 'Tỉnh' : 'Xã', provinceCode, districtCode: null, population: null, areaKm2: null,
});
// 2025: province 24 took old provinces 24 and 27 whole; province 01 took old 01 and one commune of old 27 (split).
const now = [unit('2025', '24', 'province', '24', 'Bắc Ninh'), unit('2025', '01', 'province', '01', 'Hà Nội'), unit('2025', '10001', 'commune', '24'), unit('2025', '10002', 'commune', '24'), unit('2025', '10003', 'commune', '01')];
const old = [
  unit('pre2025', '24', 'province', '24', 'Bắc Giang'), unit('pre2025', '27', 'province', '27', 'Bắc Ninh'), unit('pre2025', '01', 'province', '01', 'Hà Nội'),
  unit('pre2025', '00001', 'commune', '24'), unit('pre2025', '00002', 'commune', '27'), unit('pre2025', '00003', 'commune', '27'), unit('pre2025', '00004', 'commune', '01'), unit('pre2025', '00005', 'commune', '27'),
];
const link = (oldCode: string, newCode: string, relation: CrosswalkLink['relation'] = 'full'): CrosswalkLink => ({ oldCode, newCode, relation, weight: 1 });
const links = [link('00001', '10001'), link('00002', '10002'), link('00003', '10002'), link('00004', '10003'), link('00005', '10002', 'partial'), link('00005', '10003', 'partial')];
const units = importUnits(now, old, links);

describe('import units', () => {
  it('gives each old province to the 2025 province most of its communes went into, in code order', () => {
    expect(units.oldProvincesOf).toEqual(new Map([['24', ['24', '27']], ['01', ['01']]]));
    expect(units.successors.get('00005')).toEqual(new Set(['24', '01']));
  });

  it('reads a 2025 code for an old year as the old provinces that went into it, unless told it is an old code', () => {
    expect(provincesOf(units, 'pre2025', '24', null)).toEqual(['24', '27']);
    expect(provincesOf(units, 'pre2025', '24', 'pre2025')).toEqual(['24']);
    expect(provincesOf(units, '2025', '24', null)).toEqual(['24']);
    expect(provincesOf(units, 'pre2025', '99', null)).toEqual(['99']);
  });

  it('names a province by the list of the code it is, and refuses an unknown code in Vietnamese', () => {
    expect(namedProvince(units, 'pre2025', '24')).toEqual({ code: '24', name: 'Tỉnh Bắc Ninh' });
    expect(namedProvince(units, 'pre2025', '24', 'pre2025')).toEqual({ code: '24', name: 'Tỉnh Bắc Giang' });
    expect(namedProvince(units, '2025', null)).toBeNull();
    expect(() => namedProvince(units, '2025', '27')).toThrow('Không có tỉnh mã 27 trong danh mục 34 tỉnh, thành phố từ 01/7/2025');
  });

  it('remembers choices under the 2025 province', () => {
    expect(mappingKey(units, 'pre2025', { code: '27' }, 'pre2025')).toBe('tỉnh 24');
    expect(mappingKey(units, 'pre2025', { code: '24' })).toBe('tỉnh 24');
    expect(mappingKey(units, '2025', null)).toBe('*');
  });

  it('lets a province editor write the old communes all of whose successors lie in the province', () => {
    const bacNinh = scopeOf({ role: 'editor', provinceCode: '24' });
    expect(bacNinh).toEqual({ province: '24', label: 'tỉnh 24' });
    const mayOld = writableBy(units, 'pre2025', bacNinh);
    expect(old.filter((u) => u.level === 'commune' && mayOld(u)).map((u) => u.code)).toEqual(['00001', '00002', '00003']);
    expect(writableBy(units, '2025', bacNinh)(now[4])).toBe(false);
    expect(writableBy(units, 'pre2025', scopeOf({ role: 'admin', provinceCode: null }))(old[7])).toBe(true);
  });
});
