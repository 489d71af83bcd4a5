// The import ledger and the saved column mappings on any Store: the figures, the before-images, the ledger row
// and the audit entry of an import or a rollback are committed together or not at all. The same SQL runs on
// SQLite and PostgreSQL.

import type { Assessment, Origin, Vintage } from '../../shared/domain/types.js';
import type { Actor } from './actor.js';
import type { ImportLedger, ImportRecord, ImportWrite, RollbackResult, SavedMapping } from './admin.js';
import { LedgerError } from './errors.js';
import { FIGURE_COLUMNS, toAssessment, type AssessmentRow } from './rows.js';
import { allIn, appendAudit, insertMany, now } from './sql.js';
import type { SqlRunner, Store } from './store.js';

/** An assessment's stored row without its batch: what a before-image keeps. */
type FigureRow = Omit<AssessmentRow, 'batch_id'> & { province_code: string };
const ROW_COLUMNS = ['vintage', 'year', 'commune_code', 'province_code', ...FIGURE_COLUMNS] as const;
const rowColumns = (alias: string) => ROW_COLUMNS.map((c) => `${alias}.${c}`).join(', ');

/** The figures of a stored row, as the audit log shows them. */
function figures(r: FigureRow, batchId: number) {
  const { status, exemplary, residential, agencies, enterprises, schools, models, keyArea, hotSpot } = toAssessment({ ...r, batch_id: batchId });
  return { status, exemplary, residential, agencies, enterprises, schools, models, keyArea, hotSpot, batchId };
}
const written = (a: Omit<Assessment, 'batchId'>, batchId: number) => {
  const { status, exemplary, residential, agencies, enterprises, schools, models, keyArea, hotSpot } = a;
  return { status, exemplary, residential, agencies, enterprises, schools, models, keyArea, hotSpot, batchId };
};

interface ImportRow {
  batch_id: number;
  vintage: Vintage;
  year: number;
  province_code: string | null;
  file_name: string;
  file_sha256: string;
  user_name: string;
  rows_written: number;
  rows_skipped: number;
  rows_replaced: number;
  created_at: string;
  rolled_back_at: string | null;
  rolled_back_by: string | null;
}
const toImport = (r: ImportRow): ImportRecord => ({
  batchId: r.batch_id,
  vintage: r.vintage,
  year: r.year,
  provinceCode: r.province_code,
  fileName: r.file_name,
  fileSha256: r.file_sha256,
  userName: r.user_name,
  rowsWritten: r.rows_written,
  rowsSkipped: r.rows_skipped,
  rowsReplaced: r.rows_replaced,
  createdAt: r.created_at,
  rolledBackAt: r.rolled_back_at,
  rolledBackBy: r.rolled_back_by,
});

const IMPORT_SELECT = `SELECT i.batch_id, i.vintage, i.year, i.province_code, i.file_name, i.file_sha256, i.user_name, i.rows_written,
  i.rows_skipped, i.created_at, i.rolled_back_at, i.rolled_back_by,
  (SELECT count(*) FROM assessment_history h WHERE h.replaced_by = i.batch_id) AS rows_replaced FROM imports i`;

const importRecord = async (db: SqlRunner, batchId: number) => {
  const r = await db.get<ImportRow>(`${IMPORT_SELECT} WHERE i.batch_id = ?`, [batchId]);
  return r && toImport(r);
};

/** The rows to write: each field the return leaves unreported keeps what an earlier import stored. */
function keepReported(w: ImportWrite, before: (FigureRow & { batch_id: number; origin: Origin })[]): Omit<Assessment, 'batchId'>[] {
  const earlier = new Map(before.filter((b) => b.origin === 'import').map((b) => [b.commune_code, b]));
  return w.assessments.map((a) => {
    const keep = w.unreported?.[a.communeCode] ?? [];
    const b = earlier.get(a.communeCode);
    if (!b || keep.length === 0) return a;
    const stored = toAssessment({ ...b, batch_id: b.batch_id });
    return { ...a, ...Object.fromEntries(keep.map((f) => [f, stored[f]])) };
  });
}

