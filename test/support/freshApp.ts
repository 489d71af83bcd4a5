// An app on a new, empty database (migrated, no sample data): for tests of accounts and log-in that need
// no figures. Requests can be made as if from a given client address (the socket's, as the server sees it).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../../server/auth/password.js';
import { createApp, type AppOptions } from '../../server/app.js';
import { paths } from '../../server/config.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';
import { sqliteAdmin } from '../../server/store/sqlite-admin.js';
import type { AdminBackend, Role } from '../../server/store/admin.js';

export interface FreshApp {
  app: ReturnType<typeof createApp>;
  store: SqliteStore;
  admin: AdminBackend;
  dbPath: string;
  /** A request from `address` (default 127.0.0.1). */
  request(path: string, init?: RequestInit, address?: string): Promise<Response>;
  addUsers(names: string[], password: string, role?: Role): Promise<void>;
  close(): Promise<void>;
}

export async function freshApp(options: Partial<AppOptions> = {}): Promise<FreshApp> {
  const dir = mkdtempSync(join(tmpdir(), 'antq-fresh-'));
  const dbPath = join(dir, 'antq.sqlite');
  const store = openSqliteStore(dbPath);
  const admin = sqliteAdmin(store);
  // The boundary layers the pipeline built (npm run data): createApp reads their manifest.
  const app = createApp({ store, geoDir: join(paths().buildDir, 'geo'), admin, ...options });
  return {
    app,
    store,
    admin,
    dbPath,
    request: async (path, init = {}, address = '127.0.0.1') => app.request(path, init, { incoming: { socket: { remoteAddress: address } } }),
    async addUsers(names, password, role = 'viewer') {
      const hash = await hashPassword(password);
      for (const name of names) await admin.users.addUser({ name, role, provinceCode: null, passwordHash: hash }, 'test');
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
