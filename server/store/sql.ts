// Helpers for plain SQL on the contract's SqlRunner, the same for both dialects.

import type { AuditEntry } from './admin.js';
import type { SqlRunner } from './store.js';

/** Values per statement: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const MAX_PARAMS = 16_000;

/** Runs `sql` (whose `IN (…)` is written `IN (?*)`) once per chunk of `list`; the rows of all chunks. */
export async function allIn<T>(db: SqlRunner, sql: string, params: readonly unknown[], list: readonly unknown[]): Promise<T[]> {
  const out: T[] = [];
  const size = MAX_PARAMS - params.length;
  for (let k = 0; k < list.length; k += size) {
    const chunk = list.slice(k, k + size);
    out.push(...(await db.all<T>(sql.replace('?*', chunk.map(() => '?').join(', ')), [...params, ...chunk])));
  }
  return out;
}

/** Multi-row INSERT of `rows` (objects keyed by column), in chunks; `suffix` e.g. an ON CONFLICT clause. */
export async function insertMany(db: SqlRunner, table: string, columns: readonly string[], rows: readonly Record<string, unknown>[], suffix = '', suffixParams: readonly unknown[] = []): Promise<void> {
  const per = Math.max(1, Math.floor((MAX_PARAMS - suffixParams.length) / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let k = 0; k < rows.length; k += per) {
    const chunk = rows.slice(k, k + per);
    const values: unknown[] = [];
    for (const r of chunk) for (const c of columns) values.push(r[c] ?? null);
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ${suffix}`, [...values, ...suffixParams]);
  }
}

/** The time of a row written now, as every table stores it (ISO 8601). */
export const now = () => new Date().toISOString();

/** Appends an audit entry in the caller's transaction (every admin write has one). */
export async function appendAudit(db: SqlRunner, e: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
  await db.run('INSERT INTO audit_log (at, user_name, action, target, file_sha256, summary, details) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    now(), e.userName, e.action, e.target, e.fileSha256, e.summary, JSON.stringify(e.details),
  ]);
}
