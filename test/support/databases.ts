// The stores a test runs on: SQLite, and the run's real PostgreSQL (test/global-setup.ts starts it). Each
// test gets a database of its own: an in-memory SQLite or a new PostgreSQL database, empty or a copy of the
// seeded one (CREATE DATABASE … TEMPLATE: a file copy, not a re-seed).

import { inject } from 'vitest';
import pg from 'pg';
import { openStore, type Opened } from '../../server/store/open.js';
import { openMemoryStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/store.js';
import { PG_SEEDED } from '../../scripts/cluster/postgres.js';
import { copySeededDb } from './tempDb.js';

export type Kind = 'sqlite' | 'postgres';
export const KINDS: readonly Kind[] = ['sqlite', 'postgres'];

/** Why a kind cannot run here (never under CI: global setup fails the run instead), or null. */
export function kindSkip(kind: Kind, seeded = false): string | null {
  if (seeded && !inject('seededDb')) return inject('seededDbSkip');
  if (kind === 'sqlite') return null;
  if (!inject('pgBase')) return inject('pgSkip');
  if (seeded && !inject('pgSeeded')) return 'the PostgreSQL seed failed';
  return null;
}

let counter = 0;

/** Runs `fn` on the run's PostgreSQL server, connected to its maintenance database. */
export async function onServer<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: `${inject('pgBase')}postgres` });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A new PostgreSQL database (a copy of the seeded one with `seeded`); its URL and how to drop it. */
export async function pgDatabase(seeded = false): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${process.pid}_${++counter}_${Date.now() % 100000}`;
  await onServer((c) => c.query(`CREATE DATABASE ${name}${seeded ? ` TEMPLATE ${PG_SEEDED}` : ''}`));
  return { url: `${inject('pgBase')}${name}`, drop: () => onServer(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))) };
}

export interface TestStore extends Opened {
  /** The environment that opens this database again (another process, a CLI). */
  env: NodeJS.ProcessEnv;
  /** Closes the store and removes the database. */
  remove(): Promise<void>;
}

/** An empty store of `kind` (migrated, no reference). */
export async function emptyStore(kind: Kind): Promise<Store> {
  if (kind === 'sqlite') return openMemoryStore();
  const db = await pgDatabase();
  const { store } = await openStore({ ANTQ_DATABASE_URL: db.url });
  const close = store.close.bind(store);
  return Object.assign(store, { close: async () => (await close(), await db.drop()) });
}

/** A private copy of the run's seeded database, of `kind`, opened with its admin backend. */
export async function seededStore(kind: Kind): Promise<TestStore> {
  if (kind === 'sqlite') {
    const tmp = await copySeededDb(inject('seededDb')!);
    const env = { ANTQ_DB: tmp.path, ANTQ_DATABASE_URL: '' };
    const opened = await openStore(env);
    return { ...opened, env, remove: async () => (await opened.store.close(), tmp.remove()) };
  }
  const db = await pgDatabase(true);
  const env = { ANTQ_DATABASE_URL: db.url };
  const opened = await openStore(env);
  return { ...opened, env, remove: async () => (await opened.store.close(), await db.drop()) };
}
