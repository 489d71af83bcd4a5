// Finds the return's table in a workbook as provinces send it: the sheet that holds it, its header
// band (1–3 rows, merged group headings joined to their sub-headings), the column each heading names
// (or the user's mapping of it), and what each row below is — a commune, a district header, a total,
// a note or signature — so that only commune rows are checked and every other row is listed with why.
// Pure: rows of text in, a table out.

import { columnLetter, columnOf, isColumnId, type ColumnId } from '../../shared/import/columns.js';
import { NOTE_WORDS, TOTAL_PHRASES, TOTAL_WORDS } from '../../shared/import/dictionary.js';
import { nameKey, splitCommuneName, startsWithDistrictType } from '../../shared/import/normalize.js';
import type { SheetData, SheetRow } from './sheet.js';
import type { RowKind } from '../../shared/import/findings.js';

/** A column of the file: its heading as read, and what it is taken for. */
export interface TableColumn {
  index: number;
  letter: string;
  heading: string;
  id: ColumnId | null;
  /** recognised from the heading, chosen by the user, ignored by the user, or not understood. */
  source: 'heading' | 'mapping' | 'ignored' | 'unknown';
  /** Another column already took this id: this one is not read. */
  duplicateOf: string | null;
}


export interface TableRow extends SheetRow {
  kind: RowKind;
  /** The district this row is under (its district column, else the last district header row). */
  district: string | null;
  /**
   * The heading of the province block this row is under, in a file of several provinces: the last
   * "Tỉnh …" row, or a district-type row ("Thành phố Hà Nội") that the checker finds is a province.
   */
  block: string | null;
  /** Why a row that is not a commune was skipped. */
  why: string | null;
}

export interface Table {
  sheet: string | null;
  /** Why the other sheets were not read. */
  otherSheets: { name: string; why: string }[];
  headerLines: number[];
  columns: TableColumn[];
  index: Map<ColumnId, number>;
  rows: TableRow[];
}

/** The user's choices about columns: by column letter, a column id or "ignore". */
export type ColumnMapping = Record<string, ColumnId | 'ignore'>;

const SCAN_ROWS = 30;
const DATA_IDS: ColumnId[] = ['status', 'rdTotal', 'rdCertified', 'agTotal', 'agCertified', 'enTotal', 'enCertified', 'scTotal', 'scCertified', 'models'];

interface Band {
  start: number;
  height: number;
  headings: string[];
  score: number;
}

/** The headings of a band of rows: per column, its distinct texts top to bottom joined with " › ". */
function bandHeadings(rows: SheetRow[], start: number, height: number): string[] {
  const width = Math.max(...rows.slice(start, start + height).map((r) => r.cells.length));
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (let i = 0; i < height; i++) {
      const t = (rows[start + i].cells[c] ?? '').replace(/\s+/g, ' ').trim();
      if (t !== '' && parts[parts.length - 1] !== t) parts.push(t);
    }
    return parts.join(' › ');
  });
}

/** Whether a row can be a sub-heading row: no numbers, no "Phường …"/"Huyện …" names. */
function subHeadingRow(cells: string[]): boolean {
  return cells.every((c) => {
    const t = c.trim();
    return !/^\d+([.,]\d+)?%?$/.test(t) && (t === '' || (splitCommuneName(t).type === null && !startsWithDistrictType(t)));
  });
}

function scoreBand(headings: string[], mapping: ColumnMapping): number {
  const ids = headings.map((h, c) => mapped(mapping, c) ?? columnOf(h));
  const distinct = new Set(ids.filter((x): x is ColumnId => x !== undefined && x !== 'ignore'));
  if (!distinct.has('name') && !distinct.has('code')) return 0;
  if (!DATA_IDS.some((id) => distinct.has(id))) return 0;
  const dups = ids.filter((x) => x !== undefined && x !== 'ignore').length - distinct.size;
  return distinct.size - dups / 2;
}

function mapped(mapping: ColumnMapping, c: number): ColumnId | 'ignore' | undefined {
  const m = mapping[columnLetter(c)];
  return m === 'ignore' || (m !== undefined && isColumnId(m)) ? m : undefined;
}

