import { describe, expect, it } from 'vitest';
import type { Status } from '../../shared/domain/types.js';
import { cellText, filterRows, nextSort, sortRows, tableColumns, tableExport, tableRows, type TableRow } from './dataTable.js';
import { buildLegend, type Row, type Symbology } from '../../shared/lib/legendModel.js';
import { STATUS_COLORS } from '../../shared/lib/statusClasses.js';

const commune = (code: string, name: string, type: string, provinceCode: string, status: Status | null, certified: number, models: number | null): Row =>
  ({ code, name, type, provinceCode, status, residential: { total: 10, certified }, models, population: 10_000, areaKm2: 20 }) as Row;
const communes: Row[] = [
  commune('00001', 'Tân Hòa', 'Xã', '01', 'dat', 9, 5),
  commune('00002', 'Đông Ngàn', 'Phường', '01', 'chua_dat', 4, 1),
  commune('00003', 'Ba Đình', 'Phường', '01', 'dat', 10, 8),
  commune('00004', 'Ân Thi', 'Xã', '33', null, 0, null),
  commune('00005', 'Tân Hoà Đông', 'Xã', '33', 'chua_danh_gia', 0, 2),
];
const provinceNames = new Map([
  ['01', 'Thành phố Hà Nội'],
  ['33', 'Tỉnh Hưng Yên'],
]);
const symbology = (o: Partial<Symbology> = {}): Symbology => ({ metric: 'status', denominator: 'population', changeFrom: null, classing: { method: 'equal', k: 3, breaks: [] }, ...o });
const rowsFor = (s: Symbology, withProvince = true) =>
  tableRows(communes, buildLegend(communes, s), { metric: s.metric, denominator: s.denominator, change: s.changeFrom !== null, provinceNames, withProvince });
const names = (rows: TableRow[]) => rows.map((r) => r.name);

describe('tableRows', () => {
  it('gives each commune its class and colour as the legend does', () => {
    const rows = rowsFor(symbology());
    expect(rows.map((r) => [r.name, r.province, r.valueText, r.color])).toEqual([
      ['Xã Tân Hòa', 'Thành phố Hà Nội', 'Đạt', STATUS_COLORS.dat],
      ['Phường Đông Ngàn', 'Thành phố Hà Nội', 'Chưa đạt', STATUS_COLORS.chua_dat],
      ['Phường Ba Đình', 'Thành phố Hà Nội', 'Đạt', STATUS_COLORS.dat],
      ['Xã Ân Thi', 'Tỉnh Hưng Yên', 'Không có số liệu', null],
      ['Xã Tân Hoà Đông', 'Tỉnh Hưng Yên', 'Chưa đánh giá', STATUS_COLORS.chua_danh_gia],
    ]);
    expect(cellText(rows[0], 'residential')).toBe('90,00%');
    expect(cellText(rows[3], 'models')).toBe('–');
  });

  it('a numeric metric carries its value, formatted as the tooltip prints it, and the class range', () => {
    const rows = rowsFor(symbology({ metric: 'rate' }));
    expect(rows[0].value).toBeCloseTo(0.9);
    expect(rows[0].valueText).toBe('90,00%');
    expect(rows[0].classLabel).toMatch(/–/);
    expect(rows[3].value).toBeNull();
    expect(rows[3].classLabel).toBe('Không có số liệu');
  });

  it('a province row counts its communes', () => {
    const province = { code: '01', fullName: 'Thành phố Hà Nội', communes: { total: 10, certified: 7, noData: 1 }, residential: { total: 20, certified: 15 }, models: 9, population: 1000, populationKnown: 10, areaKm2: 5 } as unknown as Row;
    const [r] = tableRows([province], buildLegend([province], symbology({ metric: 'rate' })), { metric: 'rate', denominator: 'population', change: false, provinceNames, withProvince: false });
    expect(r.name).toBe('Thành phố Hà Nội');
    expect(r.province).toBeNull();
    expect(cellText(r, 'communes')).toBe('7/9');
  });
});

describe('figures not reported', () => {
  it('a commune says "chưa báo cáo" in the table and the export, never 0 or a blank; a province gives its coverage', () => {
    const partial = [{ ...commune('00006', 'Đình Bảng', 'Phường', '01', 'dat', 0, null), residential: null } as Row];
    const [r] = tableRows(partial, buildLegend(partial, symbology({ metric: 'rate' })), { metric: 'rate', denominator: 'population', change: false, provinceNames, withProvince: false });
    expect(cellText(r, 'residential')).toBe('chưa báo cáo');
    expect(cellText(r, 'models')).toBe('chưa báo cáo');
    const cols = tableColumns('Tỷ lệ', false, false);
    const out = tableExport([r], cols, { title: 't', info: [], sheetName: 's', numericValue: true, rateValue: true });
    const at = (h: string) => out.rows[0][out.columns.findIndex((c) => c.header === h)];
    expect([at('Khu dân cư đạt'), at('Mô hình tự quản'), at('Dân số')]).toEqual(['chưa báo cáo', 'chưa báo cáo', 10_000]);

    const province = { code: '01', fullName: 'Thành phố Hà Nội', communes: { total: 10, certified: 7, noData: 1 }, residential: { total: 20, certified: 15 }, models: 9, reported: { residential: 8, agencies: 9, enterprises: 9, schools: 9, models: 9 }, population: 1000, populationKnown: 10, areaKm2: 5 } as unknown as Row;
    const [p] = tableRows([province], buildLegend([province], symbology({ metric: 'rate' })), { metric: 'rate', denominator: 'population', change: false, provinceNames, withProvince: false });
    expect(cellText(p, 'residential')).toBe('75,00% (báo cáo 8/9 xã)');
    expect(cellText(p, 'models')).toBe('9');
  });
});

