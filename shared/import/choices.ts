import type { ColumnId } from './columns.js';

/** What the user chose about a file: the column of each unrecognised heading, the answers to questions, the sheet. */
export interface ImportChoices {
  /** Column letter → column id or "ignore". */
  mapping?: Record<string, ColumnId | 'ignore'>;
  /** Question id → the answer chosen. */
  answers?: Record<string, string>;
  sheet?: string;
}
