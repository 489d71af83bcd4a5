// Backups of the PostgreSQL store: pg_dump's custom format (-Fc) of the database in ANTQ_DATABASE_URL, taken
// in one exported snapshot with the row counts printed (so the summary says exactly what the archive holds,
// while the portal keeps writing). A restore checks the file first, builds a new database beside the
// configured one, fills it (pg_restore, or migrate-data's copy of a SQLite backup), brings an older schema up
// to date, and swaps the two names in one transaction: a failure at any point leaves the configured database
// as it was.

import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redact } from '../../server/store/open.js';
import { PG_MIGRATIONS } from '../../server/store/pg/migrations.js';
import { openPgStore } from '../../server/store/pg/store.js';
import { renewIdentitySql } from '../../server/store/steps/step-8.js';
import { migrateData } from '../migrate-data.js';
import { BackupError, backupKind, stamp, verifyChecksum, writeChecksum, type BackupCheck, type BackupResult, type RestoreOptions, type RestoreResult } from './common.js';
import { connect, connectMaintenance, countTables, databaseName, openConnections, pgHolds, q, sideName, withDatabase } from './pgDatabase.js';
import { checkToolVersion, libpqArgs, pgTool, runTool } from './pgTools.js';
import { checkSqliteFile, migratedCopy } from './sqlite.js';

