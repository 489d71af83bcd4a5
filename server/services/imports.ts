// Import of one year's commune returns: read the file, check every row (dry run), and commit only a
// clean file, or the valid rows when the user asks to skip the rest, as one import batch.

import { createHash } from 'node:crypto';
import { FIRST_2025_YEAR, type Unit, type Vintage } from '../../shared/domain/types.js';
import type { ImportChoices } from '../../shared/import/choices.js';
import { normalize } from '../../shared/import/normalize.js';
import { readUpload } from '../import/readUpload.js';
import { SheetError, type Sheet } from '../import/sheet.js';
import { findTable, type ColumnMapping, type Table, type TableColumn } from '../import/table.js';
import { buildUnitIndex, checkTable, type CheckResult, type Problem, type Question, type SkippedRow, type UnitIndex } from '../import/validate.js';
import type { Actor } from '../store/actor.js';
import type { ImportLedger, ImportRecord, User } from '../store/admin.js';
import type { Store } from '../store/store.js';
import { badRequest, forbidden } from './errors.js';

export const vintageOfYear = (year: number): Vintage => (year >= FIRST_2025_YEAR ? '2025' : 'pre2025');

/** Listing every problem of a 50,000-row file would swamp the page; the counts stay exact. */
const MAX_PROBLEMS_LISTED = 2000;
const PREVIEW_ROWS = 5;

export type { ImportChoices };

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  year: number;
  /**
   * A province; null: any. For a year before 2025, an old code (as the import page lists them) when
   * provinceVintage is 'pre2025'; otherwise a 2025 code means the old provinces that went into it.
   */
  provinceCode: string | null;
  provinceVintage?: Vintage;
  choices?: ImportChoices;
}

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

/** What a user may write: everything, or the communes of one 2025 province. */
export interface Scope {
  /** A 2025 province code; null: all. */
  province: string | null;
  label: string;
}

export const scopeOf = (u: Pick<User, 'role' | 'provinceCode'>): Scope =>
  u.role === 'admin' ? { province: null, label: 'toàn quốc' } : { province: u.provinceCode, label: `tỉnh ${u.provinceCode}` };

/** A commit refused because of the file's problems; the report says which. */
export class ImportRejected extends Error {
  constructor(readonly report: ImportReport) {
    super(report.errors > 0 ? `Tệp có ${report.errors} lỗi ở ${report.invalid} dòng` : 'Tệp không có dòng số liệu hợp lệ nào');
  }
}

function validateYear(year: number): void {
  const max = new Date().getFullYear() + 1;
  if (!Number.isInteger(year) || year < 1990 || year > max) throw badRequest(`Năm phải từ 1990 đến ${max}, nhận được ${year}`, 'year');
}

export class ImportService {
  private cache: { version: number; indexes: Map<Vintage, UnitIndex>; successors: Map<string, Set<string>>; oldProvincesOf: Map<string, string[]> } | undefined;

  constructor(
    private readonly store: Store,
    private readonly ledger: ImportLedger,
    /** How an upload is read (the guarded reader; the CLI reads in its own thread). */
    private readonly read: (bytes: Uint8Array) => Promise<Sheet> = readUpload,
  ) {}

  /** The units a template lists: the assessable units of a province of the year's vintage (all if null). */
  async templateUnits(year: number, provinceCode: string | null): Promise<{ vintage: Vintage; units: Unit[]; province: string }> {
    validateYear(year);
    const vintage = vintageOfYear(year);
    const { index } = await this.context(vintage);
    const province = this.province(index, provinceCode);
    const units = [...index.byCode.values()].filter((u) => province === null || u.provinceCode === province.code).sort((a, b) => a.code.localeCompare(b.code));
    return { vintage, units, province: province?.name ?? 'toàn quốc' };
  }

  /** Dry run: every problem of the file, and what a commit would write. Writes nothing. */
  async check(req: ImportRequest, scope: Scope): Promise<ImportReport> {
    return (await this.run(req, scope)).report;
  }

