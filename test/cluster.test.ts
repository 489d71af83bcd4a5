// Several app processes on one PostgreSQL behind nginx (scripts/cluster): a session opened through one
// process works through another; an import through one is seen through another (NOTIFY; the latency is logged);
// two imports of one province at the same moment through two processes are serialised with an exact
// history; nginx keeps answering GETs while a process is killed; the log-in throttle counts each client's own
// address (the app processes trust X-Forwarded-For from nginx only).

import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../server/auth/password.js';
import { paths } from '../server/config.js';
import type { CommuneFigures } from '../shared/domain/figures.js';
import { openStore } from '../server/store/open.js';
import { startCluster, type Cluster } from '../scripts/cluster/cluster.js';
import { kindSkip, pgDatabase } from './support/databases.js';
import { filled, returnsCsv } from './support/importFixture.js';
import { DEFAULT_THROTTLE } from '../server/auth/loginThrottle.js';

/** A log-in POST from the local address `from` (any 127.x.y.z on Linux), with extra headers; its status. */
const loginFrom = (url: string, from: string, name: string, headers: Record<string, string> = {}) =>
  new Promise<number>((resolve, reject) => {
    const body = JSON.stringify({ name, password: 'sai' });
    const req = request(`${url}/api/auth/login`, { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });

const PASSWORD = 'mat-khau-thu-nghiem';
const skip = kindSkip('postgres', true);

describe.skipIf(skip)('the cluster: app processes on one PostgreSQL behind nginx', { timeout: 180_000 }, () => {
  let cluster: Cluster;
  let db: Awaited<ReturnType<typeof pgDatabase>>;
  let dir: string;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    db = await pgDatabase(true);
    const { admin, store } = await openStore({ ANTQ_DATABASE_URL: db.url });
    await admin.users.addUser({ name: 'quantri', role: 'admin', provinceCode: null, passwordHash: await hashPassword(PASSWORD) }, 'test');
    await store.close();
    dir = mkdtempSync(join(paths().buildDir, 'test', 'cluster-'));
    cluster = await startCluster({ workers: 2, port: 0, dir, databaseUrl: db.url, seed: false, log: () => undefined, env: { ANTQ_PG_POOL: '4' } });
    const res = await fetch(`${cluster.workers[0].url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'quantri', password: PASSWORD }) });
    expect(res.status).toBe(200);
    session = { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }, 240_000);
  afterAll(async () => {
    await cluster?.stop();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const as = (init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), cookie: session.cookie, 'x-csrf-token': session.csrf } });
  const version = async (url: string) => ((await (await fetch(`${url}/api/health`)).json()) as { storeVersion: number }).storeVersion;
  const importFile = (url: string, file: Buffer) => fetch(`${url}/api/imports?year=2025&province=24&name=bn.csv`, as({ method: 'POST', body: new Uint8Array(file) }));
  const bacNinh = async (url: string) => ((await (await fetch(`${url}/api/stats?year=2025&level=commune&province=24`)).json()) as { units: CommuneFigures[] }).units;

  it('a session opened through one process works through the other (sessions and CSRF in the database)', async () => {
    const me = await fetch(`${cluster.workers[1].url}/api/auth/me`, as());
    expect(((await me.json()) as { user: { name: string } | null }).user?.name).toBe('quantri');
    expect((await fetch(`${cluster.workers[1].url}/api/admin/users`, as())).status).toBe(200);
  });

  it('an import committed through one process is seen through the other (NOTIFY)', async () => {
    const [a, b] = cluster.workers.map((w) => w.url);
    const codes = (await bacNinh(b)).slice(0, 3).map((u) => u.code);
    const res = await importFile(a, returnsCsv(codes.map((code) => filled(code, { models: '41' }))));
    expect(res.status).toBe(200);
    const committed = await version(a);
    // A bounded wait for a condition, not a timing assertion (the machine is shared); the benchmark measures the latency.
    await expect.poll(() => version(b), { timeout: 15_000, interval: 20, message: 'the other process never learned of the write' }).toBeGreaterThanOrEqual(committed);
    const seen = (await bacNinh(b)).filter((u) => codes.includes(u.code));
    expect(seen.map((u) => [u.models, u.origin])).toEqual(codes.map(() => [41, 'import']));
  });

  it('two imports of one province at the same moment through two processes are serialised, the history exact', async () => {
    const [a, b] = cluster.workers.map((w) => w.url);
    const codes = (await bacNinh(a)).map((u) => u.code);
    const [ra, rb] = await Promise.all([
      importFile(a, returnsCsv(codes.map((code) => filled(code, { models: '1' })))),
      importFile(b, returnsCsv(codes.map((code) => filled(code, { models: '2' })))),
    ]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const ids = [ra, rb].map(async (r) => ((await r.json()) as { record: { batchId: number } }).record.batchId);
    const [ia, ib] = await Promise.all(ids);
    const [first, second] = ia < ib ? [ia, ib] : [ib, ia];
    const lastModels = ia < ib ? 2 : 1;
    // No row lost: the later import holds every commune; its history is the earlier import's rows, all of them.
    const now = await bacNinh(b);
    expect(now.every((u) => u.models === lastModels)).toBe(true);
    const { store } = await openStore({ ANTQ_DATABASE_URL: db.url });
    try {
      const history = await store.sql.all<{ before_batch_id: number; models: number }>('SELECT before_batch_id, models FROM assessment_history WHERE replaced_by = ?', [second]);
      expect(history).toHaveLength(codes.length);
      expect(history.every((h) => h.before_batch_id === first && h.models === 3 - lastModels)).toBe(true);
    } finally {
      await store.close();
    }
    // Rolling the later one back brings the earlier one's figures back, through either process.
    expect((await fetch(`${a}/api/imports/${second}/rollback`, as({ method: 'POST' }))).status).toBe(200);
    let back = await bacNinh(b);
    for (let k = 0; k < 100 && !back.every((u) => u.models === 3 - lastModels); k++) back = await bacNinh(b);
    expect(back.every((u) => u.models === 3 - lastModels)).toBe(true);
  });

  it('through nginx, the log-in throttle counts the client\'s own address, whatever X-Forwarded-For it sends', async () => {
    // Each failure claims another address; nginx appends the real one, which is the one counted.
    for (let k = 0; k < DEFAULT_THROTTLE.pairFree; k++) expect(await loginFrom(cluster.url, '127.0.0.2', 'khach', { 'x-forwarded-for': `203.0.113.${k}` })).toBe(401);
    expect(await loginFrom(cluster.url, '127.0.0.2', 'khach', { 'x-forwarded-for': '203.0.113.99' })).toBe(429);
    // Another client is not held back by the first one's failures (the app did not take nginx's own address).
    expect(await loginFrom(cluster.url, '127.0.0.3', 'khach')).toBe(401);
  });

  it('nginx keeps answering reads while an app process is killed and restarted', async () => {
    const get = () => fetch(`${cluster.url}/api/stats?year=2025&level=province`).then((r) => r.status);
    expect(await get()).toBe(200);
    await cluster.kill(0);
    const during = await Promise.all(Array.from({ length: 20 }, get));
    expect(during.every((s) => s === 200)).toBe(true);
    await cluster.restart(0);
    // nginx leaves a failed process out for fail_timeout: wait until it sends requests to it again.
    const port0 = new URL(cluster.workers[0].url).port;
    for (let k = 0; k < 300; k++) {
      const r = await fetch(`${cluster.url}/api/health`);
      if ((r.headers.get('x-upstream') ?? '').endsWith(`:${port0}`)) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    await cluster.kill(1);
    expect((await Promise.all(Array.from({ length: 20 }, get))).every((s) => s === 200)).toBe(true);
    await cluster.restart(1);
  });
});
