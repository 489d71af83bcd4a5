import { describe, expect, it } from 'vitest';
import { basisLabel, comparedYears, previousYear, rollupLabel, yearBasis } from './previousYear.js';

const years = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

describe('the previous year of an area', () => {
  it('is, across the reform, the old communes as reported for an area and the roll-up for one commune', () => {
    expect(previousYear('province', 2025, years)).toEqual({ now: { year: 2025, basis: 'reported' }, before: { year: 2024, basis: 'old-units' }, acrossReform: true });
    expect(previousYear('country', 2025, years).before).toEqual({ year: 2024, basis: 'old-units' });
    expect(previousYear('commune', 2025, years).before).toEqual({ year: 2024, basis: 'rollup' });
  });
  it('takes both years before the reform alike', () => {
    expect(previousYear('province', 2024, years)).toEqual({ now: { year: 2024, basis: 'old-units' }, before: { year: 2023, basis: 'old-units' }, acrossReform: false });
    expect(previousYear('commune', 2024, years)).toEqual({ now: { year: 2024, basis: 'rollup' }, before: { year: 2023, basis: 'rollup' }, acrossReform: false });
  });
  it('is none when the year before has no data', () => {
    expect(previousYear('province', 2017, years).before).toBeNull();
    expect(previousYear('country', 2025, years.filter((y) => y !== 2024)).before).toBeNull();
  });
  it('compares with any earlier year the same way, and never with a later one', () => {
    expect(comparedYears('province', 2025, 2020, years)).toEqual({ now: { year: 2025, basis: 'reported' }, before: { year: 2020, basis: 'old-units' }, acrossReform: true });
    expect(comparedYears('province', 2023, 2025, years).before).toBeNull();
    expect(comparedYears('province', 2025, null, years).before).toBeNull();
  });
  it('never builds an area on the roll-up', () => {
    for (const y of years) for (const kind of ['country', 'province'] as const) expect(yearBasis(kind, y)).not.toBe('rollup');
  });
});

describe('labels', () => {
  it('say what each year is built from', () => {
    expect(basisLabel('reported')).toBe('');
    expect(basisLabel('old-units')).toBe('xã cũ, trước sắp xếp');
    expect(basisLabel('old-units', { oldUnits: 10040 })).toBe('10.040 xã cũ, trước sắp xếp');
    expect(basisLabel('old-units', { oldUnits: 106.4, split: 1 })).toBe('106,4 xã cũ, trước sắp xếp; 1 xã cũ chia cho nhiều tỉnh tính theo tỷ lệ diện tích');
    expect(rollupLabel({ total: 3, certified: 2 })).toBe('quy đổi từ 3 xã cũ, 2 đạt');
    expect(basisLabel('rollup', { predecessors: { total: 4, certified: 4 } })).toBe('quy đổi từ 4 xã cũ, 4 đạt');
  });
});
