// Returns laid out as provincial offices send them, built with exceljs for the import tests: title
// blocks with merged cells, 1–3 row merged headers, district header rows, totals, signature blocks,
// several sheets. And the real unit index (from ../shared/data), to check names against the catalogue.

import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../server/config.js';
import type { Unit } from '../../shared/domain/types.js';
import { readSheet } from '../../server/import/sheet.js';
import { findTable, type ColumnMapping } from '../../server/import/table.js';
import { buildUnitIndex, checkTable, type Answers, type CheckResult, type UnitIndex } from '../../server/import/validate.js';
import { buildReference } from '../../scripts/reference/build.js';
import { readSourceTexts } from '../../scripts/reference/load.js';

export type Cell = string | number | null;

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** "A1:C1" */
  merges?: string[];
}

export async function workbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, k) => {
      r.forEach((v, c) => {
        if (v !== null && v !== '') ws.getCell(k + 1, c + 1).value = v;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The title block of a provincial report: 4 rows, merged. */
export function titleBlock(width: number, year: number, province = 'BẮC NINH'): { rows: Cell[][]; merges: string[] } {
  const last = String.fromCharCode(64 + width);
  return {
    rows: [
      [`CÔNG AN TỈNH ${province}`, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['PHÒNG THAM MƯU', null, null, 'Độc lập - Tự do - Hạnh phúc'],
      [`BIỂU TỔNG HỢP KẾT QUẢ PHÂN LOẠI XÃ, PHƯỜNG AN TOÀN VỀ ANTT NĂM ${year}`],
      [`(Kèm theo Báo cáo số 312/BC-CAT-PV05 ngày 20/12/${year})`],
    ],
    merges: ['A1:C1', `D1:${last}1`, 'A2:C2', `D2:${last}2`, `A3:${last}3`, `A4:${last}4`],
  };
}

/** A signature block below the table, starting at row `at` (1-based). */
export function signatureBlock(at: number, width: number): { rows: Cell[][]; merges: string[] } {
  const last = String.fromCharCode(64 + width);
  return {
    rows: [[], [null, null, null, `Bắc Ninh, ngày 20 tháng 12 năm 2025`], [null, 'NGƯỜI LẬP BIỂU', null, 'GIÁM ĐỐC'], [null, '(Ký, ghi rõ họ tên)'], [], [null, 'Nguyễn Văn Hùng', null, 'Đại tá Trần Quốc Bảo']],
    merges: [`D${at + 1}:${last}${at + 1}`],
  };
}

const DATA = join(paths().sourceDir, 'units', '2025', 'communes.csv');
/** Whether the official lists are beside the repo; under CI their absence is a failure, not a skip. */
export const haveData = existsSync(DATA);
if (!haveData && process.env.CI) throw new Error(`no source data at ${paths().sourceDir}: the import layout tests need the official unit lists`);

let cached: { units: Unit[]; idx2025: UnitIndex; idxOld: UnitIndex } | undefined;
/** The real units of both vintages and their indexes (built once per test file). */
export function realUnits() {
  if (!cached) {
    const { reference } = buildReference(readSourceTexts(paths().sourceDir));
    const u2025 = reference.units.filter((u) => u.vintage === '2025');
    const uOld = reference.units.filter((u) => u.vintage === 'pre2025');
    cached = { units: reference.units, idx2025: buildUnitIndex('2025', u2025, uOld), idxOld: buildUnitIndex('pre2025', uOld, u2025) };
  }
  return cached;
}

/** Reads and checks a file as the service does, against the real units. */
export async function checkFile(
  bytes: Uint8Array,
  o: { year: number; provinces: string[] | null; answers?: Answers; mapping?: ColumnMapping; sheet?: string },
): Promise<CheckResult & { table: Exclude<ReturnType<typeof findTable>, { error: string }> }> {
  const { idx2025, idxOld } = realUnits();
  const sheet = await readSheet(bytes);
  const table = findTable(sheet.sheets, o.mapping ?? {}, o.sheet);
  if ('error' in table) throw new Error(table.error);
  const r = checkTable(table, o.year >= 2025 ? idx2025 : idxOld, { year: o.year, provinces: o.provinces, allowed: () => true, scopeHint: '', answers: o.answers });
  return { ...r, table };
}

/** The suggested answer to every question (what "Xác nhận" sends in the import page). */
export const suggested = (r: CheckResult): Answers => Object.fromEntries(r.questions.filter((q) => q.suggested !== null).map((q) => [q.id, q.suggested!]));
