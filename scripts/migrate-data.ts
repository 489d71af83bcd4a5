// npm run migrate-data -- --from var/antq.sqlite
// Copies an existing SQLite database (figures, import history, accounts, audit log, decks) into the empty
// PostgreSQL database named by ANTQ_DATABASE_URL, in one transaction, keeping every id; then compares the row
// count of every table on both sides. Refuses a target that already holds data. Sessions are not copied:
// users log in again.

import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { databaseUrl, redact } from '../server/store/open.js';
import { migratePg } from '../server/store/pg/migrations.js';
import { PG_TYPES, pgRunner } from '../server/store/pg/runner.js';
import { WRITE_LOCK } from '../server/store/pg/store.js';
import { insertMany } from '../server/store/sql.js';

const USAGE = 'usage: ANTQ_DATABASE_URL=postgres://… npm run migrate-data -- --from FILE.sqlite';

/** In the order foreign keys allow; `meta` last (its version says what caches hold). */
export const COPIED_TABLES = ['units', 'crosswalk', 'batches', 'assessments', 'province_returns', 'imports', 'assessment_history', 'users', 'audit_log', 'decks', 'deck_slides', 'import_mappings', 'login_attempts', 'meta'] as const;
/** Tables whose ids PostgreSQL generates: their sequences continue after the copied ids. */
const IDENTITY = ['batches', 'audit_log', 'decks', 'deck_slides', 'login_attempts'];

export class UsageError extends Error {}

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export async function migrateData(argv: string[], env: NodeJS.ProcessEnv = process.env, log: (s: string) => void = console.log): Promise<TableCount[]> {
  const k = argv.indexOf('--from');
  const from = k >= 0 ? argv[k + 1] : undefined;
  const url = databaseUrl(env);
  if (!from || !url) throw new UsageError(USAGE);
  if (!existsSync(from)) throw new UsageError(`no SQLite database at ${from}`);
  const src = new Database(from, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url, types: PG_TYPES });
  await client.connect();
  try {
    await migratePg(client);
    const counts: TableCount[] = [];
    const t0 = performance.now();
    log(`migrate-data: ${from} → ${redact(url)}`);
    // One read transaction on the source: a consistent copy even while the portal still runs on it.
    src.exec('BEGIN');
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const filled = (await client.query<{ n: number }>('SELECT (SELECT count(*) FROM batches) + (SELECT count(*) FROM users) + (SELECT count(*) FROM decks) + (SELECT count(*) FROM audit_log) AS n')).rows[0].n;
      if (filled > 0) throw new UsageError('the target database already holds data: migrate-data copies into an empty database only');
      const old = Number((await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'version'")).rows[0]?.value ?? 0);
      // The target keeps its own identity (a database of its own, with versions above both); the rest of meta is copied.
      await client.query("DELETE FROM meta WHERE key <> 'db_id'");
      await client.query('DELETE FROM units');
      await client.query('DELETE FROM crosswalk');
      const target = pgRunner(client);
      for (const table of COPIED_TABLES) {
        const columns = (src.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(table) as string[]);
        const rows = (src.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).all() as Record<string, unknown>[]).filter((r) => table !== 'meta' || r.key !== 'db_id');
        await insertMany(target, table, columns, rows);
        log(`  ${table}: ${rows.length}`);
      }
      for (const t of IDENTITY) await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), GREATEST((SELECT max(id) FROM ${t}), 1))`);
      // A version above both: app processes already on the (empty) target drop what they cached.
      const { rows } = await client.query<{ value: string }>("UPDATE meta SET value = (GREATEST(value::bigint, $1) + 1)::text WHERE key = 'version' RETURNING value", [old]);
      await client.query("SELECT pg_notify('antq_version', $1)", [rows[0]?.value ?? '0']);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      src.exec('COMMIT');
    }
    for (const table of COPIED_TABLES) {
      const source = Number(src.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
      const target = (await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n;
      counts.push({ table, source, target });
    }
    const width = Math.max(...counts.map((c) => c.table.length));
    log('\n  table'.padEnd(width + 3) + '    SQLite  PostgreSQL');
    for (const c of counts) log(`  ${c.table.padEnd(width)}  ${String(c.source).padStart(8)}  ${String(c.target).padStart(10)}${c.source === c.target ? '' : '  ≠'}`);
    const bad = counts.filter((c) => c.source !== c.target);
    if (bad.length) throw new Error(`counts differ in ${bad.map((c) => c.table).join(', ')}`);
    log(`migrate-data: done in ${((performance.now() - t0) / 1000).toFixed(1)} s; every count matches (sessions are not copied: users log in again)`);
    return counts;
  } finally {
    src.close();
    await client.end();
  }
}

if (process.argv[1]?.endsWith('scripts/migrate-data.ts')) {
  migrateData(process.argv.slice(2)).catch((e: unknown) => {
    console.error(`migrate-data: ${e instanceof UsageError ? e.message : ((e as Error).stack ?? String(e))}`);
    process.exit(1);
  });
}
