// What only the PostgreSQL store has: migrations under an advisory lock, and the data version announced
// with NOTIFY to every other process's LISTEN connection (re-read after a reconnect).

import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { kindSkip, onServer, pgDatabase } from '../../../test/support/databases.js';
import { REF, batch, row } from '../../../test/support/storeFixture.js';
import { PG_MIGRATIONS, migratePg } from './migrations.js';
import { PG_TYPES } from './runner.js';
import { openPgStore, type PgStore } from './store.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});
async function database() {
  const db = await pgDatabase();
  cleanup.push(db.drop);
  return db.url;
}
async function open(url: string, opts = {}): Promise<PgStore> {
  const s = await openPgStore(url, opts);
  cleanup.push(() => s.close());
  return s;
}
/** Polls `f` until it holds, for at most `ms` (no fixed sleeps). */
async function until(f: () => Promise<boolean>, ms = 1000): Promise<number> {
  const t0 = performance.now();
  while (!(await f())) {
    if (performance.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - t0;
}

describe.skipIf(kindSkip('postgres'))('the PostgreSQL store', () => {
  it('migrates once when several processes start together, and refuses a newer schema', async () => {
    const url = await database();
    const stores = await Promise.all([1, 2, 3, 4].map(() => open(url, { poolSize: 2 })));
    const c = new pg.Client({ connectionString: url, types: PG_TYPES });
    await c.connect();
    cleanup.push(() => c.end());
    expect((await c.query('SELECT id FROM schema_migrations ORDER BY id')).rows.map((r) => r.id)).toEqual(PG_MIGRATIONS.map((m) => m.id));
    await stores[0].replaceReference(REF);
    expect(await stores[3].units('pre2025')).toHaveLength(6);
    expect(await migratePg(c)).toEqual([]);
    const next = PG_MIGRATIONS.at(-1)!.id + 1;
    expect(await migratePg(c, [...PG_MIGRATIONS, { id: next, name: 'later', sql: 'CREATE TABLE later (id integer PRIMARY KEY)' }])).toEqual([next]);
    await expect(migratePg(c)).rejects.toThrow(new RegExp(`migrations ${next}`));
    // a failing step is rolled back whole, and the lock is released
    const bad = [...PG_MIGRATIONS, { id: next, name: 'later', sql: '' }, { id: next + 1, name: 'bad', sql: 'CREATE TABLE t2 (x int); CREATE TABLE units (x int);' }];
    await expect(migratePg(c, bad)).rejects.toThrow(/migration .*bad/);
    expect((await c.query("SELECT count(*) AS n FROM pg_tables WHERE tablename = 't2'")).rows[0].n).toBe(0);
    // pg_locks is the whole server's: only this database's locks (other suites run beside this one).
    expect((await c.query('SELECT count(*) AS n FROM pg_locks WHERE locktype = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())', ['advisory'])).rows[0].n).toBe(0);
  });

  /** A database migrated up to just before `id`, holding one row in each figures table, and how to read them back. */
  async function beforeMigration(id: number) {
    const c = new pg.Client({ connectionString: await database(), types: PG_TYPES });
    await c.connect();
    cleanup.push(() => c.end());
    await migratePg(c, PG_MIGRATIONS.filter((m) => m.id < id));
    await c.query(`INSERT INTO batches (id, origin, source, created_at) VALUES (1, 'import', 't', 'now');
      INSERT INTO assessments VALUES ('pre2025', '10001', 2023, '01', 'dat', 1, 10, 9, 4, 4, 6, 5, 3, 3, 2, 1, 0, 1);
      INSERT INTO assessment_history VALUES (1, 'pre2025', 2023, '10002', '01', 'chua_dat', 0, 1, 1, 0, 0, 0, 0, 0, 0, 7, 1, 1, 1, 'sample')`);
    const read = async () => [(await c.query('SELECT * FROM assessments')).rows, (await c.query('SELECT * FROM assessment_history')).rows];
    return { c, read, kept: await read() };
  }

  it('migration 6 makes the figure columns nullable and keeps every row as it was', async () => {
    const { c, read, kept } = await beforeMigration(6);
    expect(await migratePg(c, PG_MIGRATIONS.filter((m) => m.id <= 6))).toEqual([6]);
    expect(await read()).toEqual(kept);
    await c.query("UPDATE assessments SET rd_total = NULL, rd_certified = NULL, models = NULL WHERE commune_code = '10001'");
    await expect(c.query("UPDATE assessments SET ag_total = NULL WHERE commune_code = '10001'")).rejects.toThrow(/agencies_reported/);
    await expect(c.query("UPDATE assessments SET sc_certified = 4 WHERE commune_code = '10001'")).rejects.toThrow(/schools_counts/);
    await c.query("UPDATE assessment_history SET models = NULL, rd_total = NULL, rd_certified = NULL");
  });

  it('migration 7 makes the yes/no flags nullable and keeps every row as it was', async () => {
    const { c, read, kept } = await beforeMigration(7);
    expect(await migratePg(c, PG_MIGRATIONS.filter((m) => m.id <= 7))).toEqual([7]);
    expect(await read()).toEqual(kept);
    await c.query("UPDATE assessments SET exemplary = NULL, key_area = NULL, hot_spot = NULL WHERE commune_code = '10001'");
    await c.query('UPDATE assessment_history SET exemplary = NULL, key_area = NULL, hot_spot = NULL');
    await expect(c.query("UPDATE assessments SET key_area = 2 WHERE commune_code = '10001'")).rejects.toThrow(/key_area/);
  });

  it('migration 8 gives an existing database an identity of its own, which every process and later opens share', async () => {
    const url = await database();
    const c = new pg.Client({ connectionString: url, types: PG_TYPES });
    await c.connect();
    cleanup.push(() => c.end());
    await migratePg(c, PG_MIGRATIONS.filter((m) => m.id < 8));
    await c.query("UPDATE meta SET value = '5' WHERE key = 'version'");
    expect(await migratePg(c)).toEqual([8]);
    const id = (await c.query("SELECT value FROM meta WHERE key = 'db_id'")).rows[0].value as string;
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    const [a, b] = await Promise.all([open(url, { poolSize: 1 }), open(url, { poolSize: 1 })]);
    const identity = await a.identity();
    expect(identity.startsWith(`${id}.`)).toBe(true);
    expect([await b.identity(), await a.version()]).toEqual([identity, 5]);
    const other = await open(await database(), { poolSize: 1 });
    expect((await other.identity()).startsWith(`${id}.`)).toBe(false);
  });

  it('a copy of the database (a dump restored elsewhere) keeps the stored id and version but is another database', async () => {
    const url = await database();
    // The copy is made with no one connected to the original.
    const a = await openPgStore(url, { poolSize: 1 });
    await a.replaceReference(REF);
    await a.close();
    const name = `${new URL(url).pathname.slice(1)}_copy`;
    await onServer((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${new URL(url).pathname.slice(1)}`));
    cleanup.push(() => onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
    const copyUrl = Object.assign(new URL(url), { pathname: `/${name}` }).href;
    const [original, copy] = [await open(url, { poolSize: 1 }), await open(copyUrl, { poolSize: 1 })];
    const stored = (s: PgStore) => s.sql.all<{ value: string }>("SELECT value FROM meta WHERE key = 'db_id'").then((r) => r[0].value);
    expect([await stored(copy), await copy.version()]).toEqual([await stored(original), await original.version()]);
    const [i, j] = [await original.identity(), await copy.identity()];
    expect(j).not.toBe(i);
    expect(i.split('.').slice(0, 2)).toEqual(j.split('.').slice(0, 2));
  });

  it('another process sees a write within a second, by NOTIFY, and again after its LISTEN connection is cut', async () => {
    const url = await database();
    const a = await open(url);
    const b = await open(url);
    await a.replaceReference(REF);
    expect(b.watch.listening).toBe(true);
    const v = await a.version();
    await until(async () => (await b.version()) === v);
    expect(await b.assessments('pre2025', 2023)).toEqual([]); // cached at v
    await a.writeBatch(batch('import', [row('10001', 2023)]));
    await until(async () => (await b.version()) === v + 1);
    expect((await b.assessments('pre2025', 2023)).map((x) => x.communeCode)).toEqual(['10001']);

    // Cut b's LISTEN connection; a writes while it is down; b reads the version again once it is back.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    cleanup.push(() => admin.end());
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'antq-listen' AND datname = current_database()");
    await until(async () => !b.watch.listening);
    await a.writeBatch(batch('import', [row('10002', 2023)]));
    expect(await b.version()).toBe(v + 2); // read from the table while not listening
    await until(async () => b.watch.listening, 10_000);
    await a.writeBatch(batch('import', [row('10003', 2023)]));
    await until(async () => (await b.version()) === v + 3);
    expect((await b.assessments('pre2025', 2023)).map((x) => x.communeCode)).toEqual(['10001', '10002', '10003']);
  });
});
