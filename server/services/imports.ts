// Import of one year's commune returns: read the file, check every row (dry run), and commit only a
// clean file, or the valid rows when the user asks to skip the rest, as one import batch.

import { createHash } from 'node:crypto';
import { FIRST_2025_YEAR, type Unit, type Vintage } from '../../shared/domain/types.js';
import type { ImportChoices } from '../../shared/import/choices.js';
import { readUpload } from '../import/readUpload.js';
import { SheetError, type Sheet } from '../import/sheet.js';
import { checkTable, type CheckResult, type Question } from '../import/validate.js';
import type { Table } from '../import/table.js';
import type { Actor } from '../store/actor.js';
import type { ImportLedger, ImportRecord } from '../store/admin.js';
import type { Store } from '../store/store.js';
import { badRequest, forbidden } from './errors.js';
import { chosenMapping, tableWithSaved } from './importMapping.js';
import { checkedReport, ImportRejected, refusedReport, type ImportReport } from './importReport.js';
import { importUnits, mappingKey, namedProvince, provincesOf, writableBy, type ImportUnits, type Scope } from './importUnits.js';

export const vintageOfYear = (year: number): Vintage => (year >= FIRST_2025_YEAR ? '2025' : 'pre2025');

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

function validateYear(year: number): void {
  const max = new Date().getFullYear() + 1;
  if (!Number.isInteger(year) || year < 1990 || year > max) throw badRequest(`Năm phải từ 1990 đến ${max}, nhận được ${year}`, 'year');
}

interface Run {
  report: ImportReport;
  result: CheckResult | null;
  table: Table | null;
  mappingKey: string;
}

export class ImportService {
  private cache: { version: number; units: ImportUnits } | undefined;

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
    const units = await this.units();
    const province = namedProvince(units, vintage, provinceCode);
    const list = [...units.indexes.get(vintage)!.byCode.values()].filter((u) => province === null || u.provinceCode === province.code).sort((a, b) => a.code.localeCompare(b.code));
    return { vintage, units: list, province: province?.name ?? 'toàn quốc' };
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
    const chosen = chosenMapping(table, questions);
    if (!chosen) return;
    const old = await this.ledger.importMapping(key);
    await this.ledger.saveImportMapping(key, { columns: { ...old?.columns, ...chosen.columns }, answers: { ...old?.answers, ...chosen.answers } }, actor);
  }

  /**
   * Whether `scope` may write the communes of a province of a vintage. On the pre-2025 map an editor
   * of a 2025 province may write the old communes all of whose successors lie in that province.
   */
  async assertProvinceInScope(year: number, provinceCode: string | null, scope: Scope, provinceVintage?: Vintage): Promise<void> {
    if (scope.province === null) return;
    const vintage = vintageOfYear(year);
    const units = await this.units();
    const province = namedProvince(units, vintage, provinceCode, provinceVintage);
    const allowed = writableBy(units, vintage, scope);
    const within = province === null ? null : provincesOf(units, vintage, province.code, provinceVintage ?? null);
    const list = [...units.indexes.get(vintage)!.byCode.values()].filter((u) => within === null || within.includes(u.provinceCode));
    if (province === null || !list.every(allowed)) {
      throw forbidden(
        `Tài khoản chỉ được nhập số liệu của ${scope.label}` +
          (vintage === 'pre2025' ? ' (với năm trước 2025: tỉnh cũ có mọi xã nay thuộc tỉnh này)' : '') +
          (province ? `, không được nhập ${province.name}` : ': hãy chọn tỉnh'),
      );
    }
  }

  private async run(req: ImportRequest, scope: Scope): Promise<Run> {
    validateYear(req.year);
    const vintage = vintageOfYear(req.year);
    const units = await this.units();
    const index = units.indexes.get(vintage)!;
    const province = namedProvince(units, vintage, req.provinceCode, req.provinceVintage);
    const provinces = province === null ? null : provincesOf(units, vintage, province.code, req.provinceVintage ?? null);
    const key = mappingKey(units, vintage, province, req.provinceVintage);
    const base = {
      fileName: req.fileName,
      sha256: createHash('sha256').update(req.bytes).digest('hex'),
      bytes: req.bytes.length,
      year: req.year,
      vintage,
      province: province && { code: province.code, name: province.name },
      provinces: (provinces ?? []).map((code) => ({ code, name: index.provinceNames.get(code) ?? code })),
    };
    const refuse = (sheet: Sheet | null, message: string, hint: string): Run => ({ report: refusedReport(base, sheet, message, hint), result: null, table: null, mappingKey: key });
    let sheet: Sheet;
    try {
      sheet = await this.read(req.bytes);
    } catch (e) {
      if (!(e instanceof SheetError)) throw e;
      return refuse(null, e.message, 'Dùng mẫu tải về (XLSX, hoặc CSV UTF-8).');
    }
    const saved = await this.ledger.importMapping(key);
    const choices = req.choices ?? {};
    const { table, applied } = tableWithSaved(sheet.sheets, choices, saved);
    if ('error' in table) return refuse(sheet, table.error, 'Bảng cần một dòng tiêu đề có cột tên (hoặc mã) xã và cột kết quả hoặc số liệu. Tải mẫu ở trang Nhập số liệu.');
    const result = checkTable(table, index, {
      year: req.year,
      provinces,
      allowed: writableBy(units, vintage, scope),
      answers: { ...saved?.answers, ...choices.answers },
      scopeHint: `Tài khoản này chỉ được nhập số liệu của ${scope.label}: xóa dòng này hoặc nhờ quản trị viên nhập.`,
    });
    if (province && provinces && (provinces.length > 1 || provinces[0] !== province.code)) {
      result.problems.unshift({
        line: 0,
        column: null,
        severity: 'warning',
        kind: 'province',
        message: `Mã tỉnh ${province.code} cho năm ${req.year}: hiểu là ${province.name} từ 01/7/2025, gồm các tỉnh cũ ${provinces.map((p) => `${index.provinceNames.get(p)} (${p})`).join(', ')}; tên xã được đối chiếu trong các tỉnh này.`,
        hint: 'Nếu tệp chỉ của một tỉnh cũ, chọn mã tỉnh cũ đó (danh sách tỉnh trước 01/7/2025).',
      });
    }
    const existing = new Set((await this.store.assessments(vintage, req.year)).filter((a) => provinces === null || provinces.includes(index.byCode.get(a.communeCode)?.provinceCode ?? '')).map((a) => a.communeCode));
    const replaces = result.valid.filter((r) => existing.has(r.unit.code)).length;
    const usedAnswers = result.questions.filter((q) => saved?.answers[q.id] !== undefined && choices.answers?.[q.id] === undefined).length;
    const savedMapping = saved && (applied > 0 || usedAnswers > 0) ? { savedAt: saved.savedAt, savedBy: saved.savedBy, columns: applied, answers: usedAnswers } : null;
    return { report: checkedReport(base, sheet, table, result, replaces, savedMapping), result, table, mappingKey: key };
  }

  /** Both vintages' units, rebuilt when the store's data version moves on. */
  private async units(): Promise<ImportUnits> {
    const version = await this.store.version();
    if (!this.cache || this.cache.version !== version) {
      const [u2025, uOld, links] = await Promise.all([this.store.units('2025'), this.store.units('pre2025'), this.store.crosswalk()]);
      this.cache = { version, units: importUnits(u2025, uOld, links) };
    }
    return this.cache.units;
  }
}
