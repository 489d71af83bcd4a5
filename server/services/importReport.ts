// What a dry run or a refused commit tells the user about a file: the report, built from the table read and its check.

import type { Vintage } from '../../shared/domain/types.js';
import type { Sheet } from '../import/sheet.js';
import type { Table, TableColumn } from '../import/table.js';
import type { CheckResult, Problem, Question, SkippedRow } from '../import/validate.js';

/** Listing every problem of a 50,000-row file would swamp the page; the counts stay exact. */
const MAX_PROBLEMS_LISTED = 2000;
const PREVIEW_ROWS = 5;

export interface ImportReport {
  fileName: string;
  sha256: string;
  bytes: number;
  format: Sheet['format'] | null;
  encoding: Sheet['encoding'];
  separator: Sheet['separator'];
  year: number;
  vintage: Vintage;
  province: { code: string; name: string } | null;
  /** The provinces of the year's vintage the rows were matched in (several: old provinces merged in 2025). */
  provinces: { code: string; name: string }[];
  /** The sheet read (XLSX), and why the others were not. */
  sheet: string | null;
  otherSheets: { name: string; why: string }[];
  headerLines: number[];
  columns: Omit<TableColumn, 'index'>[];
  /** The first commune rows as read, for the mapping step. */
  preview: { line: number; cells: string[] }[];
  questions: Question[];
  skipped: SkippedRow[];
  /** The remembered mapping applied to this file, if any. */
  savedMapping: { savedAt: string; savedBy: string; columns: number; answers: number } | null;
  dataRows: number;
  valid: number;
  invalid: number;
  unfilled: number;
  matchedByName: number;
  /** Valid rows that would replace figures already stored / add figures where there were none. */
  replaces: number;
  adds: number;
  errors: number;
  warnings: number;
  problems: Problem[];
  /** The file is clean: it can be committed as it is. */
  canCommit: boolean;
  /** Some rows are valid: they can be committed, skipping the invalid ones. */
  canCommitSkipping: boolean;
}

/** What a report says of the request alone, before the file is read. */
export type ReportBase = Pick<ImportReport, 'fileName' | 'sha256' | 'bytes' | 'year' | 'vintage' | 'province' | 'provinces'>;

/** A commit refused because of the file's problems; the report says which. */
export class ImportRejected extends Error {
  constructor(readonly report: ImportReport) {
    super(report.errors > 0 ? `Tệp có ${report.errors} lỗi ở ${report.invalid} dòng` : 'Tệp không có dòng số liệu hợp lệ nào');
  }
}

const format = (sheet: Sheet | null) => ({ format: sheet?.format ?? null, encoding: sheet?.encoding ?? null, separator: sheet?.separator ?? null });

/** The report on a file that could not be read as a table at all: one problem of kind 'file'. */
export function refusedReport(base: ReportBase, sheet: Sheet | null, message: string, hint: string): ImportReport {
  const problems: Problem[] = [{ line: 0, column: null, severity: 'error', kind: 'file', message, hint }];
  const empty = { sheet: null, otherSheets: [], headerLines: [], columns: [], preview: [], questions: [], skipped: [], savedMapping: null };
  return { ...base, ...format(sheet), ...empty, ...summary(problems, null, 0) };
}

/** The report on a table checked row by row; `replaces`: its valid rows that would replace stored figures. */
export function checkedReport(base: ReportBase, sheet: Sheet, table: Table, result: CheckResult, replaces: number, savedMapping: ImportReport['savedMapping']): ImportReport {
  return {
    ...base,
    ...format(sheet),
    sheet: table.sheet,
    otherSheets: table.otherSheets,
    headerLines: table.headerLines,
    columns: table.columns.map(({ index: _, ...c }) => c),
    preview: table.rows.filter((r) => r.kind === 'commune').slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, cells: r.cells })),
    questions: result.questions,
    skipped: result.skipped.slice(0, MAX_PROBLEMS_LISTED),
    savedMapping,
    ...summary(result.problems, result, replaces),
  };
}

function summary(problems: Problem[], r: CheckResult | null, replaces: number) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const valid = r?.valid.length ?? 0;
  return {
    dataRows: r?.dataRows ?? 0,
    valid,
    invalid: r?.invalidLines.length ?? 0,
    unfilled: r?.unfilled ?? 0,
    matchedByName: r?.valid.filter((v) => v.matchedBy !== 'code').length ?? 0,
    replaces,
    adds: valid - replaces,
    errors,
    warnings: problems.length - errors,
    problems: problems.slice(0, MAX_PROBLEMS_LISTED),
    canCommit: errors === 0 && valid > 0,
    canCommitSkipping: valid > 0,
  };
}