function findBand(rows: SheetRow[], mapping: ColumnMapping): Band | undefined {
  let best: Band | undefined;
  for (let r = 0; r < Math.min(rows.length, SCAN_ROWS); r++) {
    for (let h = 1; h <= 3 && r + h <= rows.length; h++) {
      // A band is consecutive lines of the sheet; below its first row, no figures and no unit names.
      if (rows[r + h - 1].line !== rows[r].line + h - 1) break;
      if (h > 1 && !subHeadingRow(rows[r + h - 1].cells)) break;
      const headings = bandHeadings(rows, r, h);
      // Of bands naming the same columns, the lowest: a title merged above is no heading.
      const score = scoreBand(headings, mapping) - h / 10;
      if (score > 0.5 && (!best || score > best.score)) best = { start: r, height: h, headings, score };
    }
  }
  return best;
}

/**
 * The table of the sheet that holds the return (the best header band; `sheet` picks one by name),
 * or an explanation of why there is none.
 */
export function findTable(sheets: SheetData[], mapping: ColumnMapping = {}, sheet?: string): Table | { error: string } {
  const found = sheets.map((s) => ({ s, band: findBand(s.rows, mapping) }));
  const chosen = sheet !== undefined ? found.find((f) => f.s.name === sheet) : [...found].filter((f) => f.band).sort((a, b) => b.band!.score - a.band!.score || b.s.rows.length - a.s.rows.length)[0];
  const label = (s: SheetData) => (s.name === null ? 'Tệp' : `Trang "${s.name}"`);
  if (!chosen || !chosen.band) {
    if (sheet !== undefined && !chosen) return { error: `Không có trang tính "${sheet}" trong tệp (có: ${sheets.map((s) => `"${s.name}"`).join(', ')}).` };
    const where = sheets.length > 1 ? ` trong ${sheets.length} trang tính (${sheets.map((s) => `"${s.name}"`).join(', ')})` : '';
    return {
      error: `Không tìm thấy dòng tiêu đề của bảng số liệu${where}: cần một cột tên xã (hoặc mã xã) và ít nhất một cột số liệu (kết quả, khu dân cư…) trong ${SCAN_ROWS} dòng đầu.`,
    };
  }
  const band = chosen.band;
  // Rows below the band that only repeat it are the lower halves of vertically merged headings.
  const rs = chosen.s.rows;
  while (band.height < 3 && band.start + band.height < rs.length) {
    const next = rs[band.start + band.height];
    const above = rs[band.start + band.height - 1];
    if (next.line !== above.line + 1 || !next.cells.every((c, i) => c.trim() === '' || c === above.cells[i])) break;
    band.height++;
  }
  const otherSheets = found
    .filter((f) => f !== chosen)
    .map((f) => ({
      name: f.s.name ?? '',
      why: f.band ? `cũng có bảng số liệu nhưng ít cột nhận ra hơn; chỉ đọc ${label(chosen.s).toLowerCase()} (nhập trang kia riêng nếu cần)` : 'không có dòng tiêu đề của bảng số liệu',
    }));

  const columns: TableColumn[] = [];
  const index = new Map<ColumnId, number>();
  const width = Math.max(band.headings.length, ...chosen.s.rows.slice(band.start + band.height).map((r) => r.cells.length));
  for (let c = 0; c < width; c++) {
    const text = band.headings[c] ?? '';
    const m = mapped(mapping, c);
    const id = m === 'ignore' ? null : (m ?? columnOf(text) ?? null);
    const col: TableColumn = {
      index: c,
      letter: columnLetter(c),
      heading: text,
      id,
      source: m === 'ignore' ? 'ignored' : m ? 'mapping' : id ? 'heading' : 'unknown',
      duplicateOf: null,
    };
    if (id !== null) {
      const first = index.get(id);
      if (first !== undefined) col.duplicateOf = columnLetter(first);
      else index.set(id, c);
    }
    columns.push(col);
  }
  const dataRows = chosen.s.rows.slice(band.start + band.height);
  return {
    sheet: chosen.s.name,
    otherSheets,
    headerLines: chosen.s.rows.slice(band.start, band.start + band.height).map((r) => r.line),
    columns,
    index,
    rows: classifyRows(dataRows, index),
  };
}

const keys = (words: readonly string[]) => words.map(nameKey);
const NOTES = keys(NOTE_WORDS);
const PHRASES = keys(TOTAL_PHRASES);
const TOTALS = new Set(keys(TOTAL_WORDS));
const isTotal = (n: string) => TOTALS.has(n) || PHRASES.some((w) => n === w || n.startsWith(`${w} `));
const [DAY, MONTH, YEAR] = keys(['ngày', 'tháng', 'năm']);
const DATE_LINE = new RegExp(`(^| )${DAY} .*${MONTH} .*${YEAR}( |$)`);
const isNote = (all: string) => NOTES.some((w) => ` ${all} `.includes(` ${w} `)) || DATE_LINE.test(all);
const ROMAN_OR_LETTER = /^(?:[IVXLC]+|[A-Z])\.?$/;
const PROVINCE = `${nameKey('tỉnh')} `;

