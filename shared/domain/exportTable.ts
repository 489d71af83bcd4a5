/** A list ready to export: a header block (what, which filters, which year, when) and typed columns. */
export type CellValue = string | number | null;

/** How a column's numbers are written: Vietnamese format in CSV, a number format in XLSX. */
export type ColumnKind = 'text' | 'count' | 'decimal' | 'percent';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters (XLSX). */
  width: number;
}

export interface ExportTable {
  title: string;
  /** Header block lines under the title: sample-data warning, year, filters, export date. */
  info: string[];
  columns: ExportColumn[];
  rows: CellValue[][];
  sheetName: string;
}

/**
 * A spreadsheet program runs a cell starting with "=", "+", "-" or "@" (or a tab or carriage return
 * ahead of one) as a formula: a leading apostrophe keeps it text (OWASP "CSV injection").
 */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
