// The blank return for one year: one row per commune of a province, with code and name filled in.
// CSV (UTF-8 with BOM, so that Excel shows the diacritics) and XLSX (codes as text, so Excel keeps
// their leading zeros; a second sheet explains each column).

import type { Unit } from '../../shared/domain/types.js';
import { COLUMNS, type ColumnId } from '../../shared/import/columns.js';
import { loadExcelJS } from '../../shared/lib/loadExcelJS.js';

export interface TemplateSpec {
  year: number | null;
  title: string;
  units: Unit[];
  /** A unit's figures, for a return filled in (benchmarks, tests); blank when absent. */
  fill?: (u: Unit) => Partial<Record<ColumnId, string>>;
}

/** Heading row + one row per unit (code, name, year; the figures left blank unless `fill` gives them). */
function templateRows(spec: TemplateSpec): string[][] {
  const ids = COLUMNS.map((c) => c.id);
  return [
    COLUMNS.map((c) => c.heading),
    ...spec.units.map((u) => {
      const f = spec.fill?.(u) ?? {};
      return ids.map((id) => (id === 'code' ? u.code : id === 'name' ? u.fullName : id === 'year' && spec.year !== null ? String(spec.year) : (f[id] ?? '')));
    }),
  ];
}

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function templateCsv(spec: TemplateSpec): string {
  return '\ufeff' + templateRows(spec).map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

export async function templateXlsx(spec: TemplateSpec): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Bản đồ phong trào Toàn dân bảo vệ ANTQ';
  const ws = wb.addWorksheet('Số liệu', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.heading,
    key: c.id,
    width: c.id === 'name' ? 28 : c.id === 'note' ? 30 : Math.max(10, c.heading.length + 2),
    style: c.id === 'code' ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  // Figures filled in are numbers, as Excel stores what a person types.
  const text = new Set<ColumnId>(['code', 'name', 'year', 'note']);
  for (const r of templateRows(spec).slice(1)) ws.addRow(r.map((v, k) => (!text.has(COLUMNS[k].id) && /^\d+$/.test(v) ? Number(v) : v)));
  const help = wb.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'col', width: 26 },
    { header: 'Cách ghi', key: 'help', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow({ col: spec.title });
  for (const c of COLUMNS) help.addRow({ col: c.heading, help: c.help + (c.required ? '' : ' (không bắt buộc)') });
  help.addRow({ col: 'Lưu ý', help: 'Dòng để trống toàn bộ số liệu sẽ được bỏ qua (xã đó giữ nguyên số liệu cũ).' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
