// Checks every row of a commune-returns sheet against the units of its vintage: matches each row to
// a commune (by code, else by name within the province), parses each cell, and lists every problem
// by row and column with a hint. Pure: the units come in, nothing is read or written.

import type { Assessment, Status, Unit, Vintage } from '../domain/types.js';
import { COLUMNS, columnLetter, findHeader, heading, type ColumnId, type HeaderMatch } from './columns.js';
import { normalizeUnitName } from './normalize.js';
import type { SheetRow } from './sheet.js';
import { parseCode, parseCount, parseFlag, parseStatus, type Parsed } from './values.js';

export interface Problem {
  /** Row in the file (as Excel or an editor numbers it); 0: the file as a whole. */
  line: number;
  /** "E · Khu dân cư đạt": the column's letter and its heading in the file; null: the whole row. */
  column: string | null;
  severity: 'error' | 'warning';
  message: string;
  hint: string;
}

/** The units a file is checked against. */
export interface UnitIndex {
  vintage: Vintage;
  /** Units that carry returns (communes, and island districts without communes), by code. */
  byCode: Map<string, Unit>;
  /** The same for the other vintage, to recognise a code of the wrong map. */
  otherByCode: Map<string, Unit>;
  /** province code → normalised name → units. */
  byName: Map<string, Map<string, Unit[]>>;
  provinceNames: Map<string, string>;
}

export function buildUnitIndex(vintage: Vintage, units: Unit[], otherUnits: Unit[]): UnitIndex {
  const assessable = (list: Unit[]) => {
    const withCommunes = new Set(list.filter((u) => u.level === 'commune' && u.districtCode).map((u) => u.districtCode));
    return list.filter((u) => u.level === 'commune' || (u.level === 'district' && !withCommunes.has(u.code)));
  };
  const mine = assessable(units);
  const byName = new Map<string, Map<string, Unit[]>>();
  for (const u of mine) {
    let m = byName.get(u.provinceCode);
    if (!m) byName.set(u.provinceCode, (m = new Map()));
    const k = normalizeUnitName(u.name);
    m.set(k, [...(m.get(k) ?? []), u]);
  }
  return {
    vintage,
    byCode: new Map(mine.map((u) => [u.code, u])),
    otherByCode: new Map(assessable(otherUnits).map((u) => [u.code, u])),
    byName,
    provinceNames: new Map(units.filter((u) => u.level === 'province').map((u) => [u.code, u.fullName])),
  };
}

export interface CheckOptions {
  year: number;
  /** Rows must lie in this province of the file's vintage; null: anywhere. */
  provinceCode: string | null;
  /** Whether the user may write this commune; `why` explains a refusal. */
  allowed: (u: Unit) => boolean;
  scopeHint: string;
}

export type Row = Omit<Assessment, 'batchId'>;

export interface CheckedRow {
  line: number;
  unit: Unit;
  matchedBy: 'code' | 'name';
  assessment: Row;
  note: string;
}

export interface CheckResult {
  /** Rows with data (not blank, not the heading). */
  dataRows: number;
  /** Rows with a commune but no figures filled in: left out, not written. */
  unfilled: number;
  valid: CheckedRow[];
  /** Lines of the rows with at least one error. */
  invalidLines: number[];
  problems: Problem[];
}

const COUNT_PAIRS: [ColumnId, ColumnId, keyof Pick<Row, 'residential' | 'agencies' | 'enterprises' | 'schools'>][] = [
  ['rdTotal', 'rdCertified', 'residential'],
  ['agTotal', 'agCertified', 'agencies'],
  ['enTotal', 'enCertified', 'enterprises'],
  ['scTotal', 'scCertified', 'schools'],
];
const DATA_COLUMNS: ColumnId[] = ['status', 'rdTotal', 'rdCertified', 'agTotal', 'agCertified', 'enTotal', 'enCertified', 'scTotal', 'scCertified', 'models', 'keyArea', 'hotSpot', 'exemplary'];
const TEMPLATE_HINT = 'Tải mẫu (XLSX hoặc CSV) ở trang Nhập số liệu và giữ nguyên dòng tiêu đề.';

