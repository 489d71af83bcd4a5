// Checks every commune row of a return's table against the units of its vintage: matches each row to
// a commune (by code, else by name — see match.ts), parses each cell, and lists every problem by row
// and column with a hint. A column the file does not have is "not reported" for every row. Spellings
// the dictionary does not know are gathered into questions, one per spelling, that the user answers
// once for the whole file. Pure: the table and the units come in, nothing is read or written.

import type { Assessment, Status, Unit } from '../../shared/domain/types.js';
import { columnLetter, heading, type ColumnId } from '../../shared/import/columns.js';
import { STATUS_GUESSES, STATUS_LABELS, STATUS_WORDS, ZERO_SURE } from '../../shared/import/dictionary.js';
import { describeUnit, matchName, sameName, type UnitIndex } from './match.js';
import { legacyEncoding, legacyMessage } from './decode.js';
import { nameKey, normalize } from '../../shared/import/normalize.js';
import type { Table, TableRow } from './table.js';
import { parseCode, parseCount, parseFlag, type Parsed } from './values.js';

export { buildUnitIndex, type UnitIndex } from './match.js';

export type ProblemKind =
  | 'file'
  | 'column'
  | 'match'
  | 'name-differs'
  | 'matched-by-name'
  | 'duplicate'
  | 'scope'
  | 'province'
  | 'value'
  | 'counts'
  | 'rate'
  | 'year'
  | 'not-reported'
  | 'question';

export interface Problem {
  /** Row in the file (as Excel or an editor numbers it); 0: the file as a whole. */
  line: number;
  /** "E · Khu dân cư đạt": the column's letter and its heading in the file; null: the whole row. */
  column: string | null;
  severity: 'error' | 'warning';
  kind: ProblemKind;
  message: string;
  hint: string;
}

/** A spelling or a name the file uses that needs the user's word once: the answer applies to every row. */
export interface Question {
  id: string;
  kind: 'status' | 'zero' | 'name';
  /** "Đ", "-", "Phường Đồng Ky" */
  value: string;
  lines: number[];
  /** "11 dòng ghi "Đ": hiểu là Đạt?" */
  text: string;
  options: { value: string; label: string }[];
  /** The dictionary's proposal, or null when none. */
  suggested: string | null;
  /** The answer given (from the request), or null. */
  answer: string | null;
}

/** The answers to questions, by question id. */
export type Answers = Record<string, string>;

export interface CheckOptions {
  year: number;
  /** Rows must lie in these provinces of the file's vintage; null: anywhere. */
  provinces: string[] | null;
  /** Whether the user may write this commune. */
  allowed: (u: Unit) => boolean;
  scopeHint: string;
  answers?: Answers;
}

/** A figure a return may leave out: the count pairs and the models. */
type Figure = 'residential' | 'agencies' | 'enterprises' | 'schools' | 'models' | 'keyArea' | 'hotSpot' | 'exemplary';

type Row = Omit<Assessment, 'batchId'>;

interface CheckedRow {
  line: number;
  unit: Unit;
  matchedBy: 'code' | 'name' | 'confirmed';
  assessment: Row;
  /** Figures the file does not report for this row (no column, or answered "not reported"). */
  unreported: Figure[];
  note: string;
}

export interface SkippedRow {
  line: number;
  kind: TableRow['kind'];
  text: string;
  why: string;
}

export interface CheckResult {
  /** Commune rows (not blank, not a heading, total, district or note row). */
  dataRows: number;
  /** Rows with a commune but no figures filled in: left out, not written. */
  unfilled: number;
  valid: CheckedRow[];
  /** Lines of the rows with at least one error. */
  invalidLines: number[];
  problems: Problem[];
  skipped: SkippedRow[];
  questions: Question[];
}

const COUNT_PAIRS: [ColumnId, ColumnId, ColumnId, 'residential' | 'agencies' | 'enterprises' | 'schools'][] = [
  ['rdTotal', 'rdCertified', 'rdRate', 'residential'],
  ['agTotal', 'agCertified', 'agRate', 'agencies'],
  ['enTotal', 'enCertified', 'enRate', 'enterprises'],
  ['scTotal', 'scCertified', 'scRate', 'schools'],
];
const DATA_COLUMNS: ColumnId[] = ['status', 'rdTotal', 'rdCertified', 'agTotal', 'agCertified', 'enTotal', 'enCertified', 'scTotal', 'scCertified', 'models', 'keyArea', 'hotSpot', 'exemplary'];
const FIGURE_COLUMNS: [Figure, ColumnId[]][] = [
  ['residential', ['rdTotal', 'rdCertified']],
  ['agencies', ['agTotal', 'agCertified']],
  ['enterprises', ['enTotal', 'enCertified']],
  ['schools', ['scTotal', 'scCertified']],
  ['models', ['models']],
  ['keyArea', ['keyArea']],
  ['hotSpot', ['hotSpot']],
  ['exemplary', ['exemplary']],
];
const TEMPLATE_HINT = 'Tải mẫu (XLSX hoặc CSV) ở trang Nhập số liệu, hoặc chọn ở bảng "Ghép cột" cột nào là cột gì.';
const STATUS_OPTIONS = (['dat', 'chua_dat', 'chua_danh_gia'] as const).map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const ZERO_OPTIONS = [
  { value: '0', label: 'Số 0' },
  { value: 'unknown', label: 'Chưa báo cáo (không rõ)' },
];

