import { loadExcelJS } from '../lib/loadExcelJS.js';
import type { ColumnKind, ExportTable } from './exportTable.js';

const NUM_FMT: Record<ColumnKind, string | undefined> = { text: undefined, count: '#,##0', decimal: '0.00', percent: '0.00%' };

/** The row (1-based) of the column headers: title, info lines, one blank line. */
export const headerRowOf = (t: ExportTable) => t.info.length + 3;

/**
 * One worksheet: the header block, then the table with real numbers (the spreadsheet's locale shows
 * them as 94,75%). Text is always written as a string value, never a formula, so it cannot run.
 * Made in Node (the worklist route) or in a browser (the figures table is made where it is shown).
 */
export async function xlsxBytes(t: ExportTable): Promise<ArrayBuffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Bản đồ phong trào Toàn dân bảo vệ an ninh Tổ quốc';
  const ws = wb.addWorksheet(t.sheetName.slice(0, 31));
  ws.columns = t.columns.map((c) => ({ width: c.width }));
  ws.addRow([t.title]).font = { bold: true, size: 14 };
  for (const line of t.info) ws.addRow([line]);
  ws.addRow([]);
  const head = ws.addRow(t.columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } }));
  for (const values of t.rows) {
    const row = ws.addRow(values.map((v) => v ?? null));
    t.columns.forEach((c, i) => {
      const fmt = NUM_FMT[c.kind];
      if (fmt) row.getCell(i + 1).numFmt = fmt;
    });
  }
  const headerRow = headerRowOf(t);
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + t.rows.length, column: t.columns.length } };
  return (await wb.xlsx.writeBuffer());
}