  /** Commits a clean file, or its valid rows with `skipInvalid`; otherwise throws ImportRejected. */
  async commit(req: ImportRequest, scope: Scope, actor: Actor, skipInvalid: boolean, onCommitting?: (rows: number) => void): Promise<{ record: ImportRecord; report: ImportReport }> {
    const { report, result, table, mappingKey } = await this.run(req, scope);
    if (!(skipInvalid ? report.canCommitSkipping : report.canCommit)) throw new ImportRejected(report);
    onCommitting?.(result!.valid.length);
    const notes = Object.fromEntries(result!.valid.filter((r) => r.note).map((r) => [r.unit.code, r.note]));
    const record = await this.ledger.commitImport({
      vintage: report.vintage,
      year: req.year,
      provinceCode: report.province?.code ?? null,
      fileName: req.fileName,
      fileSha256: report.sha256,
      userName: actor,
      rowsSkipped: report.invalid,
      assessments: result!.valid.map((r) => r.assessment),
      // What the file leaves out keeps what an earlier import of the year stored (README "Partial returns").
      unreported: Object.fromEntries(result!.valid.map((r) => [r.unit.code, [...r.unreported, ...(table!.index.has('status') ? [] : (['status'] as const))]])),
      notes,
    });
    await this.remember(mappingKey, table!, report.questions, actor);
    return { record, report };
  }

  /** Remembers what the user chose for this province's file: mapped headings and the answers used. */
  private async remember(key: string, table: Table, questions: Question[], actor: Actor) {
    const columns: Record<string, string> = {};
    for (const c of table.columns) if ((c.source === 'mapping' || c.source === 'ignored') && c.heading !== '') columns[normalize(c.heading)] = c.id ?? 'ignore';
    const answers = Object.fromEntries(questions.filter((q) => q.answer !== null).map((q) => [q.id, q.answer!]));
    if (Object.keys(columns).length === 0 && Object.keys(answers).length === 0) return;
    const old = await this.ledger.importMapping(key);
    await this.ledger.saveImportMapping(key, { columns: { ...old?.columns, ...columns }, answers: { ...old?.answers, ...answers } }, actor);
  }

  /**
   * Whether `scope` may write the communes of a province of a vintage. On the pre-2025 map an editor
   * of a 2025 province may write the old communes all of whose successors lie in that province.
   */
  async assertProvinceInScope(year: number, provinceCode: string | null, scope: Scope, provinceVintage?: Vintage): Promise<void> {
    if (scope.province === null) return;
    const vintage = vintageOfYear(year);
    const ctx = await this.context(vintage);
    const province = this.province(ctx.index, provinceCode, provinceVintage);
    const allowed = this.allowed(ctx, vintage, scope);
    const within = province === null ? null : this.provincesOf(ctx, province.code, provinceVintage ?? null);
    const units = [...ctx.index.byCode.values()].filter((u) => within === null || within.includes(u.provinceCode));
    if (province === null || !units.every(allowed)) {
      throw forbidden(
        `Tài khoản chỉ được nhập số liệu của ${scope.label}` +
          (vintage === 'pre2025' ? ' (với năm trước 2025: tỉnh cũ có mọi xã nay thuộc tỉnh này)' : '') +
          (province ? `, không được nhập ${province.name}` : ': hãy chọn tỉnh'),
      );
    }
  }

