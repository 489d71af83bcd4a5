// The choices remembered per province (README "Import"): the headings a user mapped and the answers given,
// applied to the next file of that province where the user does not choose otherwise.

import { normalize } from '../../shared/import/normalize.js';
import type { ImportChoices } from '../../shared/import/choices.js';
import { findTable, type ColumnMapping, type Table } from '../import/table.js';
import type { Question } from '../import/validate.js';
import type { SavedMapping } from '../store/admin.js';
import type { Sheet } from '../import/sheet.js';

/**
 * The table of the sheets read with the user's mapping, and a heading mapped for this province before, and not
 * chosen otherwise now, given the same column; `applied`: how many columns the saved mapping gave.
 */
export function tableWithSaved(sheets: Sheet['sheets'], choices: ImportChoices, saved: SavedMapping | null): { table: ReturnType<typeof findTable>; applied: number } {
  const table = findTable(sheets, choices.mapping ?? {}, choices.sheet);
  if (!saved || 'error' in table) return { table, applied: 0 };
  const extra: ColumnMapping = {};
  for (const c of table.columns) {
    const m = saved.columns[normalize(c.heading)];
    if (c.source === 'unknown' && m && choices.mapping?.[c.letter] === undefined) extra[c.letter] = m as ColumnMapping[string];
  }
  const applied = Object.keys(extra).length;
  return { table: applied > 0 ? findTable(sheets, { ...extra, ...choices.mapping }, choices.sheet) : table, applied };
}

/** What the user chose for a file: mapped (or ignored) headings and the questions answered; null when nothing. */
export function chosenMapping(table: Table, questions: Question[]): Pick<SavedMapping, 'columns' | 'answers'> | null {
  const columns: Record<string, string> = {};
  for (const c of table.columns) if ((c.source === 'mapping' || c.source === 'ignored') && c.heading !== '') columns[normalize(c.heading)] = c.id ?? 'ignore';
  const answers = Object.fromEntries(questions.filter((q) => q.answer !== null).map((q) => [q.id, q.answer!]));
  return Object.keys(columns).length === 0 && Object.keys(answers).length === 0 ? null : { columns, answers };
}
