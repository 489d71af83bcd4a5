// Reading the source tables' cells: codes, names, numbers and unit types, each failing with its file and line.

import { CsvError, type CsvTable, type Row } from '../../shared/lib/csv.js';
import { stripDiacritics } from '../../shared/lib/diacritics.js';

/** Unit types by level, in the order names are matched against (longest first where prefixes overlap). */
export const COMMUNE_TYPES_PRE2025 = ['Thị trấn', 'Phường', 'Xã'];
export const DISTRICT_TYPES = ['Thành phố', 'Thị xã', 'Quận', 'Huyện'];
export const PROVINCE_TYPES = ['Thành phố', 'Tỉnh'];

const lower = (s: string) => s.toLocaleLowerCase('vi');

/**
 * Splits "Phường Phúc Xá" into type "Phường" and name "Phúc Xá" (prefix matched case-insensitively,
 * so "Thị Trấn Ái Tử" works too). A name that is only a number keeps its type ("Phường 5", "Quận 1"):
 * a bare "5" is no name. Returns undefined when no known prefix matches.
 */
export function splitTypePrefix(
  fullName: string,
  types: readonly string[],
): { type: string; name: string; fullName: string } | undefined {
  const trimmed = fullName.trim().replace(/\s+/g, ' ');
  for (const type of types) {
    if (lower(trimmed).startsWith(lower(type) + ' ')) {
      const rest = trimmed.slice(type.length + 1).trim();
      if (rest === '') return undefined;
      const full = `${type} ${rest}`; // the type's canonical spelling: "Thị Trấn Ái Tử" → "Thị trấn Ái Tử"
      return { type, name: /^\d+$/.test(rest) ? full : rest, fullName: full };
    }
  }
  return undefined;
}

export function fail(table: CsvTable, row: Row | number, message: string): never {
  throw new CsvError(table.file, typeof row === 'number' ? row : row.line, message);
}

export function code(table: CsvTable, row: Row, column: string, digits: number | number[]): string {
  const v = row.get(column).trim();
  const allowed = Array.isArray(digits) ? digits : [digits];
  if (!allowed.some((d) => new RegExp(`^\\d{${d}}$`).test(v))) {
    fail(table, row, `column "${column}": ${JSON.stringify(v)} is not a ${allowed.join(' or ')}-digit code`);
  }
  return v;
}

export function text(table: CsvTable, row: Row, column: string): string {
  const v = row.get(column).trim();
  if (v === '') fail(table, row, `column "${column}" is empty`);
  return v;
}

/** A non-negative number, or null when the cell is empty. Accepts "1234", "1234.5", "1234.0". */
export function num(table: CsvTable, row: Row, column: string): number | null {
  const v = row.get(column).trim();
  if (v === '') return null;
  const x = Number(v);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(v) || !Number.isFinite(x)) {
    fail(table, row, `column "${column}": ${JSON.stringify(v)} is not a non-negative number`);
  }
  return x;
}

export const int = (x: number | null) => (x === null ? null : Math.round(x));

export function uniqueCheck(table: CsvTable, seen: Map<string, number>, row: Row, key: string) {
  const prev = seen.get(key);
  if (prev !== undefined) fail(table, row, `duplicate code ${key} (first on line ${prev})`);
  seen.set(key, row.line);
}

/** Strips spaces, diacritics and case, for matching the census's "ThừaThiênHuế" to "Huế". */
export function normaliseName(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
