// The PostgreSQL Store (node-postgres, one pool per process), chosen by ANTQ_DATABASE_URL, behind the cache
// decorator with a LISTEN connection as its version source (version.ts). Writes take one
// transaction-scoped advisory lock, so that writes from every app process are serialised as on SQLite
// (an import's before-images are exact); figure writes bump meta.version and NOTIFY it in the same
// transaction. Log-in bookkeeping takes locks of its own keys instead (withKeyedTransaction), so that a
// log-in never queues behind an import. Snapshots are REPEATABLE READ READ ONLY transactions.

import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Level, Origin, Vintage } from '../../../shared/domain/types.js';
import { AssessableMemo, checkOrigin, checkReference } from '../batchCheck.js';
import { cachedStore } from '../cached.js';
import { StoreWriteError } from '../errors.js';
import type { BatchWrite, Reference, SqlRunner, Store, StoreReads, StoreTx } from '../store.js';
import { migratePg } from './migrations.js';
import { metaValue, pgReads } from './reads.js';
import { PG_TYPES, pgRunner, wrapPg } from './runner.js';
import { VERSION_CHANNEL, VersionWatch } from './version.js';
import { writeBatchRows, writeReference } from './writes.js';

/** Key of the transaction advisory lock every write holds. */
export const WRITE_LOCK = 0x616e7472;
/** First key of the keyed transactions' two-key advisory locks ("antk"); the second is the key's hash. */
const KEY_LOCKS = 0x616e746b;
const KEYED_TRIES = 5;
/** A key as a signed 32-bit lock id. Two keys may share one: they then only wait for each other. */
const keyLock = (key: string) => createHash('sha256').update(key).digest().readInt32BE(0);
/** deadlock_detected, serialization_failure: the transaction did nothing and may simply run again. */
const retryable = (e: unknown) => {
  const code = ((e as Error).cause as { code?: string } | undefined)?.code ?? (e as { code?: string }).code;
  return code === '40P01' || code === '40001';
};
/** Connections per app process (ANTQ_PG_POOL): a request holds one for a query, a write or a snapshot. */
const DEFAULT_POOL_SIZE = 10;

export interface PgStore extends Store {
  readonly pool: pg.Pool;
  readonly watch: VersionWatch;
}

export interface PgOptions {
  poolSize?: number;
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
}

export async function openPgStore(url: string, opts: PgOptions = {}): Promise<PgStore> {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? (Number(process.env.ANTQ_PG_POOL) || DEFAULT_POOL_SIZE), types: PG_TYPES, application_name: 'antq' });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    if (opts.migrate !== false) {
      const client = await pool.connect();
      try {
        await migratePg(client);
      } finally {
        client.release();
      }
    }
    const store = new PgStoreImpl(pool);
    const watch = new VersionWatch(url, () => store.version());
    await watch.start();
    return Object.assign(cachedStore(store, watch), { pool, watch });
  } catch (e) {
    await pool.end();
    throw e;
  }
}

/** The store itself, uncached: every read goes to the database. */
class PgStoreImpl implements Store {
  readonly dialect = 'postgres' as const;
  readonly sql: SqlRunner;
  private readonly assessable = new AssessableMemo();
  private readonly reads: StoreReads;
  private closed = false;

  constructor(readonly pool: pg.Pool) {
    this.sql = pgRunner(pool);
    this.reads = pgReads(pool);
  }

  units = (v: Vintage, f?: { level?: Level; provinceCode?: string }) => this.reads.units(v, f);
  unit = (v: Vintage, code: string) => this.reads.unit(v, code);
  crosswalk = () => this.reads.crosswalk();
  years = (v: Vintage) => this.reads.years(v);
  assessments = (v: Vintage, y: number, p?: string) => this.reads.assessments(v, y, p);
  history = (v: Vintage, codes: string[]) => this.reads.history(v, codes);
  provinceReturns = (v: Vintage, y: number) => this.reads.provinceReturns(v, y);
  batches = () => this.reads.batches();
  version = () => this.reads.version();
  // Read once: a database keeps its identity for as long as it is open (a restore is made with the portal stopped).
  private id: Promise<string> | undefined;
  identity = () =>
    (this.id ??= databaseIdentity(this.pool).catch((e: unknown) => {
      this.id = undefined; // the next call asks again
      throw e;
    }));
  counts = () => this.reads.counts();

