// The columns of a return's table, checked before any row: a commune column and at least one figure,
// no heading read twice, a column with data but no heading; and which figures the file does not report
// at all (a missing column is "not reported", never 0).

import { heading, type ColumnId } from '../../shared/import/columns.js';
import type { Figure, Problem, ProblemKind } from '../../shared/import/findings.js';
import type { Table } from './table.js';

export const TEMPLATE_HINT = 'Tải mẫu (XLSX hoặc CSV) ở trang Nhập số liệu, hoặc chọn ở bảng "Ghép cột" cột nào là cột gì.';

/** Each figure and the columns it needs. */
const FIGURE_COLUMNS: readonly [Figure, ColumnId[]][] = [
  ['residential', ['rdTotal', 'rdCertified']],
  ['agencies', ['agTotal', 'agCertified']],
  ['enterprises', ['enTotal', 'enCertified']],
  ['schools', ['scTotal', 'scCertified']],
  ['models', ['models']],
  ['keyArea', ['keyArea']],
  ['hotSpot', ['hotSpot']],
  ['exemplary', ['exemplary']],
];

/** The figures a table has no (complete set of) columns for. */
export const missingFigures = (table: Table) => FIGURE_COLUMNS.filter(([, ids]) => !ids.every((id) => table.index.has(id)));

export function checkColumns(table: Table, problem: (severity: Problem['severity'], kind: ProblemKind, message: string, hint: string) => void): void {
  const has = (id: ColumnId) => table.index.has(id);
  if (!has('code') && !has('name')) problem('error', 'column', 'Thiếu cột "Mã xã" (hoặc "Tên xã, phường").', TEMPLATE_HINT);
  if (!['status', 'rdTotal', 'rdCertified', 'agTotal', 'agCertified', 'enTotal', 'enCertified', 'scTotal', 'scCertified', 'models'].some((id) => has(id as ColumnId))) {
    problem('error', 'column', 'Không có cột số liệu nào (kết quả ANTT, khu dân cư, mô hình…).', TEMPLATE_HINT);
  }
  for (const c of table.columns) {
    if (c.duplicateOf && c.id) {
      problem('error', 'column', `Cột ${c.letter} ("${c.heading}") và cột ${c.duplicateOf} cùng là "${heading(c.id)}".`, 'Chọn ở bảng "Ghép cột" cột nào là cột đó, cột kia "Bỏ qua"; hoặc đổi tên một cột.');
    }
  }
  for (const c of table.columns) {
    if (c.source !== 'unknown') continue;
    if (c.heading !== '') problem('warning', 'column', `Cột ${c.letter} ("${c.heading}") không nhận ra: bỏ qua.`, 'Nếu cột này có số liệu cần nhập, chọn nó là cột gì ở bảng "Ghép cột".');
    else if (table.rows.some((r) => r.kind === 'commune' && (r.cells[c.index] ?? '').trim() !== '')) {
      problem('error', 'column', `Cột ${c.letter} không có tiêu đề nhưng có dữ liệu.`, 'Chọn ở bảng "Ghép cột" cột này là cột gì, hoặc "Bỏ qua"; hoặc ghi tiêu đề cho cột.');
    }
  }
}

const FLAGS: Figure[] = ['keyArea', 'hotSpot', 'exemplary'];

/**
 * The warnings for the figures the file leaves out: one per count figure ("để trống, không ghi 0"), one for
 * the flags together ("không ghi là không"); none when it has them all. The import page and the CLI fold them into one group.
 */
export function notReportedWarnings(table: Table): { message: string; hint: string }[] {
  const missing = missingFigures(table);
  const named = (list: typeof missing) => list.map(([, ids]) => ids.filter((id) => !table.index.has(id)).map((id) => `"${heading(id)}"`).join(', ')).join(', ');
  const hint = 'Số liệu này đã nhập trước đó cho năm này (nếu có) được giữ nguyên. Nếu tệp có cột đó dưới tên khác, chọn nó ở bảng "Ghép cột".';
  const out = missing.filter(([f]) => !FLAGS.includes(f)).map((m) => ({ message: `Không có cột ${named([m])}: để trống (chưa báo cáo), không ghi 0`, hint }));
  const flags = missing.filter(([f]) => FLAGS.includes(f));
  if (flags.length > 0) out.push({ message: `Không có cột ${named(flags)}: để trống (chưa báo cáo), không ghi là "không"`, hint });
  return out;
}
