// The PostgreSQL backup round trip on the run's real server, through the real commands: `npm run backup` of a
// live copy of the seeded database (accounts, a deck, log-in attempts, audit entries; the store open meanwhile),
// `npm run restore` into a fresh database, every table and sequence compared row by row; a restore over data
// only with --force, the replaced database kept; damaged, truncated and foreign files refused with nothing
// changed; an older archive migrated; a SQLite backup copied in; a missing or too old pg_dump named.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import { ROOT, paths } from '../../server/config.js';
import { openStore, type Opened } from '../../server/store/open.js';
import { storeAdmin } from '../../server/store/sql-admin.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { PG_MIGRATIONS, migratePg } from '../../server/store/pg/migrations.js';
import { PG_TYPES } from '../../server/store/pg/runner.js';
import { kindSkip, onServer, pgDatabase } from '../../test/support/databases.js';
import { skipUnlessCi } from '../../test/support/prerequisites.js';
import { BackupError } from './common.js';
import { backupPg, restorePg } from './pg.js';
import { checkToolVersion, libpqArgs } from './pgTools.js';
import { backupSqlite } from './sqlite.js';

describe('pg_dump and libpq arguments', () => {
  it('refuses a pg_dump older than the server, and what is not PostgreSQL', () => {
    expect(checkToolVersion('/usr/bin/pg_dump', 'pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n', 150018)).toBe(15);
    expect(checkToolVersion('/usr/bin/pg_dump', 'pg_dump (PostgreSQL) 17.2\n', 150018)).toBe(17);
    expect(() => checkToolVersion('/usr/lib/postgresql/13/bin/pg_dump', 'pg_dump (PostgreSQL) 13.16\n', 160004)).toThrow(/version 13, older than the server \(PostgreSQL 16\).*postgresql-client-16/);
    expect(() => checkToolVersion('/opt/pg_dump', 'something else 1.0', 150018)).toThrow(BackupError);
  });

  it('keeps the password out of the command line, and maps ssl=true to libpq', () => {
    const a = libpqArgs('postgres://antq:m%E1%BA%ADt%20kh%E1%BA%A9u@db.example:5433/antq?ssl=true', {});
    expect(a.dbname).toBe('postgres://antq@db.example:5433/antq?sslmode=require');
    expect(a.env.PGPASSWORD).toBe('mật khẩu');
    expect(libpqArgs('postgres://antq@127.0.0.1/antq?sslmode=verify-full&ssl=true', {}).dbname).toBe('postgres://antq@127.0.0.1/antq?sslmode=verify-full');
    expect(libpqArgs('postgres://antq@127.0.0.1/antq', { A: '1' }).env).toEqual({ A: '1' });
  });
});

const missing = kindSkip('postgres', true);

/** Every table's rows as a digest (order-independent), the database's identity apart (a restore gives it anew), and every sequence's position. */
async function contents(url: string): Promise<Record<string, { rows: number; sha256: string } | string>> {
  const c = new pg.Client({ connectionString: url, types: PG_TYPES });
  await c.connect();
  try {
    const names = (await c.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"`)).rows.map((r) => r.t);
    const out: Record<string, { rows: number; sha256: string } | string> = {};
    for (const t of names) {
      const all = (await c.query({ text: `SELECT * FROM "${t}"`, rowMode: 'array' })).rows;
      const rows = all.filter((r) => t !== 'meta' || r[0] !== 'db_id').map((r) => JSON.stringify(r)).sort();
      out[t] = { rows: all.length, sha256: createHash('sha256').update(rows.join('\n')).digest('hex') };
    }
    for (const s of (await c.query<{ name: string; at: string }>(`SELECT sequencename AS name, coalesce(last_value::text, 'unused') AS at FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`)).rows) out[`sequence ${s.name}`] = s.at;
    return out;
  } finally {
    await c.end();
  }
}

/** The database's identity (meta.db_id). */
async function identity(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url, types: PG_TYPES });
  await c.connect();
  try {
    return (await c.query<{ value: string }>("SELECT value FROM meta WHERE key = 'db_id'")).rows[0].value;
  } finally {
    await c.end();
  }
}

