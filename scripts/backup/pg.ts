// Backups of the PostgreSQL store: pg_dump's custom format (-Fc) of the database in ANTQ_DATABASE_URL, taken
// in one exported snapshot with the row counts printed (so the summary says exactly what the archive holds,
// while the portal keeps writing). A restore checks the file first, builds a new database beside the
// configured one, fills it (pg_restore, or migrate-data's copy of a SQLite backup), brings an older schema up
// to date, and swaps the two names in one transaction: a failure at any point leaves the configured database
// as it was.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { redact } from '../../server/store/open.js';
import { PG_MIGRATIONS } from '../../server/store/pg/migrations.js';
import { PG_TYPES } from '../../server/store/pg/runner.js';
import { openPgStore } from '../../server/store/pg/store.js';
import { migrateData } from '../migrate-data.js';
import { BOOKKEEPING, BackupError, backupKind, stamp, verifyChecksum, writeChecksum, type BackupCheck, type BackupResult, type RestoreOptions, type RestoreResult } from './common.js';
import { checkSqliteFile, migratedCopy } from './sqlite.js';

const exec = promisify(execFile);
const q = (name: string) => pg.escapeIdentifier(name);

type Tool = 'pg_dump' | 'pg_restore';

/** Where a client tool is: in ANTQ_PG_BIN, else the newest /usr/lib/postgresql/N/bin (Debian), else on PATH. */
function pgTool(name: Tool, env: NodeJS.ProcessEnv = process.env): string {
  if (env.ANTQ_PG_BIN) {
    const p = join(env.ANTQ_PG_BIN, name);
    if (!existsSync(p)) throw new BackupError(`${name} is not in ANTQ_PG_BIN (${env.ANTQ_PG_BIN})`);
    return p;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const dirs = [...versions.map((v) => join(root, v, 'bin')), ...(env.PATH ?? '').split(':').filter(Boolean)];
  const found = dirs.map((d) => join(d, name)).find((p) => existsSync(p));
  if (!found) throw new BackupError(`${name} is not installed: apt-get install postgresql-client (of the server's major version or newer), or set ANTQ_PG_BIN to its folder`);
  return found;
}

/** Refuses a tool older than the server: pg_dump cannot dump a newer server's catalogue. */
export function checkToolVersion(tool: string, versionOutput: string, serverVersionNum: number): number {
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(versionOutput);
  if (!m) throw new BackupError(`${tool} --version says "${versionOutput.trim()}": not PostgreSQL's ${basename(tool)}`);
  const major = Number(m[1]);
  const server = Math.floor(serverVersionNum / 10000);
  if (major < server) {
    throw new BackupError(`${tool} is version ${major}, older than the server (PostgreSQL ${server}): install postgresql-client-${server} or newer, or set ANTQ_PG_BIN to its folder`);
  }
  return major;
}

/** The URL libpq is given (without the password: that goes in PGPASSWORD, out of the process list) and its environment. */
export function libpqArgs(url: string, env: NodeJS.ProcessEnv = process.env): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  // node-postgres's ssl=true is libpq's sslmode=require; libpq refuses parameters it does not know.
  const ssl = u.searchParams.get('ssl');
  if (ssl !== null) {
    u.searchParams.delete('ssl');
    if (ssl !== 'false' && ssl !== '0' && !u.searchParams.has('sslmode')) u.searchParams.set('sslmode', 'require');
  }
  return { dbname: u.toString(), env: password ? { ...env, PGPASSWORD: password } : env };
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new BackupError(`ANTQ_DATABASE_URL (${redact(url)}) names no database`);
  return name;
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
};

/** `name` + `suffix` within PostgreSQL's 63-byte identifiers. */
function sideName(name: string, suffix: string): string {
  let base = name;
  while (Buffer.byteLength(base + suffix) > 63) base = base.slice(0, -1);
  return base + suffix;
}

async function runTool(bin: string, args: string[], env: NodeJS.ProcessEnv, what: string): Promise<string> {
  try {
    return (await exec(bin, args, { env, encoding: 'utf8', maxBuffer: 64 << 20 })).stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    const said = (err.stderr ?? '').trim().split('\n').filter(Boolean).slice(0, 4).join('; ');
    throw new BackupError(`${what}: ${said || err.message}`);
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: PG_TYPES, application_name: 'antq-backup' });
  try {
    await client.connect();
  } catch (e) {
    throw new BackupError(`cannot connect to ${redact(url)}: ${(e as Error).message}`);
  }
  return client;
}

/** Rows per table of the current schema and the schema migration reached. */
async function countTables(c: pg.Client, where: string): Promise<BackupCheck> {
  const names = (await c.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"`)).rows.map((r) => r.t);
  if (!names.includes('schema_migrations')) throw new BackupError(`${where} is not a database of this portal (no schema_migrations table)`);
  const tables: Record<string, number> = {};
  for (const t of names) tables[t] = (await c.query<{ n: number }>(`SELECT count(*) AS n FROM ${q(t)}`)).rows[0].n;
  const migration = (await c.query<{ m: number }>('SELECT coalesce(max(id), 0) AS m FROM schema_migrations')).rows[0].m;
  return { tables, migration };
}

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

/**
 * Connections to database `name` other than ours, as "2 (antq, antq-listen)", or null. Waits up to a second
 * for them to go: a server process lingers a moment after its client has disconnected.
 */
async function openConnections(admin: pg.Client, name: string): Promise<string | null> {
  for (let tries = 0; ; tries++) {
    const { rows } = await admin.query<{ n: number; apps: string | null }>(
      `SELECT count(*) AS n, string_agg(DISTINCT coalesce(nullif(application_name, ''), '?'), ', ') AS apps FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [name],
    );
    if (rows[0].n === 0) return null;
    if (tries === 10) return `${rows[0].n} (${rows[0].apps})`;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Rows beyond bookkeeping in the database at `url` ("users 3, decks 1"), or null when it holds none. */
async function pgHolds(url: string): Promise<string | null> {
  const c = await connect(url);
  try {
    const names = (await c.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"`)).rows.map((r) => r.t);
    const used: string[] = [];
    for (const t of names.filter((t) => !BOOKKEEPING.has(t))) {
      const n = (await c.query<{ n: number }>(`SELECT count(*) AS n FROM ${q(t)}`)).rows[0].n;
      if (n > 0) used.push(`${t} ${n}`);
    }
    return used.length ? used.join(', ') : null;
  } finally {
    await c.end();
  }
}

/** A connection to the server's maintenance database (another one when `target` is it), for CREATE and ALTER DATABASE. */
async function connectMaintenance(url: string, target: string): Promise<pg.Client> {
  const [first, second] = ['postgres', 'template1'].filter((d) => d !== target);
  try {
    return await connect(withDatabase(url, first));
  } catch (e) {
    if (!second) throw e;
    return connect(withDatabase(url, second));
  }
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