  async snapshot<T>(fn: (r: StoreReads) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      let version: number | undefined;
      const out = await fn(pgReads(client, async () => (version ??= await metaValue(client, 'version'))));
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  // ---------------------------------------------------------------- writes

  withTransaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.transact((_, tx) => fn(tx));
  }

  /** One write transaction under the write lock; bumps and announces the version if figures changed. */
  private transact<T>(fn: (c: pg.PoolClient, tx: StoreTx) => Promise<T>): Promise<T> {
    return this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      let changed = false;
      const tx: StoreTx = {
        ...pgRunner(client),
        insertBatch: async (b) => {
          changed = true;
          return writeBatchRows(client, b, this.assessable);
        },
        figuresChanged: () => {
          changed = true;
        },
      };
      const out = await fn(client, tx);
      if (!changed) return out;
      const { rows } = await client.query<{ value: string }>("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'version' RETURNING value");
      await client.query('SELECT pg_notify($1, $2)', [VERSION_CHANNEL, rows[0].value]);
      return out;
    });
  }

  /**
   * Under one transaction advisory lock per key (two-key locks: a space apart from WRITE_LOCK's one-key lock),
   * taken in one global order so that keyed transactions never wait on each other in a cycle. Their row locks
   * can still meet (two sweeps of old rows): PostgreSQL then aborts one as a deadlock, and it is run again
   * after a short, random pause.
   */
  async withKeyedTransaction<T>(keys: readonly string[], fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const locks = [...new Set(keys.map(keyLock))].sort((a, b) => a - b);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.inTransaction(async (client) => {
          for (const k of locks) await client.query('SELECT pg_advisory_xact_lock($1, $2)', [KEY_LOCKS, k]);
          return fn(pgRunner(client));
        });
      } catch (e) {
        if (attempt >= KEYED_TRIES || !retryable(e)) throw e;
        // Let the survivor take the rows first: run again at once and the two can lock them in a cycle again.
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50));
      }
    }
  }

  /** BEGIN … COMMIT on one pooled connection, rolled back whole if `fn` throws. */
  private async inTransaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw e;
    } finally {
      client.release(broken);
    }
  }

  async replaceReference(ref: Reference): Promise<void> {
    checkReference(ref);
    await this.write('replaceReference', (c) => writeReference(c, ref));
  }

  async writeBatch(batch: BatchWrite): Promise<number> {
    return this.write('writeBatch', (c) => writeBatchRows(c, batch, this.assessable));
  }

  async deleteOrigin(origin: Origin): Promise<void> {
    checkOrigin('deleteOrigin', origin);
    await this.write('deleteOrigin', (c) => c.query('DELETE FROM batches WHERE origin = $1', [origin]));
  }

  async replaceOrigin(origin: Origin, batches: BatchWrite[]): Promise<number[]> {
    checkOrigin('replaceOrigin', origin);
    const wrong = batches.find((b) => b.origin !== origin);
    if (wrong) throw new StoreWriteError(`replaceOrigin(${origin}): a batch has origin ${wrong.origin}`);
    return this.write('replaceOrigin', async (c) => {
      await c.query('DELETE FROM batches WHERE origin = $1', [origin]);
      const ids: number[] = [];
      for (const b of batches) ids.push(await writeBatchRows(c, b, this.assessable));
      return ids;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** A write of figures as one transaction; driver errors become StoreWriteError naming `what`. */
  private async write<T>(what: string, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    try {
      return await this.transact(async (c, tx) => {
        tx.figuresChanged();
        return fn(c);
      });
    } catch (e) {
      return wrapPg(e, what);
    }
  }
}

/**
 * The stored id, the server's system identifier (where the role may read it) and the database's oid: a copy of the
 * database (a dump restored elsewhere, CREATE DATABASE … TEMPLATE) keeps the stored id and its data version, but not
 * the last two, and so is told apart from the original behind the same address.
 */
async function databaseIdentity(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ value: string; oid: number }>(
    "SELECT (SELECT value FROM meta WHERE key = 'db_id') AS value, (SELECT oid FROM pg_database WHERE datname = current_database())::int AS oid",
  );
  const system = await pool
    .query<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()')
    .then((r) => BigInt(r.rows[0].id).toString(36))
    // A role without the right to read it: the oid alone tells the server's databases apart.
    .catch((e: unknown) => {
      if ((e as { code?: string }).code === '42501') return 'x';
      throw e;
    });
  return `${rows[0].value}.${system}.${rows[0].oid.toString(36)}`;
}
