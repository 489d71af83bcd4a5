// Import of one year's commune returns: read the file, check every row (dry run), and commit only a
// clean file, or the valid rows when the user asks to skip the rest, as one import batch.

import { createHash } from 'node:crypto';
import { FIRST_2025_YEAR, type Unit, type Vintage } from '../domain/types.js';
import { readUpload } from '../import/readUpload.js';
import { SheetError, type Sheet } from '../import/sheet.js';
import { buildUnitIndex, checkSheet, type CheckResult, type Problem, type UnitIndex } from '../import/validate.js';
import type { Actor, ImportLedger, ImportRecord, User } from '../store/admin.js';
import type { Store } from '../store/store.js';
import { badRequest, forbidden } from './errors.js';

export const vintageOfYear = (year: number): Vintage => (year >= FIRST_2025_YEAR ? '2025' : 'pre2025');

/** Listing every problem of a 50,000-row file would swamp the page; the counts stay exact. */
export const MAX_PROBLEMS_LISTED = 2000;

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  year: number;
  /** A province of the year's vintage (an old code for years before 2025); null: any. */
  provinceCode: string | null;
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

export function validateYear(year: number): void {
  const max = new Date().getFullYear() + 1;
  if (!Number.isInteger(year) || year < 1990 || year > max) throw badRequest(`Năm phải từ 1990 đến ${max}, nhận được ${year}`, 'year');
}

export class ImportService {
  private cache: { version: number; indexes: Map<Vintage, UnitIndex>; successors: Map<string, Set<string>> } | undefined;

  constructor(
    private readonly store: Store,
    private readonly ledger: ImportLedger,
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
    const { report, result } = await this.run(req, scope);
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
      notes,
    });
    return { record, report };
  }

  /**
   * Whether `scope` may write the communes of a province of a vintage. On the pre-2025 map an editor
   * of a 2025 province may write the old communes all of whose successors lie in that province.
   */
  async assertProvinceInScope(year: number, provinceCode: string | null, scope: Scope): Promise<void> {
    if (scope.province === null) return;
    const vintage = vintageOfYear(year);
    const ctx = await this.context(vintage);
    const province = this.province(ctx.index, provinceCode);
    const allowed = this.allowed(ctx, vintage, scope);
    const units = [...ctx.index.byCode.values()].filter((u) => province === null || u.provinceCode === province.code);
    if (province === null || !units.every(allowed)) {
      throw forbidden(
        `Tài khoản chỉ được nhập số liệu của ${scope.label}` +
          (vintage === 'pre2025' ? ' (với năm trước 2025: tỉnh cũ có mọi xã nay thuộc tỉnh này)' : '') +
          (province ? `, không được nhập ${province.name}` : ': hãy chọn tỉnh'),
      );
    }
  }

  private async run(req: ImportRequest, scope: Scope): Promise<{ report: ImportReport; result: CheckResult | null }> {
    validateYear(req.year);
    const vintage = vintageOfYear(req.year);
    const ctx = await this.context(vintage);
    const province = this.province(ctx.index, req.provinceCode);
    const base = {
      fileName: req.fileName,
      sha256: createHash('sha256').update(req.bytes).digest('hex'),
      bytes: req.bytes.length,
      year: req.year,
      vintage,
      province: province && { code: province.code, name: province.name },
    };
    let sheet: Sheet;
    try {
      sheet = await readUpload(req.bytes);
    } catch (e) {
      if (!(e instanceof SheetError)) throw e;
      const problems: Problem[] = [{ line: 0, column: null, severity: 'error', message: e.message, hint: 'Dùng mẫu tải về (XLSX, hoặc CSV UTF-8).' }];
      return { report: { ...base, format: null, encoding: null, separator: null, ...summary(problems, null, 0, 0, 0) }, result: null };
    }
    const allowed = this.allowed(ctx, vintage, scope);
    const result = checkSheet(sheet.rows, ctx.index, {
      year: req.year,
      provinceCode: province?.code ?? null,
      allowed,
      scopeHint: `Tài khoản này chỉ được nhập số liệu của ${scope.label}: xóa dòng này hoặc nhờ quản trị viên nhập.`,
    });
    const existing = new Set((await this.store.assessments(vintage, req.year, province?.code)).map((a) => a.communeCode));
    const replaces = result.valid.filter((r) => existing.has(r.unit.code)).length;
    return {
      report: {
        ...base,
        format: sheet.format,
        encoding: sheet.encoding,
        separator: sheet.separator,
        ...summary(result.problems, result, replaces, result.valid.length - replaces, result.valid.filter((r) => r.matchedBy === 'name').length),
      },
      result,
    };
  }

  private province(index: UnitIndex, code: string | null): { code: string; name: string } | null {
    if (code === null) return null;
    const name = index.provinceNames.get(code);
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
      this.cache = {
        version,
        indexes: new Map([
          ['2025', buildUnitIndex('2025', u2025, uOld)],
          ['pre2025', buildUnitIndex('pre2025', uOld, u2025)],
        ]),
        successors,
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
