// Connections and small queries a backup and a restore of the PostgreSQL store need: database names, the
// maintenance database, the tables and their rows, the other sessions on a database.
import pg from 'pg';
import { redact } from '../../server/store/open.js';
import { PG_TYPES } from '../../server/store/pg/runner.js';
import { BOOKKEEPING, BackupError, type BackupCheck } from './common.js';

/** An identifier quoted for SQL. */
export const q = (name: string) => pg.escapeIdentifier(name);

/** The database a URL names; refuses a URL that names none (its password redacted in the message). */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new BackupError(`ANTQ_DATABASE_URL (${redact(url)}) names no database`);
  return name;
}

/** The same URL on another database of the server. */
export const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
};

/** `name` + `suffix` within PostgreSQL's 63-byte identifiers. */
export function sideName(name: string, suffix: string): string {
  let base = name;
  while (Buffer.byteLength(base + suffix) > 63) base = base.slice(0, -1);
  return base + suffix;
}

/** A connected client, or a BackupError naming the server (password redacted). */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: PG_TYPES, application_name: 'antq-backup' });
  try {
    await client.connect();
  } catch (e) {
    throw new BackupError(`cannot connect to ${redact(url)}: ${(e as Error).message}`);
  }
  return client;
}

/** The tables of the current schema, in byte order. */
async function tableNames(c: pg.Client): Promise<string[]> {
  return (await c.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"`)).rows.map((r) => r.t);
}

const rowCount = async (c: pg.Client, table: string) => (await c.query<{ n: number }>(`SELECT count(*) AS n FROM ${q(table)}`)).rows[0].n;

/** Rows per table of the current schema and the schema migration reached. */
export async function countTables(c: pg.Client, where: string): Promise<BackupCheck> {
  const names = await tableNames(c);
  if (!names.includes('schema_migrations')) throw new BackupError(`${where} is not a database of this portal (no schema_migrations table)`);
  const tables: Record<string, number> = {};
  for (const t of names) tables[t] = await rowCount(c, t);
  const migration = (await c.query<{ m: number }>('SELECT coalesce(max(id), 0) AS m FROM schema_migrations')).rows[0].m;
  return { tables, migration };
}

/**
 * Connections to database `name` other than ours, as "2 (antq, antq-listen)", or null. Waits up to a second
 * for them to go: a server process lingers a moment after its client has disconnected.
 */
export async function openConnections(admin: pg.Client, name: string): Promise<string | null> {
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
export async function pgHolds(url: string): Promise<string | null> {
  const c = await connect(url);
  try {
    const used: string[] = [];
    for (const t of (await tableNames(c)).filter((t) => !BOOKKEEPING.has(t))) {
      const n = await rowCount(c, t);
      if (n > 0) used.push(`${t} ${n}`);
    }
    return used.length ? used.join(', ') : null;
  } finally {
    await c.end();
  }
}

/** A connection to the server's maintenance database (another one when `target` is it), for CREATE and ALTER DATABASE. */
export async function connectMaintenance(url: string, target: string): Promise<pg.Client> {
  const [first, second] = ['postgres', 'template1'].filter((d) => d !== target);
  try {
    return await connect(withDatabase(url, first));
  } catch (e) {
    if (!second) throw e;
    return connect(withDatabase(url, second));
  }
}
