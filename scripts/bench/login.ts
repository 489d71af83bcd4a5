// Log-in timing: a wrong password for a known account beside any password for an unknown one, N of each, in
// turn, each from an address of its own (so the log-in limits never slow one down). The two must take about as
// long (no account enumeration by timing): the unknown name pays a dummy hash. Measured here rather than in the
// tests, whose machine is shared and noisy. In this process, through the app's own request path, on a new SQLite file.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.js';
import { hashPassword } from '../../server/auth/password.js';
import { paths } from '../../server/config.js';
import { storeAdmin } from '../../server/store/sql-admin.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { summarize, type Summary } from './summary.js';

export interface LoginTiming {
  /** A known account, wrong password. */
  known: Summary;
  /** An account that does not exist. */
  unknown: Summary;
  /** known / unknown, of the medians. */
  ratio: number;
}

export async function loginTiming(n: number, log: (s: string) => void): Promise<LoginTiming> {
  const dir = mkdtempSync(join(tmpdir(), 'antq-bench-login-'));
  const store = openSqliteStore(join(dir, 'antq.sqlite'));
  try {
    const admin = storeAdmin(store);
    const app = createApp({ store, geoDir: join(paths().buildDir, 'geo'), admin });
    const hash = await hashPassword('mat-khau-dung-cua-bench');
    for (let k = 0; k <= n; k++) await admin.users.addUser({ name: `co-that-${k}`, role: 'viewer', provinceCode: null, passwordHash: hash }, 'bench');
    const attempt = async (name: string, address: string) => {
      const t = performance.now();
      const res = await app.request(
        '/api/auth/login',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: 'sai-mat-khau' }) },
        { incoming: { socket: { remoteAddress: address } } },
      );
      const ms = performance.now() - t;
      if (res.status !== 401) throw new Error(`log-in of ${name}: HTTP ${res.status}, expected 401`);
      return ms;
    };
    // The first of each kind pays the warm-up (the dummy hash is made once, statements prepared).
    await attempt('khong-co-ai', '10.255.0.1');
    await attempt(`co-that-${n}`, '10.255.0.2');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let k = 0; k < n; k++) {
      const a = async () => known.push(await attempt(`co-that-${k}`, `10.1.${k >> 8}.${k & 255}`));
      const b = async () => unknown.push(await attempt(`khong-co-${k}`, `10.2.${k >> 8}.${k & 255}`));
      // Alternate which goes first, so that neither kind always follows the other.
      if (k % 2) await a().then(b);
      else await b().then(a);
    }
    const t = { known: summarize(known), unknown: summarize(unknown) };
    log(`  log-in medians: known name, wrong password ${t.known.median.toFixed(1)} ms; unknown name ${t.unknown.median.toFixed(1)} ms`);
    return { ...t, ratio: t.known.median / t.unknown.median };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