describe('filterRows', () => {
  const rows = rowsFor(symbology());
  it('matches words without diacritics, as prefixes, in any order, across name and province', () => {
    expect(names(filterRows(rows, 'tan hoa'))).toEqual(['Xã Tân Hòa', 'Xã Tân Hoà Đông']);
    expect(names(filterRows(rows, 'dong ng'))).toEqual(['Phường Đông Ngàn']);
    expect(names(filterRows(rows, 'hung yen tan'))).toEqual(['Xã Tân Hoà Đông']);
    expect(names(filterRows(rows, 'phuong'))).toEqual(['Phường Đông Ngàn', 'Phường Ba Đình']);
  });
  it('forgives a typo in a longer word, finds a code, and keeps everything for an empty query', () => {
    expect(names(filterRows(rows, 'ngna dong'))).toEqual(['Phường Đông Ngàn']);
    expect(names(filterRows(rows, '00003'))).toEqual(['Phường Ba Đình']);
    expect(filterRows(rows, '  ')).toHaveLength(5);
    expect(filterRows(rows, 'xyz')).toEqual([]);
  });
});

describe('sortRows', () => {
  it('sorts names in Vietnamese order, either way', () => {
    const rows = rowsFor(symbology());
    expect(names(sortRows(rows, { key: 'name', dir: 'asc' }))).toEqual(['Phường Ba Đình', 'Phường Đông Ngàn', 'Xã Ân Thi', 'Xã Tân Hòa', 'Xã Tân Hoà Đông']);
    expect(names(sortRows(rows, { key: 'name', dir: 'desc' }))[0]).toBe('Xã Tân Hoà Đông');
  });
  it('sorts values with the units without data last in both directions, ties by name', () => {
    const rows = rowsFor(symbology({ metric: 'rate' }));
    expect(names(sortRows(rows, { key: 'value', dir: 'desc' }))).toEqual(['Phường Ba Đình', 'Xã Tân Hòa', 'Phường Đông Ngàn', 'Xã Tân Hoà Đông', 'Xã Ân Thi']);
    expect(names(sortRows(rows, { key: 'value', dir: 'asc' }))).toEqual(['Xã Tân Hoà Đông', 'Phường Đông Ngàn', 'Xã Tân Hòa', 'Phường Ba Đình', 'Xã Ân Thi']);
    expect(names(sortRows(rows, { key: 'models', dir: 'asc' })).at(-1)).toBe('Xã Ân Thi');
  });
  it('sorts a status by its class, high first in the legend order', () => {
    const rows = rowsFor(symbology());
    expect(sortRows(rows, { key: 'value', dir: 'desc' }).map((r) => r.valueText)).toEqual(['Đạt', 'Đạt', 'Chưa đạt', 'Chưa đánh giá', 'Không có số liệu']);
  });
  it('a new numeric column starts high first, a name column A–Z; the same column flips', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'value')).toEqual({ key: 'value', dir: 'desc' });
    expect(nextSort({ key: 'value', dir: 'desc' }, 'value')).toEqual({ key: 'value', dir: 'asc' });
    expect(nextSort({ key: 'value', dir: 'desc' }, 'province')).toEqual({ key: 'province', dir: 'asc' });
  });
});

describe('tableExport', () => {
  it('writes the shown rows with code, value and class, numbers as numbers', () => {
    const rows = sortRows(rowsFor(symbology({ metric: 'rate' })), { key: 'value', dir: 'desc' });
    const columns = tableColumns('Tỷ lệ đạt chuẩn (%)', false, true);
    const t = tableExport(rows.slice(0, 2), columns, { title: 'BẢNG SỐ LIỆU', info: ['Năm: 2025'], sheetName: 'Bảng 2025', numericValue: true, rateValue: true });
    expect(t.columns.map((c) => c.header)).toEqual(['Mã', 'Xã, phường', 'Tỷ lệ đạt chuẩn (%)', 'Lớp', 'Tỉnh, thành phố', 'Khu dân cư đạt', 'Mô hình tự quản', 'Dân số', 'Tình trạng']);
    expect(t.columns[2].kind).toBe('percent');
    expect(t.rows[0].slice(0, 3)).toEqual(['00003', 'Phường Ba Đình', 1]);
    expect(t.rows[0][3]).toMatch(/–/);
    expect(t.rows[0][4]).toBe('Thành phố Hà Nội');
    expect(t.rows[0].at(-1)).toBe('Đạt');
  });
});
