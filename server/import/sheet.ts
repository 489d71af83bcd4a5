// An uploaded file → the rows of text cells of each of its sheets, whatever it was: XLSX (every
// sheet with data, merged cells carrying their value into every cell they cover) or delimited text
// (',' ';' or tab, detected from the first line; one sheet). Row numbers are those the user sees in Excel or
// in a text editor, so that every problem can be pointed at.

import type ExcelJS from 'exceljs';
import { CsvError, parseCsv } from '../../shared/lib/csv.js';
import { decodeText, DecodeError, type TextEncoding } from './decode.js';
import { loadExcelJS } from '../../shared/lib/loadExcelJS.js';

export interface SheetRow {
  /** 1-based row (XLSX) or line (CSV) number. */
  line: number;
  cells: string[];
}

export interface SheetData {
  /** The sheet's tab name (XLSX); null for a text file. */
  name: string | null;
  rows: SheetRow[];
}

export interface Sheet {
  format: 'xlsx' | 'csv';
  encoding: TextEncoding | null;
  separator: ',' | ';' | '\t' | null;
  sheets: SheetData[];
}

/** The file cannot be read at all; the message says why and what to do. */
export class SheetError extends Error {}

const MAX_ROWS = 50_000;
const MAX_COLUMNS = 200;

const SEPARATORS = [',', ';', '\t'] as const;

export async function readSheet(bytes: Uint8Array): Promise<Sheet> {
  if (bytes.length === 0) throw new SheetError('Tệp rỗng.');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readXlsx(bytes);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new SheetError('Tệp Excel 97–2003 (.xls) không được hỗ trợ: hãy mở bằng Excel và lưu thành .xlsx hoặc CSV UTF-8.');
  }
  return readDelimited(bytes);
}

function readDelimited(bytes: Uint8Array): Sheet {
  let decoded;
  try {
    decoded = decodeText(bytes);
  } catch (e) {
    if (e instanceof DecodeError) throw new SheetError(e.message);
    throw e;
  }
  const { text, encoding } = decoded;
  const separator = detectSeparator(text);
  let records;
  try {
    records = parseCsv(text, 'tệp', separator);
  } catch (e) {
    if (e instanceof CsvError) throw new SheetError(`Dòng ${e.line}: ${csvMessage(e.message)}`);
    throw e;
  }
  const rows = records.map((r) => ({ line: r.line, cells: r.fields }));
  checkSize(rows);
  return { format: 'csv', encoding, separator, sheets: [{ name: null, rows }] };
}

/** The separator that occurs most often in the first line, outside quotes (',' on a tie). */
export function detectSeparator(text: string): ',' | ';' | '\t' {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of text.slice(0, 10_000)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: ',' | ';' | '\t' = ',';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

function csvMessage(m: string): string {
  if (m.includes('unterminated quoted field')) return 'dấu ngoặc kép (") mở mà không đóng.';
  if (m.includes('after a closing quote')) return 'có ký tự ngay sau dấu ngoặc kép đóng; hãy đặt cả ô trong ngoặc kép và nhân đôi dấu " bên trong.';
  if (m.includes('stray quote')) return 'dấu ngoặc kép (") nằm giữa ô; hãy đặt cả ô trong ngoặc kép và nhân đôi dấu " bên trong.';
  return m;
}

function checkSize(rows: SheetRow[]) {
  if (rows.length > MAX_ROWS) throw new SheetError(`Tệp có ${rows.length} dòng, quá giới hạn ${MAX_ROWS} dòng: hãy chia nhỏ theo tỉnh.`);
  const wide = rows.find((r) => r.cells.length > MAX_COLUMNS);
  if (wide) throw new SheetError(`Dòng ${wide.line} có ${wide.cells.length} cột, quá giới hạn ${MAX_COLUMNS} cột.`);
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    // The library's own words mean nothing to the user (and say how the server is built): logged, not shown.
    console.warn('import: the XLSX library refused the file:', (e as Error).message);
    throw new SheetError('Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không phải bảng tính Excel. Hãy mở tệp bằng Excel, lưu lại và thử lại.');
  }
  const sheets: SheetData[] = [];
  let total = 0;
  for (const ws of wb.worksheets) {
    if (ws.actualRowCount === 0) continue;
    total += ws.rowCount;
    if (total > MAX_ROWS) throw new SheetError(`Tệp có hơn ${MAX_ROWS} dòng (trang "${ws.name}"), quá giới hạn: hãy chia nhỏ theo tỉnh.`);
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      const n = Math.min(row.cellCount, MAX_COLUMNS + 1);
      // A merged cell's value is in every cell it covers (exceljs reads the master's value there).
      for (let c = 1; c <= n; c++) cells.push(cellText(row.getCell(c).value));
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (cells.length > 0) rows.push({ line, cells });
    });
    checkSize(rows);
    if (rows.length > 0) sheets.push({ name: ws.name, rows });
  }
  if (sheets.length === 0) throw new SheetError('Tệp Excel không có trang tính nào có dữ liệu.');
  return { format: 'xlsx', encoding: null, separator: null, sheets };
}

/** A cell's value as the user typed it: numbers in plain digits, formulas by their result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'x' : '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text ?? '').join('');
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return String((v as { error: string }).error);
  }
  return ''; // an object of no kind ExcelJS documents carries no text
}