export function checkSheet(rows: SheetRow[], index: UnitIndex, opts: CheckOptions): CheckResult {
  const problems: Problem[] = [];
  const result: CheckResult = { dataRows: 0, unfilled: 0, valid: [], invalidLines: [], problems };
  const header = findHeader(rows.map((r) => r.cells));
  if (!header) {
    problems.push({
      line: 0,
      column: null,
      severity: 'error',
      message: 'Không tìm thấy dòng tiêu đề (cần ít nhất cột "Kết quả ANTT" và cột "Mã xã" hoặc "Tên xã, phường").',
      hint: TEMPLATE_HINT,
    });
    return result;
  }
  const headerLine = rows[header.rowIndex].line;
  const colName = (id: ColumnId) => {
    const k = header.index.get(id)!;
    return `${columnLetter(k)} · ${rows[header.rowIndex].cells[k].trim()}`;
  };
  checkHeader(header, headerLine, problems);
  if (problems.some((p) => p.severity === 'error')) return result;

  const seen = new Map<string, number>();
  for (const row of rows.slice(header.rowIndex + 1)) {
    const cell = (id: ColumnId) => {
      const k = header.index.get(id);
      return k === undefined ? '' : (row.cells[k] ?? '');
    };
    if (row.cells.every((c) => c.trim() === '')) continue;
    result.dataRows++;
    const rowProblems: Problem[] = [];
    const err = (id: ColumnId | null, message: string, hint: string) =>
      rowProblems.push({ line: row.line, column: id ? colName(id) : null, severity: 'error', message, hint });
    const warn = (id: ColumnId | null, message: string, hint: string) =>
      rowProblems.push({ line: row.line, column: id ? colName(id) : null, severity: 'warning', message, hint });
    const take = <T>(id: ColumnId, p: Parsed<T>, fallback: T): T => {
      if (p.ok) return p.value;
      err(id, p.message, p.hint);
      return fallback;
    };

    const match = matchUnit(cell('code'), cell('name'), index, opts, err);
    if (match) {
      const { unit, by } = match;
      const firstLine = seen.get(unit.code);
      if (firstLine !== undefined) err(by === 'code' ? 'code' : 'name', `${unit.fullName} (${unit.code}) đã có ở dòng ${firstLine}`, 'Mỗi xã chỉ ghi một dòng: xóa dòng trùng.');
      else seen.set(unit.code, row.line);
      if (by === 'name') warn('name', `Không có mã: khớp theo tên với ${unit.fullName} (mã ${unit.code})`, 'Kiểm tra lại; ghi mã xã để chắc chắn.');
      else if (cell('name').trim() !== '' && normalizeUnitName(cell('name')) !== normalizeUnitName(unit.name)) {
        warn('name', `Tên "${cell('name').trim()}" khác tên trong danh mục của mã ${unit.code}: ${unit.fullName}`, 'Số liệu được ghi theo mã; kiểm tra mã nếu tên đúng.');
      }
      if (!opts.allowed(unit)) err(by === 'code' ? 'code' : 'name', `${unit.fullName} (${unit.code}) nằm ngoài phạm vi tài khoản được nhập`, opts.scopeHint);
      if (opts.provinceCode !== null && unit.provinceCode !== opts.provinceCode) {
        err(
          by === 'code' ? 'code' : 'name',
          `${unit.fullName} (${unit.code}) thuộc ${index.provinceNames.get(unit.provinceCode) ?? unit.provinceCode}, không thuộc ${index.provinceNames.get(opts.provinceCode) ?? opts.provinceCode}`,
          'Nhập từng tỉnh một: chọn đúng tỉnh hoặc xóa dòng này.',
        );
      }
    }
    const yearCell = cell('year').trim();
    if (yearCell !== '' && yearCell !== String(opts.year)) {
      err('year', `Năm ${yearCell} khác năm đang nhập (${opts.year})`, `Mỗi lần nhập một năm: sửa thành ${opts.year} hoặc chọn năm ${yearCell}.`);
    }

    const filled = DATA_COLUMNS.some((id) => cell(id).trim() !== '');
    const status: Status = take('status', parseStatus(cell('status')), 'chua_danh_gia');
    const count = (id: ColumnId) => take(id, parseCount(cell(id)), -1);
    const tallies = Object.fromEntries(
      COUNT_PAIRS.map(([t, c, key]) => {
        const total = count(t);
        const certified = count(c);
        // -1: unreadable, already reported
        if (total >= 0 && certified > total) err(c, `Số đạt (${certified}) lớn hơn tổng số (${total})`, `Sửa "${heading(c)}" hoặc "${heading(t)}": số đạt không vượt quá tổng số.`);
        return [key, { total, certified }];
      }),
    ) as Pick<Row, 'residential' | 'agencies' | 'enterprises' | 'schools'>;
    const models = count('models');
    const flag = (id: ColumnId) => take(id, parseFlag(cell(id)), false);
    const keyArea = flag('keyArea');
    const hotSpot = flag('hotSpot');
    const exemplary = flag('exemplary');

    const errors = rowProblems.filter((p) => p.severity === 'error');
    if (match && !filled && errors.length === 0) {
      // A template row left empty: not a report that the commune has nothing.
      result.unfilled++;
      continue;
    }
    problems.push(...rowProblems);
    if (errors.length > 0 || !match) {
      result.invalidLines.push(row.line);
      continue;
    }
    result.valid.push({
      line: row.line,
      unit: match.unit,
      matchedBy: match.by,
      note: cell('note').trim(),
      assessment: { vintage: index.vintage, communeCode: match.unit.code, year: opts.year, status, exemplary, ...tallies, models, keyArea, hotSpot },
    });
  }
  if (result.dataRows === 0) {
    problems.push({ line: headerLine, column: null, severity: 'error', message: 'Tệp không có dòng số liệu nào dưới dòng tiêu đề.', hint: TEMPLATE_HINT });
  } else if (result.valid.length === 0 && result.invalidLines.length === 0) {
    problems.push({ line: 0, column: null, severity: 'error', message: 'Chưa điền số liệu cho xã nào (mọi dòng đều trống).', hint: 'Điền kết quả và số liệu vào mẫu rồi nhập lại.' });
  }
  return result;
}

