// A private copy of the run's seeded database, so that tests that write never touch the shared one.

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../../server/auth/password.js';
import { paths } from '../../server/config.js';
import { storeAdmin } from '../../server/store/sql-admin.js';
import { openSqliteStore } from '../../server/store/sqlite.js';

export interface TempDb {
  path: string;
  remove(): void;
}

export async function copySeededDb(seeded: string): Promise<TempDb> {
  const dir = mkdtempSync(join(paths().buildDir, 'test', 'import-'));
  const path = join(dir, 'antq.sqlite');
  // The online backup API: a consistent copy even while the WAL holds pages not yet checkpointed.
  const src = new Database(seeded, { readonly: true });
  await src.backup(path);
  src.close();
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A private copy with a first admin, created as `npm run user -- add` does: straight into the user store. */
export async function copyWithAdmin(seeded: string, name: string, password: string): Promise<TempDb> {
  const tmp = await copySeededDb(seeded);
  const store = openSqliteStore(tmp.path);
  await storeAdmin(store).users.addUser({ name, role: 'admin', provinceCode: null, passwordHash: await hashPassword(password) }, 'test');
  await store.close();
  return tmp;
}
