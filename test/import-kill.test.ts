// The real server, killed (SIGKILL) in the middle of committing a large import, on both databases: afterwards
// the database holds the whole import or nothing of it. SQLite: it passes its integrity check, and the
// write-ahead log the kill leaves shows that it came inside the transaction (pages after the last commit
// frame). PostgreSQL: the kill comes while the server's backend holds the transaction's write lock.

import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../server/auth/password.js';
import { ROOT } from '../server/config.js';
import pg from 'pg';
import { openStore } from '../server/store/open.js';
import { WRITE_LOCK } from '../server/store/pg/store.js';
import { KINDS, kindSkip, seededStore, type TestStore } from './support/databases.js';
import { returnsCsv } from './support/importFixture.js';
import { missingSeededApi, skipUnlessCi } from './support/prerequisites.js';
import { walFrames } from './support/walFrames.js';

const seeded = inject('seededDb');
const skip = skipUnlessCi('the import kill test', missingSeededApi(seeded, inject('seededDbSkip')));
const PASSWORD = 'mat-khau-thu-nghiem';
// SQLite's default page size, and a kill point well into the commit (which writes several MB: every old commune, its history and the audit).
const PAGE = 4096;
const DEEP_PAGES = 256;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Resolves when the child prints a line matching `re`. */
const waitFor = (child: ChildProcess, re: RegExp, timeout = 60_000) =>
  new Promise<void>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`timeout waiting for ${re}; output: ${out}`)), timeout);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (re.test(out)) {
        clearTimeout(t);
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`server exited: ${out}`)));
  });

/** Whether some session holds the write transactions' advisory lock (pg_locks splits the key in two halves). */
const writeLockHeld = async (c: pg.Client) =>
  (await c.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = $1 AND objsubid = 1", [WRITE_LOCK])).rowCount! > 0;

for (const kind of KINDS) describe.skipIf(skip || kindSkip(kind, true))(`an import killed mid-way (${kind})`, { timeout: 180_000 }, () => {
  let tmp: TestStore;
  let file: Buffer;
  let communes: number;
  beforeAll(async () => {
    tmp = await seededStore(kind);
    const { store, admin } = tmp;
    await admin.users.addUser({ name: 'quantri', role: 'admin', provinceCode: null, passwordHash: await hashPassword(PASSWORD) }, 'test');
    // Every old commune, with long notes: the largest commit a file can make.
    const units = (await store.units('pre2025', { level: 'commune' })).filter((u) => u.districtCode !== null);
    communes = units.length;
    await store.close();
    file = returnsCsv(units.map((u, k) => ({ code: u.code, status: k % 7 ? 'Đạt' : 'Chưa đạt', rdTotal: '20', rdCertified: String(k % 21), models: String(k % 9), note: `ghi chú ${'x'.repeat(200)}` })));
  });
  afterAll(() => tmp?.remove());
  const sqlite = kind === 'sqlite';

  it('leaves all of it or none of it, never a part, when killed inside the commit\'s transaction', async () => {
    const outcomes: string[] = [];
    const wal = `${tmp.env.ANTQ_DB}-wal`;
    const walBytes = () => (existsSync(wal) ? statSync(wal).size : 0);
    // Kill once the transaction has written its first pages to the log, once it has written a good part of
    // them, and (the "all of it" side) not until the import has answered.
    // PostgreSQL: once the server's transaction holds the write lock, and after the answer.
    const kills = sqlite ? ([1, DEEP_PAGES, 'finish'] as const) : ([1, 'finish'] as const);
    const watcher = sqlite ? undefined : new pg.Client({ connectionString: tmp.env.ANTQ_DATABASE_URL });
    await watcher?.connect();
    try {
      for (const killAt of kills) {
        const port = await freePort();
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
          cwd: ROOT,
          env: { ...process.env, ...tmp.env, PORT: String(port), HOST: '127.0.0.1' },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        const exited = new Promise((r) => child.on('exit', r));
        let answered = false;
        try {
          await waitFor(child, /http:\/\//);
          const base = `http://127.0.0.1:${port}`;
          const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'quantri', password: PASSWORD }) });
          const cookie = login.headers.get('set-cookie')!.split(';')[0];
          const { csrfToken } = (await login.json()) as { csrfToken: string };
          const committing = waitFor(child, /import: committing/);
          const answer = fetch(`${base}/api/imports?year=2022&name=lon.csv`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body: new Uint8Array(file) })
            .then((r) => ((answered = true), r))
            .catch(() => undefined);
          await committing;
          if (killAt === 'finish') expect((await answer)?.status).toBe(200);
          else if (sqlite) {
            // Watch the transaction's pages reach the log from here.
            const start = walBytes();
            const deadline = Date.now() + 60_000;
            while (walBytes() < start + killAt * PAGE && !answered && Date.now() < deadline) await new Promise((r) => setImmediate(r));
          } else {
            const deadline = Date.now() + 60_000;
            while (!(await writeLockHeld(watcher!)) && !answered && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
          }
          child.kill('SIGKILL');
          await exited;
        } finally {
          child.kill('SIGKILL');
        }
        if (killAt !== 'finish') expect(answered, `the import answered before the kill at ${killAt}`).toBe(false);
        let where = killAt === 'finish' ? 'after the answer' : 'the write lock held';
        if (sqlite) {
          // The log as the kill left it (opening the database below recovers from it).
          const log = walFrames(wal);
          // Pages after the last commit frame: the kill came inside the open transaction.
          if (killAt !== 'finish') expect(log.uncommitted, `uncommitted pages in the log after the kill at ${killAt} pages`).toBeGreaterThanOrEqual(killAt);
          else expect(log.uncommitted).toBe(0);
          where = `${log.uncommitted} uncommitted pages in the log`;
          const db = new Database(tmp.env.ANTQ_DB);
          try {
            expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
            expect(db.pragma('foreign_key_check')).toEqual([]);
          } finally {
            db.close();
          }
        }
        const { store } = await openStore(tmp.env);
        try {
          const count = async (sql: string) => (await store.sql.get<{ n: number }>(sql))!.n;
          const imports = await store.sql.all<{ batch_id: number; rows_written: number }>('SELECT batch_id, rows_written FROM imports WHERE rolled_back_at IS NULL');
          const importRows = await count("SELECT count(*) AS n FROM assessments a JOIN batches b ON b.id = a.batch_id WHERE b.origin = 'import'");
          const audits = await count("SELECT count(*) AS n FROM audit_log WHERE action = 'import'");
          const batches = await count("SELECT count(*) AS n FROM batches WHERE origin = 'import'");
          // Killed inside its transaction, the import left nothing; the one that answered left all of it.
          expect(imports).toHaveLength(killAt === 'finish' ? 1 : 0);
          expect(batches).toBe(imports.length);
          expect(audits).toBe(imports.length);
          expect(importRows).toBe(imports.length > 0 ? communes : 0);
          for (const i of imports) expect(i.rows_written).toBe(communes);
          outcomes.push(`${killAt}${killAt === 'finish' || !sqlite ? '' : ' pages'}: ${where}, ${imports.length} imports committed`);
        } finally {
          await store.close();
        }
      }
    } finally {
      await watcher?.end();
    }
    console.log(`import killed mid-way (${kind}): ${outcomes.join('; ')}`);
  });
});