const databases = (like: string) => onServer(async (c) => (await c.query<{ d: string }>('SELECT datname AS d FROM pg_database WHERE datname LIKE $1 ORDER BY 1', [like])).rows.map((r) => r.d));

const cli = (script: string, args: string[], env: Record<string, string>) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** The command's stderr; fails the test when it succeeds. */
function cliFails(script: string, args: string[], env: Record<string, string>): string {
  try {
    cli(script, args, env);
  } catch (e) {
    return (e as { stderr: string }).stderr;
  }
  throw new Error(`${script} ${args.join(' ')} succeeded`);
}

describe.skipIf(skipUnlessCi('PostgreSQL backup and restore', missing))('PostgreSQL backup and restore', { timeout: 240_000 }, () => {
  const drops: string[] = [];
  let live: { url: string; drop(): Promise<void> };
  let opened: Opened | undefined;
  let dir: string;
  let file: string;
  /** A database name on the run's server not used yet; dropped after the suite with whatever a restore kept beside it. */
  const fresh = (tag: string) => {
    const name = `bk_${process.pid}_${tag}`;
    drops.push(name);
    return { name, url: `${inject('pgBase')}${name}` };
  };

  beforeAll(async () => {
    live = await pgDatabase(true);
    dir = mkdtempSync(join(paths().buildDir, 'test', 'backup-pg-'));
    // The portal keeps it open and has written to it: the dump must still be consistent and complete.
    opened = await openStore({ ANTQ_DATABASE_URL: live.url });
    await opened.admin.users.addUser({ name: 'quantri', role: 'admin', provinceCode: null, passwordHash: await hashPassword('ba con mèo trèo cây cau') }, 'test');
    await opened.admin.decks.createDeck({ name: 'Hội nghị tổng kết 2025', slides: [{ title: 'Toàn quốc', subtitle: null, view: 'year=2025' }] }, 'quantri', 'create');
    const r = await opened.admin.users.reserveLoginAttempt({ account: 'quantri', address: '127.0.0.1', at: Date.now(), since: 0, knownSince: 0 }, () => 0);
    if ('id' in r) await opened.admin.users.settleLoginAttempt(r.id, 'ok');
  });
  afterAll(async () => {
    await opened?.store.close();
    await live?.drop();
    if (inject('pgBase')) {
      const kept = (await Promise.all(drops.map((d) => databases(`${d}%`)))).flat();
      await onServer(async (c) => {
        for (const d of kept) await c.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`);
      });
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('dumps the live database and restores it into a fresh one, every table and sequence equal', async () => {
    const out = cli('scripts/backup.ts', ['--dir', dir], { ANTQ_DATABASE_URL: live.url });
    expect(out).toMatch(/backup: .*antq-\d{8}T\d{6}Z\.pgdump \([\d.]+ MB, schema \d+, sha256 [0-9a-f]{16}…\)/);
    expect(out).toMatch(/backup: rows: .*assessments \d+.*users 1/);
    file = join(dir, readdirSync(dir).find((f) => f.endsWith('.pgdump'))!);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
    expect(readFileSync(`${file}.sha256`, 'utf8')).toMatch(/^[0-9a-f]{64} {2}antq-\d{8}T\d{6}Z\.pgdump\n$/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);

    const target = fresh('fresh');
    const restored = cli('scripts/restore.ts', [file], { ANTQ_DATABASE_URL: target.url });
    expect(restored).toMatch(new RegExp(`restore: .* → postgres://.*/${target.name} \\(schema \\d+; .*users 1`));
    expect(restored).toMatch(/to check it, compare these rows/);
    expect(restored).not.toMatch(/kept as/);
    const want = await contents(live.url);
    const got = await contents(target.url);
    expect(Object.keys(got)).toEqual(Object.keys(want));
    expect(got).toEqual(want);
    // Its versions go on from the backup's: a new identity, so that pages never take it for the database it replaced.
    const [was, now] = await Promise.all([live.url, target.url].map(identity));
    expect(now).toMatch(/^[0-9a-f]{24}$/);
    expect(now).not.toBe(was);
    for (const t of ['assessments', 'units', 'users', 'decks', 'deck_slides', 'audit_log', 'login_attempts', 'schema_migrations']) expect((got[t] as { rows: number }).rows, t).toBeGreaterThan(0);
    // Nothing left beside it.
    expect(await databases(`${target.name}_%`)).toEqual([]);
  });

  it('replaces a database holding data only with --force, never while the portal is connected, and keeps it', async () => {
    const target = fresh('force');
    await restorePg(file, target.url);
    const c = new pg.Client({ connectionString: target.url });
    c.on('error', () => undefined);
    await c.connect();
    await c.query('DELETE FROM deck_slides');
    const changed = await contents(target.url);
    // An app process still connected: refused before anything is done.
    await expect(restorePg(file, target.url, { force: true })).rejects.toThrow(new RegExp(`database ${target.name} has open connections 1 .*stop the portal`));
    await c.end();
    expect(cliFails('scripts/restore.ts', [file], { ANTQ_DATABASE_URL: target.url })).toMatch(new RegExp(`restore: database ${target.name} holds data \\(.*decks 1.*\\): to replace it, run again with --force \\(npm run restore -- FILE --force\\); it is kept as ${target.name}_before_restore_`));
    expect(await contents(target.url)).toEqual(changed);

    const out = cli('scripts/restore.ts', [file, '--force'], { ANTQ_DATABASE_URL: target.url });
    const previous = /kept as (\S+)/.exec(out)?.[1];
    expect(previous).toMatch(new RegExp(`^${target.name}_before_restore_\\d{8}t\\d{6}z$`));
    expect(await contents(target.url)).toEqual(await contents(live.url));
    expect(await contents(`${inject('pgBase')}${previous}`)).toEqual(changed);
    expect(await databases(`${target.name}_restoring_%`)).toEqual([]);
  });

  it('refuses a damaged, truncated or foreign file with a clear message, and changes nothing', async () => {
    const target = fresh('bad');
    await restorePg(file, target.url);
    const before = await contents(target.url);
    const bytes = readFileSync(file);
    // One byte changed, its checksum beside it.
    const flipped = join(dir, 'flipped.pgdump');
    const copy = Buffer.from(bytes);
    copy[Math.floor(copy.length / 2)] ^= 0xff;
    writeFileSync(flipped, copy);
    writeFileSync(`${flipped}.sha256`, readFileSync(`${file}.sha256`));
    await expect(restorePg(flipped, target.url, { force: true })).rejects.toThrow(/does not match its checksum .*the backup is damaged/);
    // Cut short (a full disk, an interrupted copy), without a checksum.
    const cut = join(dir, 'cut.pgdump');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(restorePg(cut, target.url, { force: true })).rejects.toThrow(/cut\.pgdump is not a readable pg_dump archive \(truncated or damaged\?\): pg_restore: error: /);
    // Not a backup; a damaged SQLite file.
    writeFileSync(join(dir, 'junk.pgdump'), 'không phải bản sao lưu');
    expect(cliFails('scripts/restore.ts', [join(dir, 'junk.pgdump')], { ANTQ_DATABASE_URL: target.url })).toMatch(/restore: .*junk\.pgdump is neither a SQLite database nor a pg_dump archive/);
    writeFileSync(join(dir, 'other.sqlite'), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(100)]));
    await expect(restorePg(join(dir, 'other.sqlite'), target.url, { force: true })).rejects.toThrow(/other\.sqlite (is not a SQLite database|cannot be read as a database|fails SQLite's integrity check)/);
    expect(await contents(target.url)).toEqual(before);
    expect(await databases(`${target.name}_%`)).toEqual([]);
  });

  it('brings an older archive up to date, and changes nothing when that fails', async () => {
    const known = PG_MIGRATIONS.at(-1)!.id;
    const made = async (prepare: (c: pg.Client) => Promise<unknown>, at: string) => {
      const db = await pgDatabase();
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        await prepare(c);
      } finally {
        await c.end();
      }
      const r = await backupPg(db.url, dir, process.env, new Date(at));
      await db.drop();
      return r;
    };
    const old = await made((c) => migratePg(c, PG_MIGRATIONS.slice(0, -1)), '2026-01-02T03:04:05Z');
    expect(old.check.migration).toBe(known - 1);
    const target = fresh('old');
    expect((await restorePg(old.file, target.url)).check.migration).toBe(known);
    expect(Object.keys(await contents(target.url))).toEqual(Object.keys(await contents(live.url)));

    // Migration 1's row gone: its tables exist, so running it again fails after the new database was made.
    const broken = await made(async (c) => (await migratePg(c), await c.query('DELETE FROM schema_migrations WHERE id = 1')), '2026-01-02T03:04:06Z');
    const before = await contents(target.url);
    await expect(restorePg(broken.file, target.url, { force: true })).rejects.toThrow(/bringing its schema up to date failed \(migration 1 .*already exists\); nothing was changed/);
    expect(await contents(target.url)).toEqual(before);
    expect(await databases(`${target.name}_%`)).toEqual([]);
  });

  it('restores a backup of the embedded store into PostgreSQL, through migrate-data into a new database', async () => {
    const tmp = mkdtempSync(join(dir, 'sqlite-'));
    const store = openSqliteStore(join(tmp, 'antq.sqlite'));
    const admin = storeAdmin(store);
    await admin.users.addUser({ name: 'canbo', role: 'admin', provinceCode: null, passwordHash: await hashPassword('ba con mèo trèo cây cau') }, 'test');
    await admin.decks.createDeck({ name: 'Sơ kết', slides: [{ title: 'Hà Nội', subtitle: null, view: 'year=2025&p=01' }] }, 'canbo', 'create');
    await store.close();
    const sqlite = await backupSqlite(join(tmp, 'antq.sqlite'), tmp);
    const target = fresh('sqlite');
    const out = cli('scripts/restore.ts', [sqlite.file], { ANTQ_DATABASE_URL: target.url });
    expect(out).toMatch(new RegExp(`restore: .*\\.sqlite → postgres://.*/${target.name} \\(schema \\d+; .*deck_slides 1, decks 1, .*users 1`));
    const c = new pg.Client({ connectionString: target.url, types: PG_TYPES });
    await c.connect();
    try {
      expect((await c.query('SELECT name, role FROM users')).rows).toEqual([{ name: 'canbo', role: 'admin' }]);
      expect((await c.query('SELECT title, view FROM deck_slides')).rows).toEqual([{ title: 'Hà Nội', view: 'year=2025&p=01' }]);
    } finally {
      await c.end();
    }
    for (const [t, n] of Object.entries(sqlite.check.tables)) if (t !== 'sessions') expect((await contents(target.url))[t], t).toMatchObject({ rows: n });
    expect(await databases(`${target.name}_%`)).toEqual([]);
  });

  it('says when pg_dump is missing or older than the server, and leaves no file', async () => {
    const bin = mkdtempSync(join(dir, 'bin-'));
    const out = mkdtempSync(join(dir, 'out-'));
    await expect(backupPg(live.url, out, { ...process.env, ANTQ_PG_BIN: bin })).rejects.toThrow(/pg_dump is not in ANTQ_PG_BIN/);
    writeFileSync(join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n');
    chmodSync(join(bin, 'pg_dump'), 0o755);
    await expect(backupPg(live.url, out, { ...process.env, ANTQ_PG_BIN: bin })).rejects.toThrow(/pg_dump is version 9, older than the server \(PostgreSQL \d+\)/);
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(file)).toBe(true);
  });
});