/** `pg_dump -Fc` of the database at `url` into `dir`/antq-<stamp>.pgdump, read back in full, its sha256 beside it. */
export async function backupPg(url: string, dir: string, env: NodeJS.ProcessEnv = process.env, now = new Date()): Promise<BackupResult> {
  const file = join(dir, `antq-${stamp(now)}.pgdump`);
  if (existsSync(file)) throw new BackupError(`${file} exists already`);
  const partial = `${file}.partial`;
  const dump = pgTool('pg_dump', env);
  const client = await connect(url);
  let check: BackupCheck;
  try {
    const server = (await client.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version_num'])).rows[0].v;
    checkToolVersion(dump, await runTool(dump, ['--version'], env, `${dump} --version`), Number(server));
    // The counts and the dump read one snapshot: the summary is what the archive holds.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0].s;
    check = await countTables(client, redact(url));
    const conn = libpqArgs(url, env);
    await runTool(dump, ['--format=custom', `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${conn.dbname}`], conn.env, 'pg_dump failed');
    await client.query('COMMIT');
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    await client.end();
  }
  try {
    await inspectArchive(partial, env);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  renameSync(partial, file);
  const sha256 = await writeChecksum(file);
  return { file, bytes: statSync(file).size, sha256, check };
}

/**
 * Reads the whole archive (every data block is inflated: a truncated or damaged one fails here) and returns
 * the schema migration it holds; refuses an archive of another database or of a newer schema.
 */
async function inspectArchive(file: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const bin = pgTool('pg_restore', env);
  const unreadable = `${file} is not a readable pg_dump archive (truncated or damaged?)`;
  const list = await runTool(bin, ['--list', file], env, unreadable);
  if (!/\bTABLE DATA \S+ schema_migrations\b/.test(list)) throw new BackupError(`${file} is not a backup of this portal (no schema_migrations table in it)`);
  await runTool(bin, ['--file=/dev/null', file], env, unreadable);
  const copy = await runTool(bin, ['--data-only', '--table=schema_migrations', '--file=-', file], env, unreadable);
  const body = copy.split(/^COPY \S+ \(.*\) FROM stdin;$/m)[1]?.split(/^\\\.$/m)[0] ?? '';
  const ids = body.split('\n').filter(Boolean).map((l) => Number(l.split('\t')[0]));
  const migration = ids.length ? Math.max(...ids) : 0;
  const known = PG_MIGRATIONS.at(-1)!.id;
  if (migration > known) throw new BackupError(`${file} has schema ${migration}, newer than this code knows (${known}): restore it with the version that made it`);
  return migration;
}

/** Fills the new database at `url` from a pg_dump archive, and brings an older schema up to date. */
async function pgRestore(file: string, url: string, env: NodeJS.ProcessEnv): Promise<void> {
  const conn = libpqArgs(url, env);
  // Objects belong to the account restoring, whoever owned them where the dump was made.
  await runTool(pgTool('pg_restore', env), ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', `--dbname=${conn.dbname}`, file], conn.env, `${file} could not be restored, nothing was changed`);
  try {
    // The store's own opening runs the migrations an older archive lacks.
    await (await openPgStore(url, { poolSize: 1 })).close();
  } catch (e) {
    throw new BackupError(`${file} was restored into a new database, but bringing its schema up to date failed (${(e as Error).message}); nothing was changed`);
  }
}

/** Fills the new database at `url` from a backup of the embedded store: a migrated copy of it, copied over by migrate-data. */
async function copySqlite(file: string, url: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'antq-restore-'));
  try {
    const copy = join(dir, 'antq.sqlite');
    await migratedCopy(file, copy);
    await migrateData(['--from', copy], { ANTQ_DATABASE_URL: url }, () => undefined);
  } catch (e) {
    throw new BackupError(`${file} could not be copied into a new database (${(e as Error).message}); nothing was changed`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const privilege = (e: unknown) => (e as { code?: string }).code === '42501';

/**
 * Replaces the database in `url` with the backup `file` (a pg_dump archive, or a backup of the embedded store),
 * the portal stopped. A database holding data is replaced only with `force`; whatever is replaced is kept,
 * renamed <name>_before_restore_<time>.
 */
export async function restorePg(file: string, url: string, { force = false, now = new Date() }: RestoreOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<RestoreResult> {
  await verifyChecksum(file);
  const fromSqlite = backupKind(file) === 'sqlite';
  if (fromSqlite) checkSqliteFile(file);
  else await inspectArchive(file, env);
  const target = databaseName(url);
  const suffix = stamp(now).toLowerCase();
  const incoming = sideName(target, `_restoring_${suffix}`);
  const previous = sideName(target, `_before_restore_${suffix}`);
  const admin = await connectMaintenance(url, target);
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [target])).rowCount === 1;
    if (exists) {
      const open = await openConnections(admin, target);
      if (open) throw new BackupError(`database ${target} has open connections ${open}: stop the portal (every app process) first`);
      const holds = await pgHolds(url);
      if (holds && !force) throw new BackupError(`database ${target} holds data (${holds}): to replace it, run again with --force (npm run restore -- FILE --force); it is kept as ${previous}`);
    }
    try {
      await admin.query(`CREATE DATABASE ${q(incoming)} TEMPLATE template0`);
    } catch (e) {
      if (privilege(e)) throw new BackupError(`the account in ANTQ_DATABASE_URL may not create databases: a restore builds the new database beside ${target} and then swaps the names; grant it CREATEDB (ALTER ROLE … CREATEDB)`);
      throw e;
    }
    try {
      if (fromSqlite) await copySqlite(file, withDatabase(url, incoming));
      else await pgRestore(file, withDatabase(url, incoming), env);
      const c = await connect(withDatabase(url, incoming));
      let check: BackupCheck;
      try {
        await c.query(renewIdentitySql('postgres'));
        check = await countTables(c, incoming);
      } finally {
        await c.end();
      }
      await admin.query('BEGIN');
      try {
        if (exists) await admin.query(`ALTER DATABASE ${q(target)} RENAME TO ${q(previous)}`);
        await admin.query(`ALTER DATABASE ${q(incoming)} RENAME TO ${q(target)}`);
        await admin.query('COMMIT');
      } catch (e) {
        await admin.query('ROLLBACK');
        if ((e as { code?: string }).code === '55006') throw new BackupError(`database ${target} was opened during the restore: stop the portal (every app process) and run the restore again; nothing was changed`);
        if (privilege(e)) throw new BackupError(`the account in ANTQ_DATABASE_URL may not rename database ${target} (it must own it and have CREATEDB); nothing was changed`);
        throw e;
      }
      return { previous: exists ? previous : null, check };
    } catch (e) {
      await admin.query(`DROP DATABASE IF EXISTS ${q(incoming)}`).catch(() => undefined);
      throw e;
    }
  } finally {
    await admin.end();
  }
}
