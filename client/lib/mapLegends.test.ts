import { describe, expect, it } from 'vitest';
import { buildLegend, type Row, type Symbology } from '../../shared/lib/legendModel.js';
import { crosswalkNote, hoverValue, legendTitleOf, mainLegendNote, rankOf } from './mapLegends.js';

const commune = (code: string, provinceCode: string, certified: number, status: Row['status'] = 'dat'): Row & { provinceCode: string } => ({
  code,
  provinceCode,
  status,
  residential: { total: 10, certified },
  models: 5,
  population: 10_000,
  areaKm2: 20,
});
const rows = [commune('00001', '01', 9), commune('00002', '01', 7), commune('00003', '01', 9), commune('00004', '02', 10), commune('00005', '01', 0, null)];
const names = new Map([
  ['01', 'Thành phố Hà Nội'],
  ['02', 'Tỉnh Cao Bằng'],
]);
const status: Symbology = { metric: 'status', denominator: 'population', changeFrom: null, classing: { method: 'quantile', k: 5, breaks: [] } };
const rate: Symbology = { ...status, metric: 'rate' };

describe('the rank of the selected unit', () => {
  it('ranks a commune among its province’s communes, ties sharing the better rank, units without data left out', () => {
    const values = buildLegend(rows, rate).values;
    expect(rankOf('00002', rows, values, 'rate', names)).toEqual({ rank: 3, of: 3, within: 'trong Thành phố Hà Nội' });
    expect(rankOf('00003', rows, values, 'rate', names)).toEqual({ rank: 1, of: 3, within: 'trong Thành phố Hà Nội' });
    expect(rankOf('00004', rows, values, 'rate', names)).toEqual({ rank: 1, of: 1, within: 'trong Tỉnh Cao Bằng' });
  });

  it('ranks by the residential-area rate on the status map', () => {
    expect(rankOf('00002', rows, buildLegend(rows, status).values, 'status', names)?.rank).toBe(3);
  });

  it('has none without a selection, figures, a known unit or a value', () => {
    const values = buildLegend(rows, rate).values;
    expect(rankOf(null, rows, values, 'rate', names)).toBeNull();
    expect(rankOf('00001', null, values, 'rate', names)).toBeNull();
    expect(rankOf('99999', rows, values, 'rate', names)).toBeNull();
    expect(rankOf('00005', rows, values, 'rate', names)).toBeNull();
  });
});

describe('legend texts', () => {
  it('titles a legend with its year, a change with a comma', () => {
    const legend = buildLegend(rows, status);
    expect(legendTitleOf(legend, 2025, false)).toBe(`${legend.title} năm 2025`);
    expect(legendTitleOf(legend, 2025, true)).toBe(`${legend.title}, năm 2025`);
  });

  it('notes how a year before the reform is built, and nothing for 2025 or without figures', () => {
    expect(crosswalkNote({ level: 'commune' }, 2023)).toMatch(/^Năm 2023 quy đổi từ các xã cũ/);
    expect(crosswalkNote({ level: 'province' }, 2023)).toMatch(/^Năm 2023: số liệu báo cáo của các xã cũ/);
    expect(crosswalkNote({ level: 'commune' }, 2025)).toBeNull();
    expect(crosswalkNote(null, 2023)).toBeNull();
  });

  it('joins the notes, and says when a compared map shares the legend (and its breaks, when numeric)', () => {
    expect(mainLegendNote([null, null], null)).toBeNull();
    expect(mainLegendNote(['A.', null], { year: 2023, categorical: true, shownYear: 2025 })).toBe('A. Bản đồ năm 2023 dùng cùng chú giải; số đơn vị là của năm 2025.');
    expect(mainLegendNote([], { year: 2023, categorical: false, shownYear: 2025 })).toBe('Bản đồ năm 2023 dùng cùng chú giải và ngưỡng; số đơn vị là của năm 2025.');
  });

  it('tells a unit’s class on a status map and its value on a numeric one', () => {
    const s = buildLegend(rows, status);
    expect(hoverValue(s, '00001', status)).toBe(s.entries.find((e) => e.id === 'dat')!.label);
    expect(hoverValue(s, 'nothing', status)).toBe('Không có số liệu');
    expect(hoverValue(buildLegend(rows, rate), '00002', rate)).toBe('70,00%');
  });

  it('says "chưa báo cáo" of a figure a return left out, as the panel and table do, and "Không có số liệu" only without data', () => {
    const partial: Row[] = [...rows, { code: '00006', status: 'dat', residential: null, models: null, population: 10_000, areaKm2: 20 }];
    const density: Symbology = { ...status, metric: 'density' };
    for (const s of [rate, density]) {
      const legend = buildLegend(partial, s);
      expect(hoverValue(legend, '00006', s)).toBe('chưa báo cáo');
      expect(hoverValue(legend, '00005', s)).toBe('Không có số liệu');
      // The legend's hatched entry counts both, and says so.
      expect(legend.entries.at(-1)).toMatchObject({ label: 'Không có số liệu, chưa báo cáo', count: 2, hatched: true });
    }
    const onlyUnreported = buildLegend(partial.filter((r) => r.code !== '00005'), rate);
    expect(onlyUnreported.entries.at(-1)).toMatchObject({ label: 'Chưa báo cáo', count: 1 });
    expect(buildLegend(rows, rate).entries.at(-1)).toMatchObject({ label: 'Không có số liệu', count: 1 });
  });
});