function checkHeader(header: HeaderMatch, line: number, problems: Problem[]) {
  const has = (id: ColumnId) => header.index.has(id);
  if (!has('code') && !has('name')) {
    problems.push({ line, column: null, severity: 'error', message: 'Thiếu cột "Mã xã" (hoặc "Tên xã, phường").', hint: TEMPLATE_HINT });
  }
  for (const c of COLUMNS) {
    if (c.required && !has(c.id)) problems.push({ line, column: null, severity: 'error', message: `Thiếu cột "${c.heading}".`, hint: `Thêm cột "${c.heading}" (${c.help}). ${TEMPLATE_HINT}` });
  }
  for (const d of header.duplicates) {
    problems.push({ line, column: `${columnLetter(d.column)} · ${d.text.trim()}`, severity: 'error', message: `Cột "${heading(d.id)}" xuất hiện hai lần.`, hint: 'Xóa hoặc đổi tên một trong hai cột.' });
  }
  for (const u of header.unknown) {
    problems.push({ line, column: `${columnLetter(u.column)} · ${u.text.trim()}`, severity: 'warning', message: `Cột "${u.text.trim()}" không thuộc mẫu: bỏ qua.`, hint: 'Không cần sửa nếu cột này không chứa số liệu cần nhập.' });
  }
}

function matchUnit(
  rawCode: string,
  rawName: string,
  index: UnitIndex,
  opts: CheckOptions,
  err: (id: ColumnId, message: string, hint: string) => void,
): { unit: Unit; by: 'code' | 'name' } | undefined {
  const code = parseCode(rawCode);
  if (!code.ok) {
    err('code', code.message, code.hint);
    return undefined;
  }
  if (code.value !== '') {
    const candidates = [code.value.padStart(5, '0'), ...(code.value.length <= 3 ? [code.value.padStart(3, '0')] : [])];
    for (const c of candidates) {
      const u = index.byCode.get(c);
      if (u) return { unit: u, by: 'code' };
    }
    const other = candidates.map((c) => index.otherByCode.get(c)).find((u) => u !== undefined);
    if (other) {
      const [mine, theirs] = index.vintage === '2025' ? ['từ 01/7/2025', 'trước 01/7/2025'] : ['trước 01/7/2025', 'từ 01/7/2025'];
      err('code', `Mã ${other.code} (${other.fullName}) là mã của địa giới ${theirs}, không dùng cho năm ${opts.year}`, `Năm ${opts.year} dùng danh mục xã ${mine}: tải đúng mẫu của năm này.`);
    } else err('code', `Không có xã nào mã ${code.value}`, 'Kiểm tra mã theo danh mục trong mẫu tải về.');
    return undefined;
  }
  const name = normalizeUnitName(rawName);
  if (name === '') {
    err('code', 'Thiếu cả mã và tên xã', 'Ghi mã xã (5 chữ số) hoặc tên xã.');
    return undefined;
  }
  const pools = opts.provinceCode !== null ? [index.byName.get(opts.provinceCode) ?? new Map<string, Unit[]>()] : [...index.byName.values()];
  const found = pools.flatMap((m) => m.get(name) ?? []);
  if (found.length === 1) return { unit: found[0], by: 'name' };
  if (found.length > 1) {
    err('name', `Có ${found.length} xã tên "${rawName.trim()}" (${found.map((u) => `${u.fullName} ${u.code}`).join(', ')})`, 'Ghi mã xã để phân biệt.');
  } else {
    const where = opts.provinceCode !== null ? ` trong ${index.provinceNames.get(opts.provinceCode) ?? opts.provinceCode}` : '';
    err('name', `Không tìm thấy xã tên "${rawName.trim()}"${where}`, 'Ghi mã xã, hoặc sửa tên theo danh mục trong mẫu tải về.');
  }
  return undefined;
}
