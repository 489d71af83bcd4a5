// The real server, killed (SIGKILL) in the middle of committing a large import: afterwards the database
// holds the whole import or nothing of it (SQLite: and passes its integrity check), on both databases.

import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../server/auth/password.js';
import { ROOT } from '../server/config.js';
import { openStore } from '../server/store/open.js';
import { KINDS, kindSkip, seededStore, type TestStore } from './support/databases.js';
import { returnsCsv } from './support/importFixture.js';

const seeded = inject('seededDb');
const PASSWORD = 'mat-khau-thu-nghiem';

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

for (const kind of KINDS) describe.skipIf(!seeded || kindSkip(kind, true))(`an import killed mid-way (${kind})`, { timeout: 180_000 }, () => {
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

  it('leaves all of it or none of it, never a part', async () => {
    const outcomes: string[] = [];
    // The last run is not killed until the import has answered: the "all of it" side.
    for (const delayMs of [0, 120, 'finish'] as const) {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
        cwd: ROOT,
        env: { ...process.env, ...tmp.env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((r) => child.on('exit', r));
      try {
        await waitFor(child, /http:\/\//);
        const base = `http://127.0.0.1:${port}`;
        const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'quantri', password: PASSWORD }) });
        const cookie = login.headers.get('set-cookie')!.split(';')[0];
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        const committing = waitFor(child, /import: committing/);
        const answer = fetch(`${base}/api/imports?year=2022&name=lon.csv`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body: new Uint8Array(file) }).catch(() => undefined);
        await committing;
        if (delayMs === 'finish') expect((await answer)?.status).toBe(200);
        else if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        child.kill('SIGKILL');
        await exited;
      } finally {
        child.kill('SIGKILL');
      }
      if (kind === 'sqlite') {
        const db = new Database(tmp.env.ANTQ_DB!);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        db.close();
      }
      const { store } = await openStore(tmp.env);
      try {
        const count = async (sql: string) => (await store.sql.get<{ n: number }>(sql))!.n;
        const imports = await store.sql.all<{ batch_id: number; rows_written: number }>('SELECT batch_id, rows_written FROM imports WHERE rolled_back_at IS NULL');
        const importRows = await count("SELECT count(*) AS n FROM assessments a JOIN batches b ON b.id = a.batch_id WHERE b.origin = 'import'");
        const audits = await count("SELECT count(*) AS n FROM audit_log WHERE action = 'import'");
        const batches = await count("SELECT count(*) AS n FROM batches WHERE origin = 'import'");
        // Each earlier committed import replaced the previous one's rows (same communes, same year).
        expect(batches).toBe(imports.length);
        expect(audits).toBe(imports.length);
        expect(importRows).toBe(imports.length > 0 ? communes : 0);
        for (const i of imports) expect(i.rows_written).toBe(communes);
        if (delayMs === 'finish') expect(imports).toHaveLength(1);
        outcomes.push(`${delayMs}${delayMs === 'finish' ? '' : ' ms'}: ${imports.length} imports committed`);
      } finally {
        await store.close();
      }
    }
    console.log(`import killed mid-way (${kind}): ${outcomes.join('; ')}`);
  });
});
