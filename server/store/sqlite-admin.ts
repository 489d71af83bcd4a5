// The import ledger, accounts and audit log on the SQLite store's file (tables of migration 2).
// Imports and rollbacks run in the store's own write transaction (writeWith), so the figures, the
// before-images, the ledger row and the audit entry are committed together or not at all.

import type Database from 'better-sqlite3';
import type { LoginAttempt } from '../auth/loginThrottle.js';
import type { Assessment, Origin, Vintage } from '../domain/types.js';
import type { Actor, AdminBackend, AuditEntry, ImportRecord, ImportWrite, Role, RollbackResult, SavedMapping, Session, User } from './admin.js';
import { sqliteDecks } from './sqlite-decks.js';
import { StoreWriteError, type SqliteStore } from './sqlite.js';

/** A ledger or account write refused for a reason the user can act on (message in Vietnamese). */
export class LedgerError extends StoreWriteError {}

const FIGURE_COLUMNS =
  'province_code, status, exemplary, rd_total, rd_certified, ag_total, ag_certified, en_total, en_certified, sc_total, sc_certified, models, key_area, hot_spot';
type FigureRow = [province: string, status: string, exemplary: number, ...counts: number[]];

/** The figures of a stored row, as the audit log shows them. */
function figures(r: FigureRow, batchId: number) {
  const n = r as unknown as number[];
  return {
    status: r[1],
    exemplary: r[2] === 1,
    residential: { total: n[3], certified: n[4] },
    agencies: { total: n[5], certified: n[6] },
    enterprises: { total: n[7], certified: n[8] },
    schools: { total: n[9], certified: n[10] },
    models: n[11],
    keyArea: n[12] === 1,
    hotSpot: n[13] === 1,
    batchId,
  };
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

interface UserRow {
  name: string;
  role: Role;
  province_code: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
}
const toUser = (r: UserRow): User => ({ name: r.name, role: r.role, provinceCode: r.province_code, disabled: r.disabled === 1, createdAt: r.created_at });

function statements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    before: p(
      `SELECT a.commune_code, ${FIGURE_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ')}, a.batch_id, b.origin
       FROM assessments a JOIN batches b ON b.id = a.batch_id
       WHERE a.vintage = ? AND a.year = ? AND a.commune_code IN (SELECT value FROM json_each(?))`,
    ).raw(),
    insertHistory: p(
      `INSERT INTO assessment_history (replaced_by, vintage, year, commune_code, ${FIGURE_COLUMNS}, before_batch_id, before_origin)
       VALUES (${Array(20).fill('?').join(', ')})`,
    ),
    insertImport: p(
      `INSERT INTO imports (batch_id, vintage, year, province_code, file_name, file_sha256, user_name, rows_written, rows_skipped, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    imports: p(
      `SELECT i.*, (SELECT count(*) FROM assessment_history h WHERE h.replaced_by = i.batch_id) AS rows_replaced
       FROM imports i ORDER BY i.batch_id DESC`,
    ),
    importRow: p(
      `SELECT i.*, (SELECT count(*) FROM assessment_history h WHERE h.replaced_by = i.batch_id) AS rows_replaced
       FROM imports i WHERE i.batch_id = ?`,
    ),
    laterImports: p(
      `SELECT DISTINCT h.replaced_by FROM assessment_history h JOIN imports i ON i.batch_id = h.replaced_by
       WHERE h.before_batch_id = ? AND i.rolled_back_at IS NULL ORDER BY h.replaced_by`,
    ).pluck(),
    rowsOf: p(`SELECT vintage, year, commune_code, ${FIGURE_COLUMNS} FROM assessments WHERE batch_id = ?`).raw(),
    historyOf: p(`SELECT vintage, year, commune_code, ${FIGURE_COLUMNS}, before_batch_id, before_origin FROM assessment_history WHERE replaced_by = ?`).raw(),
    batchExists: p('SELECT 1 FROM batches WHERE id = ?').pluck(),
    deleteRowsOf: p('DELETE FROM assessments WHERE batch_id = ?'),
    restore: p(`INSERT INTO assessments (vintage, year, commune_code, ${FIGURE_COLUMNS}, batch_id) VALUES (${Array(18).fill('?').join(', ')})`),
    markRolledBack: p('UPDATE imports SET rolled_back_at = ?, rolled_back_by = ? WHERE batch_id = ?'),
    mapping: p('SELECT mapping, saved_at, saved_by FROM import_mappings WHERE key = ?'),
    saveMapping: p(
      `INSERT INTO import_mappings (key, mapping, saved_at, saved_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at, saved_by = excluded.saved_by`,
    ),
    user: p('SELECT * FROM users WHERE name = ?'),
    users: p('SELECT * FROM users ORDER BY name'),
    insertUser: p('INSERT INTO users (name, role, province_code, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)'),
    updateUser: p('UPDATE users SET role = ?, province_code = ?, disabled = ?, password_hash = ? WHERE name = ?'),
    deleteUserSessions: p('DELETE FROM sessions WHERE user_name = ?'),
    insertSession: p('INSERT INTO sessions (token_hash, user_name, csrf_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    purgeSessions: p('DELETE FROM sessions WHERE expires_at <= ?'),
    session: p(
      `SELECT s.csrf_hash, s.expires_at, u.* FROM sessions s JOIN users u ON u.name = s.user_name
       WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`,
    ),
    deleteSession: p('DELETE FROM sessions WHERE token_hash = ?'),
    purgeAttempts: p("DELETE FROM login_attempts WHERE at < ? OR (at < ? AND outcome <> 'ok')"),
    attempts: p('SELECT at, account, address, outcome FROM login_attempts WHERE (account = ? OR address = ?) AND at > ?'),
    knownAddress: p("SELECT 1 FROM login_attempts WHERE account = ? AND address = ? AND outcome = 'ok' AND at > ? LIMIT 1").pluck(),
    insertAttempt: p("INSERT INTO login_attempts (at, account, address, outcome) VALUES (?, ?, ?, 'pending')"),
    settleAttempt: p('UPDATE login_attempts SET outcome = ? WHERE id = ?'),
    insertAudit: p('INSERT INTO audit_log (at, user_name, action, target, file_sha256, summary, details) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    audit: p('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?'),
  };
}

const now = () => new Date().toISOString();

export function sqliteAdmin(store: SqliteStore): AdminBackend {
  const db = store.db;
  const s = statements(db);
  const appendAudit = (e: Omit<AuditEntry, 'id' | 'at'>) =>
    s.insertAudit.run(now(), e.userName, e.action, e.target, e.fileSha256, e.summary, JSON.stringify(e.details));
  /** A write outside the figures (accounts): its own transaction, with its audit entry. */
  const tx = <T>(fn: () => T): T => db.transaction(fn).immediate();
  const importRecord = (batchId: number) => {
    const r = s.importRow.get(batchId) as ImportRow | undefined;
    return r && toImport(r);
  };
  const userOrThrow = (name: string) => {
    const r = s.user.get(name) as UserRow | undefined;
    if (!r) throw new LedgerError(`Không có tài khoản "${name}"`);
    return r;
  };

  return {
    ledger: {
      async commitImport(w: ImportWrite): Promise<ImportRecord> {
        const off = w.assessments.find((a) => a.vintage !== w.vintage || a.year !== w.year);
        if (off) throw new LedgerError(`commitImport: ${off.communeCode} is ${off.vintage} ${off.year}, the import is ${w.vintage} ${w.year}`);
        if (w.assessments.length === 0) throw new LedgerError('Không có dòng hợp lệ nào để ghi');
        return store.writeWith('commitImport', (insertBatch) => {
          const codes = JSON.stringify(w.assessments.map((a) => a.communeCode));
          const before = s.before.all(w.vintage, w.year, codes) as [string, ...FigureRow, number, Origin][];
          const where = w.provinceCode ? `, tỉnh ${w.provinceCode}` : '';
          const batchId = insertBatch({
            origin: 'import',
            source: `${w.fileName} sha256:${w.fileSha256}`,
            note: `Nhập năm ${w.year}${where} bởi ${w.userName}`,
            assessments: w.assessments,
            provinceReturns: [],
          });
          const beforeByCode = new Map<string, ReturnType<typeof figures>>();
          for (const [code, ...rest] of before) {
            const fig = rest.slice(0, 14) as FigureRow;
            const [beforeBatch, beforeOrigin] = rest.slice(14) as [number, Origin];
            s.insertHistory.run(batchId, w.vintage, w.year, code, ...fig, beforeBatch, beforeOrigin);
            beforeByCode.set(code, figures(fig, beforeBatch));
          }
          const createdAt = now();
          s.insertImport.run(batchId, w.vintage, w.year, w.provinceCode, w.fileName, w.fileSha256, w.userName, w.assessments.length, w.rowsSkipped, createdAt);
          appendAudit({
            userName: w.userName,
            action: 'import',
            target: `${w.vintage === '2025' ? 'địa giới 2025' : 'địa giới trước 2025'}, năm ${w.year}${where}`,
            fileSha256: w.fileSha256,
            summary: `Nhập ${w.fileName}: ghi ${w.assessments.length} xã (${before.length} thay số liệu cũ), bỏ qua ${w.rowsSkipped} dòng; lần nhập #${batchId}`,
            details: {
              batchId,
              rows: w.assessments.map((a) => ({
                code: a.communeCode,
                before: beforeByCode.get(a.communeCode) ?? null,
                after: written(a, batchId),
                ...(w.notes[a.communeCode] ? { note: w.notes[a.communeCode] } : {}),
              })),
            },
          });
          return importRecord(batchId)!;
        });
      },

      async rollbackImport(batchId: number, actor: Actor): Promise<RollbackResult> {
        return store.writeWith('rollbackImport', (insertBatch) => {
          const rec = importRecord(batchId);
          if (!rec) throw new LedgerError(`Không có lần nhập #${batchId}`);
          if (rec.rolledBackAt) throw new LedgerError(`Lần nhập #${batchId} đã được hoàn tác lúc ${rec.rolledBackAt} bởi ${rec.rolledBackBy}`);
          const later = s.laterImports.all(batchId) as number[];
          if (later.length > 0) {
            throw new LedgerError(
              `Lần nhập sau (${later.map((b) => `#${b}`).join(', ')}) đã thay số liệu của lần nhập #${batchId}: hãy hoàn tác ${later.length > 1 ? 'các lần đó' : 'lần đó'} trước.`,
            );
          }
          const current = s.rowsOf.all(batchId) as [Vintage, number, string, ...FigureRow][];
          const history = s.historyOf.all(batchId) as [Vintage, number, string, ...FigureRow, number, Origin][];
          s.deleteRowsOf.run(batchId);
          // A before-image whose batch is gone (the sample data were regenerated since) goes into a new
          // batch of the same origin, so that the values come back exactly.
          const replacement = new Map<number, number>();
          const restoredByCode = new Map<string, ReturnType<typeof figures>>();
          for (const h of history) {
            const [vintage, year, code] = h;
            const fig = h.slice(3, 17) as FigureRow;
            let [beforeBatch, origin] = h.slice(17) as [number, Origin];
            if (!s.batchExists.get(beforeBatch)) {
              if (!replacement.has(beforeBatch)) {
                replacement.set(
                  beforeBatch,
                  insertBatch({ origin, source: `khôi phục lô #${beforeBatch} khi hoàn tác lần nhập #${batchId}`, note: '', assessments: [], provinceReturns: [] }),
                );
              }
              beforeBatch = replacement.get(beforeBatch)!;
            }
            s.restore.run(vintage, year, code, ...fig, beforeBatch);
            restoredByCode.set(code, figures(fig, beforeBatch));
          }
          s.markRolledBack.run(now(), actor, batchId);
          appendAudit({
            userName: actor,
            action: 'rollback',
            target: `lần nhập #${batchId} (${rec.fileName}, năm ${rec.year})`,
            fileSha256: rec.fileSha256,
            summary: `Hoàn tác lần nhập #${batchId}: khôi phục ${history.length} xã, xóa ${current.length - history.length} xã không có số liệu trước đó`,
            details: {
              batchId,
              rows: current.map((r) => ({ code: r[2], before: figures(r.slice(3) as FigureRow, batchId), after: restoredByCode.get(r[2]) ?? null })),
            },
          });
          return { batchId, restored: history.length, removed: current.length - history.length };
        });
      },

      async imports() {
        return (s.imports.all() as ImportRow[]).map(toImport);
      },
      async importMapping(key: string): Promise<SavedMapping | null> {
        const r = s.mapping.get(key) as { mapping: string; saved_at: string; saved_by: string } | undefined;
        if (!r) return null;
        const m = JSON.parse(r.mapping) as Pick<SavedMapping, 'columns' | 'answers'>;
        return { columns: m.columns ?? {}, answers: m.answers ?? {}, savedAt: r.saved_at, savedBy: r.saved_by };
      },
      async saveImportMapping(key, m, actor) {
        tx(() => {
          const before = s.mapping.get(key) as { mapping: string } | undefined;
          const after = { columns: m.columns, answers: m.answers };
          s.saveMapping.run(key, JSON.stringify(after), now(), actor);
          appendAudit({ userName: actor, action: 'import.mapping', target: key, fileSha256: null, summary: `Lưu cách ghép cột và cách ghi cho ${key}`, details: { before: before ? JSON.parse(before.mapping) : null, after } });
        });
      },
    },

    users: {
      async user(name) {
        const r = s.user.get(name) as UserRow | undefined;
        return r && { ...toUser(r), passwordHash: r.password_hash };
      },
      async users() {
        return (s.users.all() as UserRow[]).map(toUser);
      },
      async addUser(u, actor) {
        return tx(() => {
          if (s.user.get(u.name)) throw new LedgerError(`Tài khoản "${u.name}" đã có`);
          try {
            s.insertUser.run(u.name, u.role, u.provinceCode, u.passwordHash, now());
          } catch (e) {
            console.error(`addUser ${u.name}:`, e);
            throw new LedgerError(`Không tạo được tài khoản "${u.name}": vai trò hoặc tỉnh không hợp lệ`);
          }
          const created = toUser(userOrThrow(u.name));
          appendAudit({ userName: actor, action: 'user.add', target: u.name, fileSha256: null, summary: `Tạo tài khoản ${u.name} (${u.role}${u.provinceCode ? `, tỉnh ${u.provinceCode}` : ''})`, details: { before: null, after: created } });
          return created;
        });
      },
      async updateUser(name, change, actor) {
        return tx(() => {
          const old = userOrThrow(name);
          const role = change.role ?? old.role;
          const province = change.provinceCode !== undefined ? change.provinceCode : role === 'editor' ? old.province_code : null;
          const disabled = change.disabled ?? old.disabled === 1;
          try {
            s.updateUser.run(role, role === 'editor' ? province : null, disabled ? 1 : 0, change.passwordHash ?? old.password_hash, name);
          } catch (e) {
            console.error(`updateUser ${name}:`, e);
            throw new LedgerError(`Không sửa được tài khoản "${name}": vai trò hoặc tỉnh không hợp lệ`);
          }
          // A changed password, role or a disabled account ends the sessions opened before.
          s.deleteUserSessions.run(name);
          const after = toUser(userOrThrow(name));
          const what = [change.passwordHash ? 'đổi mật khẩu' : '', change.role ? `vai trò ${role}` : '', change.provinceCode !== undefined ? `tỉnh ${province ?? '—'}` : '', change.disabled !== undefined ? (disabled ? 'khóa' : 'mở khóa') : '']
            .filter(Boolean)
            .join(', ');
          appendAudit({ userName: actor, action: 'user.update', target: name, fileSha256: null, summary: `Sửa tài khoản ${name}: ${what || 'không đổi'}`, details: { before: toUser(old), after, passwordChanged: !!change.passwordHash } });
          return after;
        });
      },
      async createSession(x) {
        tx(() => {
          s.purgeSessions.run(now());
          s.insertSession.run(x.tokenHash, x.userName, x.csrfHash, now(), x.expiresAt);
        });
      },
      async session(tokenHash, at): Promise<Session | undefined> {
        const r = s.session.get(tokenHash, at) as (UserRow & { csrf_hash: string; expires_at: string }) | undefined;
        return r && { user: toUser(r), csrfHash: r.csrf_hash, expiresAt: r.expires_at };
      },
      async deleteSession(tokenHash) {
        s.deleteSession.run(tokenHash);
      },
      async reserveLoginAttempt(k, wait) {
        return tx(() => {
          s.purgeAttempts.run(k.knownSince, k.since);
          const attempts = s.attempts.all(k.account, k.address, k.since) as LoginAttempt[];
          const known = s.knownAddress.get(k.account, k.address, k.knownSince) === 1;
          const ms = wait({ attempts, known });
          if (ms > 0) return { retryAfterMs: ms };
          return { id: Number(s.insertAttempt.run(k.at, k.account, k.address).lastInsertRowid) };
        });
      },
      async settleLoginAttempt(id, outcome) {
        s.settleAttempt.run(outcome, id);
      },
    },

    audit: {
      async auditEntries({ limit, before }) {
        const rows = s.audit.all(before ?? Number.MAX_SAFE_INTEGER, limit) as {
          id: number;
          at: string;
          user_name: string;
          action: string;
          target: string;
          file_sha256: string | null;
          summary: string;
          details: string;
        }[];
        return rows.map((r) => ({ id: r.id, at: r.at, userName: r.user_name, action: r.action, target: r.target, fileSha256: r.file_sha256, summary: r.summary, details: JSON.parse(r.details) }));
      },
      async appendAudit(e) {
        appendAudit(e);
      },
    },

    decks: sqliteDecks(db, appendAudit),
  };
}
