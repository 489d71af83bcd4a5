// Checks every commune row of a return's table against the units of its vintage: matches each row to
// a commune (rowMatch.ts), parses each cell, and lists every problem by row and column with a hint.
// A column the file does not have is "not reported" for every row. Spellings the dictionary does not
// know are gathered into questions (questions.ts), one per spelling, that the user answers once for
// the whole file. Pure: the table and the units come in, nothing is read or written.

import { provinceBlocks } from './blocks.js';
import { checkColumns, missingFigures, notReportedWarnings, TEMPLATE_HINT } from './columnCheck.js';
import { columnLetter, heading, type ColumnId } from '../../shared/import/columns.js';
import { legacyEncoding, legacyMessage } from './decode.js';
import { ZERO_SURE } from '../../shared/import/dictionary.js';
import type { CheckOptions, CheckResult, Figure, Problem, ProblemKind, Row } from '../../shared/import/findings.js';
import type { UnitIndex } from './match.js';
import { questionnaire, readStatus, ZERO_OPTIONS } from './questions.js';
import { checkMatch, matchRow, type Say } from './rowMatch.js';
import type { Table } from './table.js';
import { parseCount, parseFlag, rateMismatch, type Parsed } from './values.js';

export type * from '../../shared/import/findings.js';
export { buildUnitIndex, type UnitIndex } from './match.js';

const COUNT_PAIRS: [ColumnId, ColumnId, ColumnId, 'residential' | 'agencies' | 'enterprises' | 'schools'][] = [
  ['rdTotal', 'rdCertified', 'rdRate', 'residential'],
  ['agTotal', 'agCertified', 'agRate', 'agencies'],
  ['enTotal', 'enCertified', 'enRate', 'enterprises'],
  ['scTotal', 'scCertified', 'scRate', 'schools'],
];
const DATA_COLUMNS: ColumnId[] = ['status', 'rdTotal', 'rdCertified', 'agTotal', 'agCertified', 'enTotal', 'enCertified', 'scTotal', 'scCertified', 'models', 'keyArea', 'hotSpot', 'exemplary'];

export function checkTable(table: Table, index: UnitIndex, opts: CheckOptions): CheckResult {
  const problems: Problem[] = [];
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

  const { ask, questions } = questionnaire(opts.answers ?? {});
  const blocks = provinceBlocks(index, opts.provinces);
  const missing = missingFigures(table).map(([f]) => f);
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (row.kind !== 'commune') {
      result.skipped.push({ line: row.line, kind: row.kind, text: [...new Set(row.cells.map((c) => c.trim()).filter((c) => c !== ''))].slice(0, 3).join(' · ').slice(0, 120), why: row.why ?? '' });
      const unknown = blocks.heading(row);
      if (unknown) fileProblem('warning', 'block', unknown, 'Sửa tên tỉnh theo danh mục, hoặc ghi mã xã cho các dòng bên dưới.', row.line);
      continue;
    }
    const cell = (id: ColumnId) => {
      const k = table.index.get(id);
      return k === undefined ? '' : (row.cells[k] ?? '').trim();
    };
    result.dataRows++;
    const rowProblems: Problem[] = [];
    const err: Say = (id, kind, message, hint) => rowProblems.push({ line: row.line, column: id ? colName(id) : null, severity: 'error', kind, message, hint });
    const warn: Say = (id, kind, message, hint) => rowProblems.push({ line: row.line, column: id ? colName(id) : null, severity: 'warning', kind, message, hint });
    const take = <T>(id: ColumnId, p: Parsed<T>, fallback: T): T => {
      if (p.ok) return p.value;
      err(id, 'value', p.message, p.hint);
      return fallback;
    };

    const match = matchRow(cell, row.line, index, blocks.scope(row), opts.year, err, ask);
    if (match) checkMatch(match, row.line, cell, index, opts, seen, err, warn);
    const yearCell = cell('year');
    if (yearCell !== '' && yearCell !== String(opts.year)) {
      err('year', 'year', `Năm ${yearCell} khác năm đang nhập (${opts.year})`, `Mỗi lần nhập một năm: sửa thành ${opts.year} hoặc chọn năm ${yearCell}.`);
    }

    const filled = DATA_COLUMNS.some((id) => cell(id) !== '');
    const status = readStatus(cell('status'), row.line, ask, () => err('status', 'question', `Chưa rõ kết quả "${cell('status')}"`, 'Trả lời câu hỏi về cách ghi này ở đầu báo cáo.'));
    const unreported = new Set<Figure>(missing);
    // A count: blank = 0 (the template's rule), "-" = 0 once confirmed; null = not reported.
    const count = (id: ColumnId): number | null => {
      const raw = cell(id);
      if (ZERO_SURE.has(raw)) {
        const a = ask({ id: `zero:${raw}`, kind: 'zero', value: raw, options: ZERO_OPTIONS, suggested: '0' }, row.line);
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
      tallies[key] = total === null || certified === null ? null : { total: Math.max(total, 0), certified: Math.max(certified, 0) };
    }
    const models = has('models') ? count('models') : null;
    if (models === null) unreported.add('models');
    // A flag without a column is not reported (null), never "no"; a blank cell under its column is "no" (the template's rule).
    const flag = (id: ColumnId) => (has(id) ? take(id, parseFlag(cell(id)), false) : null);
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
        models: models === null ? null : Math.max(models, 0),
        keyArea,
        hotSpot,
      },
    });
  }
  result.questions = questions();
  if (result.dataRows === 0) {
    fileProblem('error', 'file', 'Không có dòng số liệu của xã nào dưới dòng tiêu đề.', result.skipped.length > 0 ? `Có ${result.skipped.length} dòng được bỏ qua (tổng, huyện, ghi chú): xem danh sách các dòng bỏ qua.` : TEMPLATE_HINT);
  } else if (result.valid.length === 0 && result.invalidLines.length === 0) {
    fileProblem('error', 'file', 'Chưa điền số liệu cho xã nào (mọi dòng đều trống).', 'Điền kết quả và số liệu vào mẫu rồi nhập lại.', 0);
  } else {
    // A figure left out is stored as unknown, never as 0.
    for (const w of notReportedWarnings(table)) fileProblem('warning', 'not-reported', w.message, w.hint);
  }
  return result;
}
