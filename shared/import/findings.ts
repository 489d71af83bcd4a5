// What checking a return finds, as the import page, the API and the CLI show it: problems by row and
// column with a hint, questions the user answers once for the whole file, the commune rows kept, and
// the rows skipped with why. Types only.

import type { Assessment, Unit } from '../domain/types.js';

/** What a row of a return is: a commune's figures, or one of the rows that are not (skipped, with why). */
export type RowKind = 'commune' | 'province' | 'district' | 'group' | 'total' | 'subtotal' | 'note' | 'numbering';

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
  | 'block'
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
export type Figure = 'residential' | 'agencies' | 'enterprises' | 'schools' | 'models' | 'keyArea' | 'hotSpot' | 'exemplary';

export type Row = Omit<Assessment, 'batchId'>;

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
  kind: RowKind;
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