export function checkTable(table: Table, index: UnitIndex, opts: CheckOptions): CheckResult {
  const answers = opts.answers ?? {};
  const problems: Problem[] = [];
  const questions = new Map<string, Question>();
  const result: CheckResult = { dataRows: 0, unfilled: 0, valid: [], invalidLines: [], problems, skipped: [], questions: [] };
  const headerLine = table.headerLines[table.headerLines.length - 1];
  const has = (id: ColumnId) => table.index.has(id);
  const colName = (id: ColumnId) => {
    const k = table.index.get(id);
    return k === undefined ? null : `${columnLetter(k)} · ${table.columns[k].heading || heading(id)}`;
  };
  const fileProblem = (severity: Problem['severity'], kind: ProblemKind, message: string, hint: string, line = headerLine, column: string | null = null) =>
    problems.push({ line, column, severity, kind, message, hint });

  checkColumns(table, fileProblem);
  if (problems.some((p) => p.severity === 'error')) return result;

  const communeRows = table.rows.filter((r) => r.kind === 'commune');
  const legacy = legacyEncoding(communeRows.map((r) => r.cells.join(' ')).join(' '));
  if (legacy) {
    fileProblem('error', 'file', legacyMessage(legacy, 'Bảng'), 'Chuyển bảng mã rồi nhập lại.');
    return result;
  }

  const ask = (q: Omit<Question, 'lines' | 'answer'>, line: number): string | null => {
    const have = questions.get(q.id);
    if (have) have.lines.push(line);
    else questions.set(q.id, { ...q, lines: [line], answer: answers[q.id] ?? null });
    return answers[q.id] ?? null;
  };

  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (row.kind !== 'commune') {
      result.skipped.push({ line: row.line, kind: row.kind, text: [...new Set(row.cells.map((c) => c.trim()).filter((c) => c !== ''))].slice(0, 3).join(' · ').slice(0, 120), why: row.why ?? '' });
      continue;
    }
    const cell = (id: ColumnId) => {
      const k = table.index.get(id);
      return k === undefined ? '' : (row.cells[k] ?? '').trim();
    };
    result.dataRows++;
    const rowProblems: Problem[] = [];
    const err = (id: ColumnId | null, kind: ProblemKind, message: string, hint: string) =>
      rowProblems.push({ line: row.line, column: id ? colName(id) : null, severity: 'error', kind, message, hint });
    const warn = (id: ColumnId | null, kind: ProblemKind, message: string, hint: string) =>
      rowProblems.push({ line: row.line, column: id ? colName(id) : null, severity: 'warning', kind, message, hint });
    const take = <T>(id: ColumnId, p: Parsed<T>, fallback: T): T => {
      if (p.ok) return p.value;
      err(id, 'value', p.message, p.hint);
      return fallback;
    };

    const match = matchRow(row, cell, index, opts, err, ask);
    if (match) {
      const { unit, by } = match;
      const at: ColumnId = by === 'code' ? 'code' : 'name';
      const firstLine = seen.get(unit.code);
      if (firstLine !== undefined) err(at, 'duplicate', `${unit.fullName} (${unit.code}) đã có ở dòng ${firstLine}`, 'Mỗi xã chỉ ghi một dòng: xóa dòng trùng.');
      else seen.set(unit.code, row.line);
      if (by === 'name') warn('name', 'matched-by-name', `Không có mã: khớp theo tên với ${describeUnit(index, unit)}`, 'Kiểm tra lại; ghi mã xã để chắc chắn.');
      else if (by === 'code' && !sameName(unit, cell('name'))) {
        warn('name', 'name-differs', `Tên "${cell('name')}" khác tên trong danh mục của mã ${unit.code}: ${unit.fullName}`, 'Số liệu được ghi theo mã; kiểm tra mã nếu tên đúng.');
      }
      if (!opts.allowed(unit)) err(at, 'scope', `${unit.fullName} (${unit.code}) nằm ngoài phạm vi tài khoản được nhập`, opts.scopeHint);
      if (opts.provinces !== null && !opts.provinces.includes(unit.provinceCode)) {
        err(
          at,
          'province',
          `${unit.fullName} (${unit.code}) thuộc ${index.provinceNames.get(unit.provinceCode) ?? unit.provinceCode}, không thuộc ${opts.provinces.map((p) => index.provinceNames.get(p) ?? p).join(', ')}`,
          'Nhập từng tỉnh một: chọn đúng tỉnh hoặc xóa dòng này.',
        );
      }
    }
    const yearCell = cell('year');
    if (yearCell !== '' && yearCell !== String(opts.year)) {
      err('year', 'year', `Năm ${yearCell} khác năm đang nhập (${opts.year})`, `Mỗi lần nhập một năm: sửa thành ${opts.year} hoặc chọn năm ${yearCell}.`);
    }

    const filled = DATA_COLUMNS.some((id) => cell(id) !== '');
    const status = readStatus(cell('status'), row.line, ask, () => err('status', 'question', `Chưa rõ kết quả "${cell('status')}"`, 'Trả lời câu hỏi về cách ghi này ở đầu báo cáo.'));
    const unreported = new Set<Figure>(FIGURE_COLUMNS.filter(([, ids]) => !ids.every(has)).map(([f]) => f));
    // A count: blank = 0 (the template's rule), "-" = 0 once confirmed; null = not reported.
    const count = (id: ColumnId): number | null => {
      const raw = cell(id);
      if (ZERO_SURE.has(raw)) {
        const a = ask({ id: `zero:${raw}`, kind: 'zero', value: raw, text: '', options: ZERO_OPTIONS, suggested: '0' }, row.line);
        if (a === '0') return 0;
        if (a === 'unknown') return null;
        err(id, 'question', `Chưa rõ ô ghi "${raw}"`, 'Trả lời câu hỏi về cách ghi này ở đầu báo cáo.');
        return -1;
      }
      return take(id, parseCount(raw), -1);
    };
    const tallies = {} as Pick<Row, 'residential' | 'agencies' | 'enterprises' | 'schools'>;
    for (const [t, c, rate, key] of COUNT_PAIRS) {
      const total = has(t) ? count(t) : null;
      const certified = has(c) ? count(c) : null;
      if (total === null || certified === null) unreported.add(key);
      if (total !== null && certified !== null && total >= 0 && certified > total) {
        err(c, 'counts', `Số đạt (${certified}) lớn hơn tổng số (${total})`, `Sửa "${heading(c)}" hoặc "${heading(t)}": số đạt không vượt quá tổng số.`);
      }
      if (has(rate) && cell(rate) !== '' && total !== null && certified !== null && total > 0 && certified >= 0 && certified <= total) {
        const off = rateMismatch(cell(rate), certified, total);
        if (off) warn(rate, 'rate', off, `Tỷ lệ chỉ để đối chiếu (không lưu): kiểm tra "${heading(c)}" và "${heading(t)}".`);
      }
      tallies[key] = { total: Math.max(total ?? 0, 0), certified: Math.max(certified ?? 0, 0) };
    }
    const models = has('models') ? count('models') : null;
    if (models === null) unreported.add('models');
    const flag = (id: ColumnId) => (has(id) ? take(id, parseFlag(cell(id)), false) : false);
    const [exemplary, keyArea, hotSpot] = [flag('exemplary'), flag('keyArea'), flag('hotSpot')];

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
      note: cell('note'),
      unreported: [...unreported],
      assessment: {
        vintage: index.vintage,
        communeCode: match.unit.code,
        year: opts.year,
        status: status ?? 'chua_danh_gia',
        exemplary,
        ...tallies,
        models: Math.max(models ?? 0, 0),
        keyArea,
        hotSpot,
      },
    });
  }
  result.questions = [...questions.values()].map(phrase);
  if (result.dataRows === 0) {
    fileProblem('error', 'file', 'Không có dòng số liệu của xã nào dưới dòng tiêu đề.', result.skipped.length > 0 ? `Có ${result.skipped.length} dòng được bỏ qua (tổng, huyện, ghi chú): xem danh sách các dòng bỏ qua.` : TEMPLATE_HINT);
  } else if (result.valid.length === 0 && result.invalidLines.length === 0) {
    fileProblem('error', 'file', 'Chưa điền số liệu cho xã nào (mọi dòng đều trống).', 'Điền kết quả và số liệu vào mẫu rồi nhập lại.', 0);
  } else {
    const missing = FIGURE_COLUMNS.filter(([, ids]) => !ids.every(has));
    if (missing.length > 0) {
      fileProblem(
        'warning',
        'not-reported',
        `Tệp không có cột ${missing.map(([, ids]) => ids.filter((id) => !has(id)).map((id) => `"${heading(id)}"`).join(', ')).join(', ')}: các số liệu này coi là chưa báo cáo.`,
        'Chỉ ghi những cột có trong tệp. Nếu tệp có cột đó dưới tên khác, chọn nó ở bảng "Ghép cột".',
      );
    }
  }
  return result;
}

