// The backup round trip through the real commands: `npm run backup` on a live copy of the seeded
// database (with accounts, a deck, log-in attempts and audit entries), `npm run restore` into a fresh
// database, and every table compared row by row; a damaged backup is refused; a restore over an
// existing database needs --force and keeps that database aside.

import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../server/auth/password.js';
import { ROOT, paths } from '../server/config.js';
import { openSqliteStore } from '../server/store/sqlite.js';
import { storeAdmin } from '../server/store/sql-admin.js';
import { copySeededDb, type TempDb } from '../test/support/tempDb.js';
import { BackupError } from './backup/common.js';
import { restoreSqlite } from './backup/sqlite.js';
import { skipUnlessCi } from '../test/support/prerequisites.js';

const seeded = inject('seededDb');
const skip = skipUnlessCi('backup and restore', seeded ? null : inject('seededDbSkip'));

/** The database's identity (meta.db_id), which a restore gives anew. */
function identity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT value FROM meta WHERE key = 'db_id'").pluck().get() as string;
  } finally {
    db.close();
  }
}

/** Every table's rows, as a digest per table (order-independent); the database's identity apart. */
function tableDigests(file: string): Record<string, { rows: number; sha256: string }> {
  const db = new Database(file, { readonly: true });
  try {
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(
      names.map((t) => {
        const all = db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][];
        const rows = all.filter((r) => t !== 'meta' || r[0] !== 'db_id').map((r) => JSON.stringify(r)).sort();
        return [t, { rows: all.length, sha256: createHash('sha256').update(rows.join('\n')).digest('hex') }];
      }),
    );
  } finally {
    db.close();
  }
}

const run = (script: string, args: string[], env: Record<string, string>) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe.skipIf(skip)('backup and restore', { timeout: 180_000 }, () => {
  let live: TempDb;
  let dir: string;
  let store: ReturnType<typeof openSqliteStore> | undefined;
  beforeAll(async () => {
    live = await copySeededDb(seeded!);
    dir = mkdtempSync(join(paths().buildDir, 'test', 'backup-'));
    // The portal keeps it open while the backup runs: the backup must still be consistent.
    store = openSqliteStore(live.path);
    const admin = storeAdmin(store);
    await admin.users.addUser({ name: 'quantri', role: 'admin', provinceCode: null, passwordHash: await hashPassword('ba con mèo trèo cây cau') }, 'test');
    await admin.decks.createDeck({ name: 'Hội nghị tổng kết 2025', slides: [{ title: 'Toàn quốc', subtitle: null, view: 'year=2025' }] }, 'quantri', 'create');
    const r = await admin.users.reserveLoginAttempt({ account: 'quantri', address: '127.0.0.1', at: Date.now(), since: 0, knownSince: 0 }, () => 0);
    if ('id' in r) await admin.users.settleLoginAttempt(r.id, 'ok');
  });
  afterAll(async () => {
    await store?.close();
    live?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('backs up the live database and restores it into a fresh one, every table equal', () => {
    const out = run('scripts/backup.ts', ['--dir', dir], { ANTQ_DB: live.path });
    expect(out).toMatch(/backup: .*antq-\d{8}T\d{6}Z\.sqlite/);
    const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.sqlite'))!);
    expect(readFileSync(`${file}.sha256`, 'utf8')).toMatch(/^[0-9a-f]{64} {2}antq-/);

    const fresh = join(dir, 'fresh', 'antq.sqlite');
    const restored = run('scripts/restore.ts', [file], { ANTQ_DB: fresh });
    expect(restored).toMatch(/restore: .* → .*fresh\/antq\.sqlite/);
    const want = tableDigests(live.path);
    const got = tableDigests(fresh);
    expect(Object.keys(got)).toEqual(Object.keys(want));
    expect(got).toEqual(want);
    // Its versions go on from the backup's: a new identity, so that pages never take it for the database it replaced.
    expect(identity(fresh)).toMatch(/^[0-9a-f]{24}$/);
    expect(identity(fresh)).not.toBe(identity(live.path));
    for (const t of ['assessments', 'units', 'users', 'decks', 'deck_slides', 'audit_log', 'login_attempts', 'schema_migrations']) expect(got[t].rows, t).toBeGreaterThan(0);
  });

  it('refuses a damaged backup, replaces a database holding data only with --force, and keeps it', async () => {
    const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.sqlite'))!);
    const target = join(dir, 'target.sqlite');
    expect((await restoreSqlite(file, target)).previous).toBeNull();
    // One byte changed: the checksum beside it no longer matches.
    const bad = join(dir, 'bad.sqlite');
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] ^= 0xff;
    writeFileSync(bad, bytes);
    writeFileSync(`${bad}.sha256`, readFileSync(`${file}.sha256`));
    await expect(restoreSqlite(bad, target)).rejects.toThrow(/does not match its checksum/);
    // Not a database at all.
    writeFileSync(join(dir, 'junk.sqlite'), 'không phải cơ sở dữ liệu');
    await expect(restoreSqlite(join(dir, 'junk.sqlite'), target)).rejects.toThrow(BackupError);
    const before = tableDigests(target);
    expect(before).toEqual(tableDigests(file));
    // A second restore over it: only when asked, and it keeps the one it replaces.
    await expect(restoreSqlite(file, target)).rejects.toThrow(/target\.sqlite holds data \(.*users \d+.*\): to replace it, run again with --force/);
    const { previous } = await restoreSqlite(file, target, { force: true });
    expect(existsSync(previous!)).toBe(true);
    expect(tableDigests(previous!)).toEqual(before);
  });
});
