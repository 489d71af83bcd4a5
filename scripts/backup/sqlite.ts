// Backups of the embedded store: SQLite's online backup API copies a consistent snapshot while the
// portal keeps running (readers and writers wait only page by page). Each copy is checked (integrity,
// row counts, sha256 beside it); a restore checks the file first, keeps the current database aside,
// brings an older backup's schema up to date, and swaps the file in one rename.

import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MIGRATIONS } from '../../server/store/migrations.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { renewIdentitySql } from '../../server/store/steps/step-8.js';
import { BOOKKEEPING, BackupError, stamp, verifyChecksum, writeChecksum, type BackupCheck, type BackupResult, type RestoreOptions, type RestoreResult } from './common.js';

/** Integrity, schema and row counts of a database file; throws BackupError on a file that is not a sound backup. */
export function checkSqliteFile(file: string): BackupCheck {
  if (!existsSync(file)) throw new BackupError(`no file ${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError(`${file} is not a SQLite database (${(e as Error).message})`);
  }
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new BackupError(`${file} fails SQLite's integrity check: ${String(ok)}`);
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    if (!names.includes('schema_migrations')) throw new BackupError(`${file} is not a database of this portal (no schema_migrations table)`);
    const migration = (db.prepare('SELECT max(id) FROM schema_migrations').pluck().get() as number | null) ?? 0;
    const known = MIGRATIONS.at(-1)!.id;
    if (migration > known) throw new BackupError(`${file} has schema ${migration}, newer than this code knows (${known}): restore it with the version that made it`);
    const tables = Object.fromEntries(names.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
    return { tables, migration };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`${file} cannot be read as a database: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

/** Copies the live database at `dbPath` into `dir`/antq-<stamp>.sqlite, checks the copy, writes its sha256 beside it. */
export async function backupSqlite(dbPath: string, dir: string, now = new Date()): Promise<BackupResult> {
  if (!existsSync(dbPath)) throw new BackupError(`no database at ${dbPath} (ANTQ_DB)`);
  const file = join(dir, `antq-${stamp(now)}.sqlite`);
  if (existsSync(file)) throw new BackupError(`${file} exists already`);
  const partial = `${file}.partial`;
  const src = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    await src.backup(partial);
  } finally {
    src.close();
  }
  const check = checkSqliteFile(partial);
  renameSync(partial, file);
  const sha256 = await writeChecksum(file);
  return { file, bytes: statSync(file).size, sha256, check };
}

/** Copies the backup `file` to `path`; an older backup gets the migrations it lacks (the store's own opening runs them). */
export async function migratedCopy(file: string, path: string): Promise<void> {
  rmSync(path, { force: true });
  copyFileSync(file, path);
  await openSqliteStore(path).close();
}

/** Rows in the database at `dbPath` beyond bookkeeping ("users 3, decks 1"), or null when it holds none. */
function sqliteHolds(dbPath: string): string | null {
  if (!existsSync(dbPath)) return null;
  let tables: Record<string, number>;
  try {
    tables = checkSqliteFile(dbPath).tables;
  } catch (e) {
    // Unreadable is not empty: replacing it takes --force like any other.
    return (e as Error).message;
  }
  const used = Object.entries(tables).filter(([t, n]) => n > 0 && !BOOKKEEPING.has(t));
  return used.length ? used.map(([t, n]) => `${t} ${n}`).join(', ') : null;
}

/**
 * Replaces the database at `dbPath` with the backup `file`. The portal must be stopped (it keeps the old
 * file open and caches what it read). The file's sha256 is checked when a .sha256 file lies beside it.
 * A database holding data is replaced only with `force`; whatever is replaced is kept beside it.
 */
export async function restoreSqlite(file: string, dbPath: string, { force = false, now = new Date() }: RestoreOptions = {}): Promise<RestoreResult> {
  await verifyChecksum(file);
  checkSqliteFile(file);
  const holds = sqliteHolds(dbPath);
  if (holds && !force) throw new BackupError(`${dbPath} holds data (${holds}): to replace it, run again with --force (npm run restore -- FILE --force); it is kept as ${dbPath}.before-restore-<time>`);
  mkdirSync(dirname(dbPath), { recursive: true });
  const incoming = `${dbPath}.restoring`;
  await migratedCopy(file, incoming);
  const db = new Database(incoming);
  try {
    db.exec(renewIdentitySql('sqlite'));
  } finally {
    db.close();
  }
  const check = checkSqliteFile(incoming);
  let previous: string | null = null;
  if (existsSync(dbPath)) {
    previous = `${dbPath}.before-restore-${stamp(now)}`;
    // Through the backup API: the -wal file's pages are in this copy too.
    const cur = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      await cur.backup(previous);
    } finally {
      cur.close();
    }
  }
  // A stale write-ahead log beside the new file would be replayed onto it.
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  renameSync(incoming, dbPath);
  return { previous, check };
}