function checkColumns(table: Table, problem: (severity: Problem['severity'], kind: ProblemKind, message: string, hint: string) => void) {
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

function readStatus(raw: string, line: number, ask: (q: Omit<Question, 'lines' | 'answer'>, line: number) => string | null, unanswered: () => void): Status | null {
  if (raw === '') return 'chua_danh_gia';
  const n = normalize(raw);
  const known = STATUS_WORDS[n];
  if (known) return known;
  const a = ask({ id: `status:${n || raw}`, kind: 'status', value: raw, text: '', options: STATUS_OPTIONS, suggested: STATUS_GUESSES[n] ?? null }, line);
  if (a === 'dat' || a === 'chua_dat' || a === 'chua_danh_gia') return a;
  unanswered();
  return null;
}

function matchRow(
  row: TableRow,
  cell: (id: ColumnId) => string,
  index: UnitIndex,
  opts: CheckOptions,
  err: (id: ColumnId | null, kind: ProblemKind, message: string, hint: string) => void,
  ask: (q: Omit<Question, 'lines' | 'answer'>, line: number) => string | null,
): { unit: Unit; by: 'code' | 'name' | 'confirmed' } | undefined {
  const code = parseCode(cell('code'));
  if (!code.ok) {
    err('code', 'value', code.message, code.hint);
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
      err('code', 'match', `Mã ${other.code} (${other.fullName}) là mã của địa giới ${theirs}, không dùng cho năm ${opts.year}`, `Năm ${opts.year} dùng danh mục xã ${mine}: tải đúng mẫu của năm này.`);
    } else err('code', 'match', `Không có xã nào mã ${code.value}`, 'Kiểm tra mã theo danh mục trong mẫu tải về.');
    return undefined;
  }
  const name = cell('name');
  if (name === '') {
    err(null, 'match', 'Thiếu cả mã và tên xã', 'Ghi mã xã (5 chữ số) hoặc tên xã.');
    return undefined;
  }
  const m = matchName(index, name, row.district, opts.provinces);
  if (m.ok) return { unit: m.unit, by: 'name' };
  if (m.suggestions.length > 0) {
    const a = ask(
      {
        id: `name:${nameKey(name)}@${nameKey(row.district ?? '')}`,
        kind: 'name',
        value: row.district ? `${name} (${row.district})` : name,
        text: '',
        options: m.suggestions.map((u) => ({ value: u.code, label: describeUnit(index, u) })),
        suggested: null,
      },
      row.line,
    );
    const chosen = a ? m.suggestions.find((u) => u.code === a) : undefined;
    if (chosen) return { unit: chosen, by: 'confirmed' };
  }
  err('name', 'match', m.message, m.hint);
  return undefined;
}

