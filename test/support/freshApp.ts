// An app on a new, empty database of either kind (migrated, no sample data): for tests of accounts and
// log-in that need no figures. Requests can be made as if from a given client address (the socket's, as the server sees it).

import { join } from 'node:path';
import { hashPassword } from '../../server/auth/password.js';
import { createApp, type AppOptions } from '../../server/app.js';
import { paths } from '../../server/config.js';
import type { AdminBackend, Role } from '../../server/store/admin.js';
import { storeAdmin } from '../../server/store/sql-admin.js';
import type { Store } from '../../server/store/store.js';
import { emptyStore, type Kind } from './databases.js';

export interface FreshApp {
  app: ReturnType<typeof createApp>;
  store: Store;
  admin: AdminBackend;
  /** A request from `address` (default 127.0.0.1). */
  request(path: string, init?: RequestInit, address?: string): Promise<Response>;
  addUsers(names: string[], password: string, role?: Role): Promise<void>;
  close(): Promise<void>;
}

export async function freshApp(options: Partial<AppOptions> = {}, kind: Kind = 'sqlite'): Promise<FreshApp> {
  const store = await emptyStore(kind);
  const admin = storeAdmin(store);
  // The boundary layers the pipeline built (npm run data): createApp reads their manifest.
  const app = createApp({ store, geoDir: join(paths().buildDir, 'geo'), admin, ...options });
  return {
    app,
    store,
    admin,
    request: async (path, init = {}, address = '127.0.0.1') => app.request(path, init, { incoming: { socket: { remoteAddress: address } } }),
    async addUsers(names, password, role = 'viewer') {
      const hash = await hashPassword(password);
      for (const name of names) await admin.users.addUser({ name, role, provinceCode: null, passwordHash: hash }, 'test');
    },
    async close() {
      await store.close();
    },
  };
}