/** The import ledger of `store`, whatever its database. */
export function sqlLedger(store: Store): ImportLedger {
  return {
    async commitImport(w: ImportWrite): Promise<ImportRecord> {
      const off = w.assessments.find((a) => a.vintage !== w.vintage || a.year !== w.year);
      if (off) throw new LedgerError(`commitImport: ${off.communeCode} is ${off.vintage} ${off.year}, the import is ${w.vintage} ${w.year}`);
      if (w.assessments.length === 0) throw new LedgerError('Không có dòng hợp lệ nào để ghi');
      return store.withTransaction(async (tx) => {
        const before = await allIn<FigureRow & { batch_id: number; origin: Origin }>(
          tx,
          `SELECT ${rowColumns('a')}, a.batch_id, b.origin FROM assessments a JOIN batches b ON b.id = a.batch_id
           WHERE a.vintage = ? AND a.year = ? AND a.commune_code IN (?*)`,
          [w.vintage, w.year],
          w.assessments.map((a) => a.communeCode),
        );
        const where = w.provinceCode ? `, tỉnh ${w.provinceCode}` : '';
        const assessments = keepReported(w, before);
        const batchId = await tx.insertBatch({
          origin: 'import',
          source: `${w.fileName} sha256:${w.fileSha256}`,
          note: `Nhập năm ${w.year}${where} bởi ${w.userName}`,
          assessments,
          provinceReturns: [],
        });
        await insertMany(
          tx,
          'assessment_history',
          ['replaced_by', ...ROW_COLUMNS, 'before_batch_id', 'before_origin'],
          before.map((b) => ({ ...b, replaced_by: batchId, before_batch_id: b.batch_id, before_origin: b.origin })),
        );
        const beforeByCode = new Map(before.map((b) => [b.commune_code, figures(b, b.batch_id)]));
        await tx.run(
          `INSERT INTO imports (batch_id, vintage, year, province_code, file_name, file_sha256, user_name, rows_written, rows_skipped, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [batchId, w.vintage, w.year, w.provinceCode, w.fileName, w.fileSha256, w.userName, w.assessments.length, w.rowsSkipped, now()],
        );
        await appendAudit(tx, {
          userName: w.userName,
          action: 'import',
          target: `${w.vintage === '2025' ? 'địa giới 2025' : 'địa giới trước 2025'}, năm ${w.year}${where}`,
          fileSha256: w.fileSha256,
          summary: `Nhập ${w.fileName}: ghi ${w.assessments.length} xã (${before.length} thay số liệu cũ), bỏ qua ${w.rowsSkipped} dòng; lần nhập #${batchId}`,
          details: {
            batchId,
            rows: assessments.map((a) => ({
              code: a.communeCode,
              before: beforeByCode.get(a.communeCode) ?? null,
              after: written(a, batchId),
              ...(w.notes[a.communeCode] ? { note: w.notes[a.communeCode] } : {}),
            })),
          },
        });
        return (await importRecord(tx, batchId))!;
      });
    },

    async rollbackImport(batchId: number, actor: Actor): Promise<RollbackResult> {
      return store.withTransaction(async (tx) => {
        const rec = await importRecord(tx, batchId);
        if (!rec) throw new LedgerError(`Không có lần nhập #${batchId}`);
        if (rec.rolledBackAt) throw new LedgerError(`Lần nhập #${batchId} đã được hoàn tác lúc ${rec.rolledBackAt} bởi ${rec.rolledBackBy}`);
        const later = (
          await tx.all<{ replaced_by: number }>(
            `SELECT DISTINCT h.replaced_by FROM assessment_history h JOIN imports i ON i.batch_id = h.replaced_by
             WHERE h.before_batch_id = ? AND i.rolled_back_at IS NULL ORDER BY h.replaced_by`,
            [batchId],
          )
        ).map((r) => r.replaced_by);
        if (later.length > 0) {
          throw new LedgerError(
            `Lần nhập sau (${later.map((b) => `#${b}`).join(', ')}) đã thay số liệu của lần nhập #${batchId}: hãy hoàn tác ${later.length > 1 ? 'các lần đó' : 'lần đó'} trước.`,
          );
        }
        const current = await tx.all<FigureRow>(`SELECT ${rowColumns('a')} FROM assessments a WHERE a.batch_id = ?`, [batchId]);
        const history = await tx.all<FigureRow & { before_batch_id: number; before_origin: Origin }>(
          `SELECT ${rowColumns('h')}, h.before_batch_id, h.before_origin FROM assessment_history h WHERE h.replaced_by = ?`,
          [batchId],
        );
        await tx.run('DELETE FROM assessments WHERE batch_id = ?', [batchId]);
        tx.figuresChanged();
        // A before-image whose batch is gone (the sample data were regenerated since) goes into a new
        // batch of the same origin, so that the values come back exactly.
        const wanted = [...new Set(history.map((h) => h.before_batch_id))];
        const exists = new Set((await allIn<{ id: number }>(tx, 'SELECT id FROM batches WHERE id IN (?*)', [], wanted)).map((r) => r.id));
        const replacement = new Map<number, number>();
        for (const h of history) {
          if (exists.has(h.before_batch_id) || replacement.has(h.before_batch_id)) continue;
          replacement.set(
            h.before_batch_id,
            await tx.insertBatch({ origin: h.before_origin, source: `khôi phục lô #${h.before_batch_id} khi hoàn tác lần nhập #${batchId}`, note: '', assessments: [], provinceReturns: [] }),
          );
        }
        const restored = history.map((h) => ({ ...h, batch_id: replacement.get(h.before_batch_id) ?? h.before_batch_id }));
        await insertMany(tx, 'assessments', [...ROW_COLUMNS, 'batch_id'], restored);
        const restoredByCode = new Map(restored.map((r) => [r.commune_code, figures(r, r.batch_id)]));
        await tx.run('UPDATE imports SET rolled_back_at = ?, rolled_back_by = ? WHERE batch_id = ?', [now(), actor, batchId]);
        await appendAudit(tx, {
          userName: actor,
          action: 'rollback',
          target: `lần nhập #${batchId} (${rec.fileName}, năm ${rec.year})`,
          fileSha256: rec.fileSha256,
          summary: `Hoàn tác lần nhập #${batchId}: khôi phục ${history.length} xã, xóa ${current.length - history.length} xã không có số liệu trước đó`,
          details: {
            batchId,
            rows: current.map((r) => ({ code: r.commune_code, before: figures(r, batchId), after: restoredByCode.get(r.commune_code) ?? null })),
          },
        });
        return { batchId, restored: history.length, removed: current.length - history.length };
      });
    },

    async imports() {
      return (await store.sql.all<ImportRow>(`${IMPORT_SELECT} ORDER BY i.batch_id DESC`)).map(toImport);
    },
    async importMapping(key: string): Promise<SavedMapping | null> {
      const r = await store.sql.get<{ mapping: string; saved_at: string; saved_by: string }>('SELECT mapping, saved_at, saved_by FROM import_mappings WHERE key = ?', [key]);
      if (!r) return null;
      const m = JSON.parse(r.mapping) as Pick<SavedMapping, 'columns' | 'answers'>;
      return { columns: m.columns ?? {}, answers: m.answers ?? {}, savedAt: r.saved_at, savedBy: r.saved_by };
    },
    async saveImportMapping(key, m, actor) {
      await store.withTransaction(async (tx) => {
        const before = await tx.get<{ mapping: string }>('SELECT mapping FROM import_mappings WHERE key = ?', [key]);
        const after = { columns: m.columns, answers: m.answers };
        await tx.run(
          `INSERT INTO import_mappings (key, mapping, saved_at, saved_by) VALUES (?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at, saved_by = excluded.saved_by`,
          [key, JSON.stringify(after), now(), actor],
        );
        await appendAudit(tx, { userName: actor, action: 'import.mapping', target: key, fileSha256: null, summary: `Lưu cách ghép cột và cách ghi cho ${key}`, details: { before: before ? (JSON.parse(before.mapping) as unknown) : null, after } });
      });
    },
  };
}
