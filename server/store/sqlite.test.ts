import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrations.js';
import { VERSION_RECHECK_MS } from './cached.js';
import { openSqliteStore, type SqliteStore } from './sqlite.js';
import { REF, batch, row } from '../../test/support/storeFixture.js';

const stores: SqliteStore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
describe('migrations', () => {
  it('creates the folder, uses WAL, records each step once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-store-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'antq.sqlite');
    const s = openSqliteStore(path);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    await s.replaceReference(REF);
    await s.close();

    const again = openSqliteStore(path);
    stores.push(again);
    const applied = again.db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
    expect(applied).toEqual(MIGRATIONS.map((m) => m.id));
    expect(await again.units('pre2025')).toHaveLength(6);
  });

  it('applies only pending steps, and refuses a database from newer code', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(migrate(db)).toEqual([]);
    const next = MIGRATIONS.at(-1)!.id + 1;
    const extra = [...MIGRATIONS, { id: next, name: 'later', sql: 'CREATE TABLE later (id INTEGER PRIMARY KEY, batch_id INTEGER REFERENCES batches(id))' }];
    expect(migrate(db, extra)).toEqual([next]);
    expect(() => migrate(db)).toThrow(new RegExp(`migrations ${next}`));
    db.close();
  });

  it('migration 6 makes the figure columns nullable and keeps every row as it was', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const before = MIGRATIONS.filter((m) => m.id < 6);
    migrate(db, before);
    db.exec(`INSERT INTO batches (id, origin, source, created_at) VALUES (1, 'import', 't', 'now');
      INSERT INTO assessments VALUES ('pre2025', '10001', 2023, '01', 'dat', 0, 10, 9, 4, 4, 6, 5, 3, 3, 2, 1, 0, 1);
      INSERT INTO assessment_history VALUES (1, 'pre2025', 2023, '10002', '01', 'chua_dat', 0, 1, 1, 0, 0, 0, 0, 0, 0, 7, 0, 0, 1, 'sample')`);
    const read = () => [db.prepare('SELECT * FROM assessments').all(), db.prepare('SELECT * FROM assessment_history').all()];
    const kept = read();
    expect(migrate(db, MIGRATIONS.filter((m) => m.id <= 6))).toEqual([6]);
    expect(read()).toEqual(kept);
    db.exec("UPDATE assessments SET rd_total = NULL, rd_certified = NULL, models = NULL WHERE commune_code = '10001'");
    expect(() => db.exec("UPDATE assessments SET ag_total = NULL WHERE commune_code = '10001'")).toThrow(/agencies_counts/);
    expect(() => db.exec("UPDATE assessments SET sc_certified = 4 WHERE commune_code = '10001'")).toThrow(/schools_counts/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'assessments' AND type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all()).toEqual([
      'assessments_by_batch', 'assessments_by_commune', 'assessments_by_year_province',
    ]);
    // The foreign key to batches still cascades.
    db.exec('DELETE FROM batches WHERE id = 1');
    expect(db.prepare('SELECT count(*) FROM assessments').pluck().get()).toBe(0);
    db.close();
  });

  it('migration 7 makes the yes/no flags nullable and keeps every row, check, index and cascade', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((m) => m.id < 7));
    db.exec(`INSERT INTO batches (id, origin, source, created_at) VALUES (1, 'import', 't', 'now');
      INSERT INTO assessments VALUES ('pre2025', '10001', 2023, '01', 'dat', 1, 10, 9, 4, 4, 6, 5, 3, 3, 2, 1, 0, 1);
      INSERT INTO assessment_history VALUES (1, 'pre2025', 2023, '10002', '01', 'chua_dat', 0, 1, 1, 0, 0, 0, 0, 0, 0, 7, 1, 1, 1, 'sample')`);
    const read = () => [db.prepare('SELECT * FROM assessments').all(), db.prepare('SELECT * FROM assessment_history').all()];
    const kept = read();
    expect(migrate(db, MIGRATIONS.filter((m) => m.id <= 7))).toEqual([7]);
    expect(read()).toEqual(kept);
    db.exec("UPDATE assessments SET exemplary = NULL, key_area = NULL, hot_spot = NULL WHERE commune_code = '10001'");
    db.exec('UPDATE assessment_history SET exemplary = NULL, key_area = NULL, hot_spot = NULL');
    expect(() => db.exec("UPDATE assessments SET key_area = 2 WHERE commune_code = '10001'")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE assessments SET ag_total = NULL WHERE commune_code = '10001'")).toThrow(/agencies_counts/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE tbl_name = 'assessments' AND type = 'index' AND sql IS NOT NULL").pluck().get()).toBe(3);
    db.exec('DELETE FROM batches WHERE id = 1');
    expect(db.prepare('SELECT count(*) FROM assessments').pluck().get()).toBe(0);
    db.close();
  });

  it('migration 8 gives an existing database an identity of its own, which later opens keep', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-id-'));
    dirs.push(dir);
    const path = join(dir, 'old.sqlite');
    const db = new Database(path);
    migrate(db, MIGRATIONS.filter((m) => m.id < 8));
    db.exec("UPDATE meta SET value = '5' WHERE key = 'version'");
    expect(migrate(db)).toEqual([8]);
    const id = db.prepare("SELECT value FROM meta WHERE key = 'db_id'").pluck().get() as string;
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    db.close();
    const other = new Database(':memory:');
    migrate(other);
    expect(other.prepare("SELECT value FROM meta WHERE key = 'db_id'").pluck().get()).not.toBe(id);
    other.close();
    const again = openSqliteStore(path);
    stores.push(again);
    expect([(await again.identity()).split('.')[0], await again.version()]).toEqual([id, 5]);
  });

  it('names a byte copy of the file another database, and every opening of the same file the same one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-copy-'));
    dirs.push(dir);
    const [path, copy] = [join(dir, 'antq.sqlite'), join(dir, 'copy.sqlite')];
    const s = openSqliteStore(path);
    stores.push(s);
    await s.replaceReference(REF);
    const id = await s.identity();
    const twice = openSqliteStore(path);
    stores.push(twice);
    expect(await twice.identity()).toBe(id);
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(path, copy);
    const copied = openSqliteStore(copy);
    stores.push(copied);
    // The same stored id and version, but not the same database: a page must not take one's figures for the other's.
    expect(await copied.version()).toBe(await s.version());
    expect((await copied.identity()).split('.')[0]).toBe(id.split('.')[0]);
    expect(await copied.identity()).not.toBe(id);
    const memory = openSqliteStore(':memory:');
    stores.push(memory);
    expect(await memory.identity()).toMatch(/^[0-9a-f]{24}$/);
  });

  it('rolls a failing step back whole', () => {
    const db = new Database(':memory:');
    const bad = [...MIGRATIONS, { id: MIGRATIONS.at(-1)!.id + 1, name: 'bad', sql: 'CREATE TABLE t2 (x); CREATE TABLE units (x);' }];
    expect(() => migrate(db, bad)).toThrow();
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('t2', 'units')").pluck().get()).toBe(0);
    db.close();
  });
});