/** What each row below the header is; district header rows set the district of the rows under them. */
function classifyRows(rows: SheetRow[], index: Map<ColumnId, number>): TableRow[] {
  const at = (r: SheetRow, id: ColumnId) => {
    const k = index.get(id);
    return k === undefined ? '' : (r.cells[k] ?? '').trim();
  };
  const data = DATA_IDS.filter((id) => index.has(id));
  let district: string | null = null;
  let block: string | null = null;
  // Below a signature or note line, rows without code or figures are the signature block (names, ranks).
  let inNotes = false;
  const out: TableRow[] = [];
  rows.forEach((r, k) => {
    // Only something that looks like a code makes a row a commune's ("GIÁM ĐỐC" in the code column does not).
    const code = /^\d/.test(at(r, 'code')) ? at(r, 'code') : '';
    const status = at(r, 'status');
    const subtotal = /^\d+\s*\/\s*\d+$/.test(status);
    // A row with a code is a commune's (the words of the rows below matter only without one).
    if (code !== '' && k > 0 && !subtotal) {
      out.push({ ...r, kind: 'commune', district: at(r, 'district') || district, block, why: null });
      return;
    }
    const texts = r.cells.map((c) => c.trim()).filter((c) => c !== '');
    const name = at(r, 'name');
    const seq = at(r, 'seq');
    // A label merged across the row reads the same in every cell it covers.
    const label = texts.length > 0 && texts.every((t) => t === texts[0]) && texts.length > 1 ? texts[0] : name || (code === '' ? (texts[0] ?? '') : name);
    const numeric = data.some((id) => /^\d/.test(at(r, id)));
    const figures = data.some((id) => at(r, id) !== '' && !(texts.length > 1 && at(r, id) === label));
    const row = (kind: RowKind, why: string | null): TableRow => ({ ...r, kind, district: at(r, 'district') || district, block, why });
    if (texts.length === 0) return;
    const n = code === '' ? nameKey(label) : '';
    // Note words count outside the note column ("ghi chú" written there is a commune's note).
    const noteCol = index.get('note');
    const notes = () => isNote(nameKey(r.cells.filter((c, i) => i !== noteCol && c.trim() !== '').join(' ')));
    if (k === 0 && texts.length >= 3 && texts.every((t) => /^\(?\d{1,2}\)?$|^\(?[A-Z]\)?$/.test(t))) {
      out.push(row('numbering', 'dòng đánh số cột'));
      return;
    }
    if (code === '' && !numeric && notes()) {
      inNotes = true;
      out.push(row('note', 'ghi chú, ngày tháng hoặc chữ ký'));
      return;
    }
    if (inNotes && code === '' && !numeric) {
      out.push(row('note', 'phần chữ ký cuối bảng'));
      return;
    }
    if (code === '' && isTotal(n)) {
      out.push(row('total', 'dòng tổng cộng'));
      return;
    }
    if (code === '' && n.startsWith(PROVINCE)) {
      [block, district] = [label, null];
      out.push(row('province', figures ? 'dòng của tỉnh (số liệu cộng của tỉnh, không nhập)' : 'dòng tiêu đề tỉnh'));
      return;
    }
    if (subtotal) {
      if (code === '' && startsWithDistrictType(label)) district = label;
      out.push(row('subtotal', `dòng cộng (kết quả "${status}")`));
      return;
    }
    if (code === '' && startsWithDistrictType(label)) {
      district = label;
      out.push({ ...r, kind: 'district', district: label, block, why: figures ? 'dòng của huyện (số liệu cộng của huyện, không nhập)' : 'dòng tiêu đề huyện' });
      return;
    }
    if (code === '' && ROMAN_OR_LETTER.test(seq) && status === '') {
      out.push(row('group', 'dòng tiêu đề nhóm'));
      return;
    }
    if (code === '' && name === '' && !figures) {
      out.push(row('note', 'không có mã, tên xã hay số liệu'));
      return;
    }
    out.push(row('commune', null));
  });
  return out;
}
