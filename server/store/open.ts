// Which database is behind the store: PostgreSQL when ANTQ_DATABASE_URL names one (postgres://…),
// otherwise the embedded SQLite file at ANTQ_DB. The only place that chooses.

import { paths } from '../config.js';
import type { AdminBackend } from './admin.js';
import { storeAdmin } from './sql-admin.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export interface Opened {
  store: Store;
  admin: AdminBackend;
  /** Where it is, for logs: the file, or the URL without its password. */
  where: string;
}

export const databaseUrl = (env: NodeJS.ProcessEnv = process.env): string | undefined => env.ANTQ_DATABASE_URL || undefined;

/** Opens the store (applying pending migrations) and its admin backend. */
export async function openStore(env: NodeJS.ProcessEnv = process.env): Promise<Opened> {
  const url = databaseUrl(env);
  let store: Store;
  let where: string;
  if (url) {
    const { openPgStore } = await import('./pg/store.js');
    store = await openPgStore(url);
    where = redact(url);
  } else {
    where = paths(env).dbPath;
    store = openSqliteStore(where);
  }
  return { store, admin: storeAdmin(store), where };
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
