import { formatCount, formatFixed2, formatPercent } from '../lib/format.js';
import { safeText, type CellValue, type ColumnKind, type ExportTable } from './exportTable.js';

function formatCell(v: CellValue, kind: ColumnKind): string {
  if (v === null) return '';
  if (typeof v === 'string') return safeText(v);
  if (kind === 'percent') return formatPercent(v);
  if (kind === 'decimal') return formatFixed2(v);
  return formatCount(v);
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * RFC 4180 CSV with a UTF-8 byte order mark, so that spreadsheet programs read the diacritics
 * correctly; numbers in Vietnamese format ("94,75%", "1.234"), as the portal prints them.
 */
export function toCsv(t: ExportTable): string {
  const lines = [t.title, ...t.info].map((l) => quote(safeText(l)));
  lines.push('');
  lines.push(t.columns.map((c) => quote(safeText(c.header))).join(','));
  for (const row of t.rows) lines.push(row.map((v, i) => quote(formatCell(v, t.columns[i].kind))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
