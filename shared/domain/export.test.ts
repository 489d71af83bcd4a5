import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../lib/csv.js';
import { toCsv } from './exportCsv.js';
import { targetTable, worklistTable } from './exportLists.js';
import { safeText, type ExportTable } from './exportTable.js';
import { headerRowOf, xlsxBytes } from './exportXlsx.js';
import type { CommuneFigures } from './figures.js';
import { planTarget } from './targets.js';
import { DEFAULT_CRITERIA, buildWorklist } from './worklist.js';

const base: Omit<CommuneFigures, 'code' | 'name' | 'status'> = {
  type: 'Xã',
  provinceCode: '01',
  districtCode: null,
  population: 12_345,
  areaKm2: 10,
  origin: 'sample',
  exemplary: false,
  keyArea: true,
  hotSpot: false,
  residential: { total: 20, certified: 19 },
  agencies: { total: 0, certified: 0 },
  enterprises: { total: 0, certified: 0 },
  schools: { total: 0, certified: 0 },
  models: 3,
};
// Names an attacker could have slipped into an imported file.
const hostile = ['=HYPERLINK("http://x.invalid","Bấm")', '+84 912', '-1+1', '@SUM(A1)', 'Đông Ngàn, "cũ"'];
const communes: CommuneFigures[] = hostile.map((name, i) => ({ ...base, code: `0000${i}`, name, status: i % 2 ? 'chua_dat' : 'dat' }));
const names = new Map([['01', 'Thành phố Hà Nội']]);
const worklist = buildWorklist({
  criteria: { ...DEFAULT_CRITERIA, year: 2025, since: 2024, province: '01' },
  communes,
  sinceStatuses: null,
  earlier: [],
  provinceNames: names,
});
const ctx = { dataLabel: 'Dữ liệu minh họa', note: null, exportedAt: new Date('2025-11-23T08:00:00Z') };
const table = worklistTable(worklist, names, ctx);

describe('safeText', () => {
  it('prefixes an apostrophe to anything a spreadsheet would run', () => {
    expect(hostile.map(safeText)).toEqual(["'=HYPERLINK(\"http://x.invalid\",\"Bấm\")", "'+84 912", "'-1+1", "'@SUM(A1)", 'Đông Ngàn, "cũ"']);
    expect(safeText('\t=1')).toBe("'\t=1");
    expect(safeText('Xã Đông Ngàn')).toBe('Xã Đông Ngàn');
  });
});

describe('CSV export', () => {
  const csv = toCsv(table);
  it('starts with a UTF-8 BOM and states sample data, filters, year and date in the header block', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const head = parseCsv(csv).slice(0, table.info.length + 1).map((r) => r.fields[0]);
    expect(head[0]).toBe('DANH SÁCH XÃ, PHƯỜNG CẦN TẬP TRUNG NĂM 2025');
    expect(head).toContain('DỮ LIỆU MINH HỌA: số liệu do bộ sinh dữ liệu mẫu tạo ra, không phải số liệu chính thức.');
    expect(head).toContain('Năm: 2025');
    expect(head).toContain('Phạm vi: Thành phố Hà Nội');
    expect(head).toContain('Ngày xuất: 23/11/2025');
  });

  it('reads back to the same table, every hostile cell made text, numbers in Vietnamese format', () => {
    const records = parseCsv(csv);
    const header = records[table.info.length + 1].fields;
    expect(header).toEqual(table.columns.map((c) => c.header));
    const rows = records.slice(table.info.length + 2).map((r) => r.fields);
    expect(rows).toHaveLength(hostile.length);
    const nameCol = header.indexOf('Tên xã, phường');
    expect(rows.map((r) => r[nameCol]).sort()).toEqual(hostile.map((n) => safeText(`Xã ${n}`)).sort());
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(rows[0][header.indexOf('Mã xã')]).toMatch(/^0000\d$/);
    expect(rows[0][header.indexOf('Dân số')]).toBe('12.345');
    expect(rows[0][header.indexOf('Tỷ lệ khu dân cư đạt')]).toBe('95,00%');
  });

  it('guards the header block too', () => {
    const t: ExportTable = { title: '=1+1', info: ['-2'], columns: [{ header: '@x', kind: 'text', width: 5 }], rows: [], sheetName: 'x' };
    expect(toCsv(t)).toBe("\uFEFF'=1+1\r\n'-2\r\n\r\n'@x\r\n");
  });
});

describe('XLSX export', () => {
  it('reads back with exceljs: header block, headers, rows as typed values, hostile text never a formula', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsxBytes(table));
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Danh sách 2025');
    const text = (r: number, c = 1) => ws.getRow(r).getCell(c).value;
    expect([table.title, ...table.info].map((_, i) => text(i + 1))).toEqual([table.title, ...table.info]);
    const h = headerRowOf(table);
    expect(table.columns.map((_, i) => text(h, i + 1))).toEqual(table.columns.map((c) => c.header));
    for (let r = 0; r < table.rows.length; r++) {
      const row = ws.getRow(h + 1 + r);
      table.rows[r].forEach((v, c) => {
        const cell = row.getCell(c + 1);
        expect(cell.formula, `row ${r} col ${c}`).toBeUndefined();
        expect(cell.value, `row ${r} col ${c}`).toEqual(v === '' ? '' : v);
      });
    }
    const names = table.rows.map((_, r) => ws.getRow(h + 1 + r).getCell(3));
    expect(names.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    expect(ws.getRow(h + 1).getCell(11).numFmt).toBe('0.00%');
  });

  it('exports a target plan with its message and the projected rate after each commune', async () => {
    const plan = planTarget({ year: 2025, provinceCode: '01', provinceName: 'Thành phố Hà Nội', target: 1 }, communes);
    const t = targetTable(plan, ctx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsxBytes(t));
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('LỘ TRÌNH ĐẠT 100% XÃ, PHƯỜNG ĐẠT CHUẨN: THÀNH PHỐ HÀ NỘI, NĂM 2025');
    expect(t.info).toContain(plan.message);
    const last = ws.getRow(headerRowOf(t) + t.rows.length);
    expect(last.getCell(8).value).toBe(1);
  });
});