describe('year cache', () => {
  it('sees writes made through another connection, and hands out read-only rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-store-'));
    dirs.push(dir);
    const path = join(dir, 'antq.sqlite');
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    stores.push(a, b);
    await a.replaceReference(REF);
    await a.writeBatch(batch('import', [row('10001', 2023, { models: 1 })]));
    const first = await b.assessments('pre2025', 2023);
    expect(first[0].models).toBe(1);
    expect(Object.isFrozen(first[0]) && Object.isFrozen(first[0].residential)).toBe(true);
    first.pop(); // the returned array is the caller's own
    expect(await b.assessments('pre2025', 2023)).toHaveLength(1);
    await a.writeBatch(batch('import', [row('10001', 2023, { models: 4 }), row('10002', 2023)]));
    // b reads the version at most every VERSION_RECHECK_MS (a's own reads would see it at once).
    await new Promise((r) => setTimeout(r, VERSION_RECHECK_MS + 10));
    const second = await b.assessments('pre2025', 2023);
    expect(second.map((r) => r.models)).toEqual([4, 2]);
    expect((await b.assessments('pre2025', 2023, '01')).map((r) => r.communeCode)).toEqual(['10001', '10002']);
    expect(await b.assessments('pre2025', 2023, '02')).toEqual([]);
  });
});