  private async run(req: ImportRequest, scope: Scope): Promise<{ report: ImportReport; result: CheckResult | null; table: Table | null; mappingKey: string }> {
    validateYear(req.year);
    const vintage = vintageOfYear(req.year);
    const ctx = await this.context(vintage);
    const province = this.province(ctx.index, req.provinceCode, req.provinceVintage);
    const provinces = province === null ? null : this.provincesOf(ctx, province.code, req.provinceVintage ?? null);
    // Remembered under the 2025 province, so that a 2024 file's choices are offered for the 2025 file.
    const newProvince = province === null ? null : vintage === '2025' || req.provinceVintage !== 'pre2025' ? province.code : [...ctx.oldProvincesOf].find(([, olds]) => olds.includes(province.code))?.[0];
    const mappingKey = newProvince ? `tỉnh ${newProvince}` : '*';
    const base = {
      fileName: req.fileName,
      sha256: createHash('sha256').update(req.bytes).digest('hex'),
      bytes: req.bytes.length,
      year: req.year,
      vintage,
      province: province && { code: province.code, name: province.name },
      provinces: (provinces ?? []).map((code) => ({ code, name: ctx.index.provinceNames.get(code) ?? code })),
    };
    const empty = { sheet: null, otherSheets: [], headerLines: [], columns: [], preview: [], questions: [], skipped: [], savedMapping: null };
    const refuse = (message: string, hint: string, sheet: Sheet | null) => {
      const problems: Problem[] = [{ line: 0, column: null, severity: 'error', kind: 'file', message, hint }];
      const report: ImportReport = { ...base, format: sheet?.format ?? null, encoding: sheet?.encoding ?? null, separator: sheet?.separator ?? null, ...empty, ...summary(problems, null, 0, 0, 0) };
      return { report, result: null, table: null, mappingKey };
    };
    let sheet: Sheet;
    try {
      sheet = await this.read(req.bytes);
    } catch (e) {
      if (!(e instanceof SheetError)) throw e;
      return refuse(e.message, 'Dùng mẫu tải về (XLSX, hoặc CSV UTF-8).', null);
    }
    const saved = await this.ledger.importMapping(mappingKey);
    const choices = req.choices ?? {};
    let table = findTable(sheet.sheets, choices.mapping ?? {}, choices.sheet);
    // A heading mapped for this province before, and not chosen otherwise now, gets the same column.
    let applied = 0;
    if (saved && !('error' in table)) {
      const extra: ColumnMapping = {};
      for (const c of table.columns) {
        const m = saved.columns[normalize(c.heading)];
        if (c.source === 'unknown' && m && choices.mapping?.[c.letter] === undefined) extra[c.letter] = m as ColumnMapping[string];
      }
      applied = Object.keys(extra).length;
      if (applied > 0) table = findTable(sheet.sheets, { ...extra, ...choices.mapping }, choices.sheet);
    }
    if ('error' in table) return refuse(table.error, 'Bảng cần một dòng tiêu đề có cột tên (hoặc mã) xã và cột kết quả hoặc số liệu. Tải mẫu ở trang Nhập số liệu.', sheet);
    const answers = { ...saved?.answers, ...choices.answers };
    const allowed = this.allowed(ctx, vintage, scope);
    const result = checkTable(table, ctx.index, {
      year: req.year,
      provinces,
      allowed,
      answers,
      scopeHint: `Tài khoản này chỉ được nhập số liệu của ${scope.label}: xóa dòng này hoặc nhờ quản trị viên nhập.`,
    });
    if (province && provinces && (provinces.length > 1 || provinces[0] !== province.code)) {
      result.problems.unshift({
        line: 0,
        column: null,
        severity: 'warning',
        kind: 'province',
        message: `Mã tỉnh ${province.code} cho năm ${req.year}: hiểu là ${province.name} từ 01/7/2025, gồm các tỉnh cũ ${provinces.map((p) => `${ctx.index.provinceNames.get(p)} (${p})`).join(', ')}; tên xã được đối chiếu trong các tỉnh này.`,
        hint: 'Nếu tệp chỉ của một tỉnh cũ, chọn mã tỉnh cũ đó (danh sách tỉnh trước 01/7/2025).',
      });
    }
    const existing = new Set((await this.store.assessments(vintage, req.year)).filter((a) => provinces === null || provinces.includes(ctx.index.byCode.get(a.communeCode)?.provinceCode ?? '')).map((a) => a.communeCode));
    const replaces = result.valid.filter((r) => existing.has(r.unit.code)).length;
    const usedAnswers = result.questions.filter((q) => saved?.answers[q.id] !== undefined && choices.answers?.[q.id] === undefined).length;
    return {
      report: {
        ...base,
        format: sheet.format,
        encoding: sheet.encoding,
        separator: sheet.separator,
        sheet: table.sheet,
        otherSheets: table.otherSheets,
        headerLines: table.headerLines,
        columns: table.columns.map(({ index: _, ...c }) => c),
        preview: table.rows.filter((r) => r.kind === 'commune').slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, cells: r.cells })),
        questions: result.questions,
        skipped: result.skipped.slice(0, MAX_PROBLEMS_LISTED),
        savedMapping: saved && (applied > 0 || usedAnswers > 0) ? { savedAt: saved.savedAt, savedBy: saved.savedBy, columns: applied, answers: usedAnswers } : null,
        ...summary(result.problems, result, replaces, result.valid.length - replaces, result.valid.filter((r) => r.matchedBy !== 'code').length),
      },
      result,
      table,
      mappingKey,
    };
  }

  /**
   * The provinces of the year's vintage a province code stands for. Before 2025 a 2025 code (unless
   * the caller says it is an old one) means the old provinces that went into it: "24" for 2024 is
   * Bắc Ninh of 2025, i.e. old Bắc Giang (24) and old Bắc Ninh (27), not old Bắc Giang alone.
   */
  private provincesOf(ctx: NonNullable<ImportService['cache']> & { index: UnitIndex }, code: string, provinceVintage: Vintage | null): string[] {
    if (ctx.index.vintage === '2025' || provinceVintage === 'pre2025') return [code];
    const merged = ctx.oldProvincesOf.get(code);
    return merged && merged.length > 0 ? merged : [code];
  }

  private province(index: UnitIndex, code: string | null, provinceVintage?: Vintage): { code: string; name: string } | null {
    if (code === null) return null;
    // A 2025 code for an old year is named as the 2025 province it is.
    const name = index.vintage === 'pre2025' && provinceVintage !== 'pre2025' ? (this.cache!.indexes.get('2025')!.provinceNames.get(code) ?? index.provinceNames.get(code)) : index.provinceNames.get(code);
    if (!name) {
      const which = index.vintage === '2025' ? '34 tỉnh, thành phố từ 01/7/2025' : '63 tỉnh, thành phố trước 01/7/2025 (năm trước 2025 dùng mã tỉnh cũ)';
      throw badRequest(`Không có tỉnh mã ${code} trong danh mục ${which}`, 'province');
    }
    return { code, name };
  }

  private allowed(ctx: NonNullable<ImportService['cache']>, vintage: Vintage, scope: Scope): (u: Unit) => boolean {
    const p = scope.province;
    if (p === null) return () => true;
    if (vintage === '2025') return (u) => u.provinceCode === p;
    return (u) => {
      const next = ctx.successors.get(u.code);
      return next !== undefined && next.size > 0 && [...next].every((q) => q === p);
    };
  }

  private async context(vintage: Vintage) {
    const version = await this.store.version();
    if (!this.cache || this.cache.version !== version) {
      const [u2025, uOld, links] = await Promise.all([this.store.units('2025'), this.store.units('pre2025'), this.store.crosswalk()]);
      const provinceOfNew = new Map(u2025.map((u) => [u.code, u.provinceCode]));
      const successors = new Map<string, Set<string>>();
      for (const l of links) {
        const s = successors.get(l.oldCode) ?? new Set<string>();
        s.add(provinceOfNew.get(l.newCode) ?? '?');
        successors.set(l.oldCode, s);
      }
      // An old province went into the 2025 province most of its communes went into.
      const votes = new Map<string, Map<string, number>>();
      for (const u of uOld) {
        if (u.level !== 'commune') continue;
        for (const p of successors.get(u.code) ?? []) {
          const v = votes.get(u.provinceCode) ?? new Map<string, number>();
          v.set(p, (v.get(p) ?? 0) + 1);
          votes.set(u.provinceCode, v);
        }
      }
      const oldProvincesOf = new Map<string, string[]>();
      for (const [old, v] of [...votes].sort(([a], [b]) => a.localeCompare(b))) {
        const into = [...v].sort((a, b) => b[1] - a[1])[0][0];
        oldProvincesOf.set(into, [...(oldProvincesOf.get(into) ?? []), old]);
      }
      this.cache = {
        version,
        indexes: new Map([
          ['2025', buildUnitIndex('2025', u2025, uOld)],
          ['pre2025', buildUnitIndex('pre2025', uOld, u2025)],
        ]),
        successors,
        oldProvincesOf,
      };
    }
    return { ...this.cache, index: this.cache.indexes.get(vintage)! };
  }
}

function summary(problems: Problem[], r: CheckResult | null, replaces: number, adds: number, matchedByName: number) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const valid = r?.valid.length ?? 0;
  return {
    dataRows: r?.dataRows ?? 0,
    valid,
    invalid: r?.invalidLines.length ?? 0,
    unfilled: r?.unfilled ?? 0,
    matchedByName,
    replaces,
    adds,
    errors,
    warnings: problems.length - errors,
    problems: problems.slice(0, MAX_PROBLEMS_LISTED),
    canCommit: errors === 0 && valid > 0,
    canCommitSkipping: valid > 0,
  };
}