/** "85", "85%", "85,5", "0,85" against certified/total: a message when they disagree. */
function rateMismatch(raw: string, certified: number, total: number): string | null {
  const t = raw.replace('%', '').replace(',', '.').trim();
  const v = Number(t);
  const pct = (certified / total) * 100;
  const shown = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  if (t === '' || !Number.isFinite(v)) return `Tỷ lệ "${raw}" không phải là số`;
  // Rounded to a whole percent at worst; a fraction (0,85) when the cell is formatted as a percentage.
  if (Math.abs(v - pct) <= 0.51 || (v <= 1 && Math.abs(v * 100 - pct) <= 0.51)) return null;
  return `Tỷ lệ ghi ${shown(v <= 1 && !raw.includes('%') && pct > 1 ? v * 100 : v)} % nhưng ${certified}/${total} = ${shown(pct)} %`;
}

function phrase(q: Question): Question {
  const n = q.lines.length;
  const rows = `${n.toLocaleString('vi-VN')} ${q.kind === 'zero' ? 'ô' : 'dòng'} ghi "${q.value}"`;
  const suggestion = q.suggested ? q.options.find((o) => o.value === q.suggested)?.label : undefined;
  const text =
    q.kind === 'name'
      ? `${rows}: không có xã đúng tên này; có phải ${q.options.map((o) => o.label).join(' hoặc ')}?`
      : q.kind === 'zero'
        ? `${rows}: hiểu là số 0?`
        : suggestion
          ? `${rows}: hiểu là ${suggestion}?`
          : `${rows}: hiểu là kết quả nào?`;
  return { ...q, text };
}
