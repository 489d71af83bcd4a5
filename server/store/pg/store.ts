// The PostgreSQL Store (node-postgres, one pool per process), chosen by ANTQ_DATABASE_URL. Writes take one
// transaction-scoped advisory lock, so that writes from every app process are serialised as on SQLite
// (an import's before-images are exact); figure writes bump meta.version and NOTIFY it in the same
// transaction. Log-in bookkeeping takes locks of its own keys instead (withKeyedTransaction), so that a
// log-in never queues behind an import. Snapshots are REPEATABLE READ READ ONLY transactions.

import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Level, Origin, Unit, Vintage } from '../../../shared/domain/types.js';
import { assessableFrom, checkBatch, checkOrigin, checkReference, type Assessable } from '../batchCheck.js';
import { StoreWriteError } from '../errors.js';
import { ASSESSMENT_COLUMNS, FIGURE_COLUMNS, READ_SQL, figureColumns, toAssessment, toBatch, toLink, toReturn, toUnit, type AssessmentRow, type UnitRow } from '../rows.js';
import type { BatchWrite, Reference, SqlRunner, Store, StoreCounts, StoreReads, StoreTx } from '../store.js';
import { YearCache } from '../yearCache.js';
import { migratePg } from './migrations.js';
import { PG_TYPES, numbered, pgRunner, wrapPg, type Queryable } from './runner.js';
import { VERSION_CHANNEL, VersionWatch } from './version.js';

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
    const store = new PgStoreImpl(pool, url);
    await store.watch.start();
    return store;
  } catch (e) {
    await pool.end();
    throw e;
  }
}

const COLUMN_LIST = ASSESSMENT_COLUMNS.join(', ');
const ROW_TYPES: Record<string, string> = { vintage: 'text', commune_code: 'text', year: 'int', province_code: 'text', status: 'text', batch_id: 'int' };
const UPSERT_COLUMNS = ['vintage', 'commune_code', 'year', 'province_code', ...FIGURE_COLUMNS, 'batch_id'] as const;
// One statement per batch: the rows as one array per column. An import replaces any row; a sample row never replaces an imported one.
const UPSERT_ASSESSMENTS = `
  INSERT INTO assessments (${UPSERT_COLUMNS.join(', ')})
  SELECT * FROM unnest(${UPSERT_COLUMNS.map((c, k) => `$${k + 1}::${ROW_TYPES[c] ?? (c === 'exemplary' || c === 'key_area' || c === 'hot_spot' ? 'smallint' : 'int')}[]`).join(', ')})
  ON CONFLICT (vintage, year, commune_code) DO UPDATE SET
    ${['province_code', ...FIGURE_COLUMNS, 'batch_id'].map((c) => `${c} = excluded.${c}`).join(', ')}
  WHERE $${UPSERT_COLUMNS.length + 1} = 'import' OR (SELECT origin FROM batches b WHERE b.id = assessments.batch_id) <> 'import'`;
const UPSERT_RETURNS = `
  INSERT INTO province_returns (vintage, province_code, year, bodies_total, bodies_certified, batch_id)
  SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[])
  ON CONFLICT (vintage, year, province_code) DO UPDATE SET
    bodies_total = excluded.bodies_total, bodies_certified = excluded.bodies_certified, batch_id = excluded.batch_id
  WHERE $7 = 'import' OR (SELECT origin FROM batches b WHERE b.id = province_returns.batch_id) <> 'import'`;
const YEARS = `WITH RECURSIVE y(year) AS (
    SELECT min(year) FROM assessments WHERE vintage = $1
    UNION ALL
    SELECT (SELECT min(year) FROM assessments WHERE vintage = $1 AND year > y.year) FROM y WHERE y.year IS NOT NULL)
  SELECT year FROM y WHERE year IS NOT NULL`;
const META = 'SELECT value FROM meta WHERE key = $1';

const columnsOf = <T extends Record<string, unknown>>(rows: T[], cols: readonly (keyof T)[]) => cols.map((c) => rows.map((r) => r[c]));

class PgStoreImpl implements PgStore {
  readonly dialect = 'postgres' as const;
  readonly sql: SqlRunner;
  readonly watch: VersionWatch;
  private readonly yearCache = new YearCache();
  private assessable: { refVersion: number; codes: Assessable } | undefined;
  private readonly reads: StoreReads;
  private closed = false;

  constructor(
    readonly pool: pg.Pool,
    url: string,
  ) {
    this.sql = pgRunner(pool);
    this.watch = new VersionWatch(url, async () => this.metaValue(pool, 'version'));
    this.reads = this.readsOn(pool, () => this.watch.current());
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
  counts = () => this.reads.counts();

  async snapshot<T>(fn: (r: StoreReads) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      let version: number | undefined;
      const out = await fn(this.readsOn(client, async () => (version ??= await this.metaValue(client, 'version'))));
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  private async metaValue(q: Queryable, key: string): Promise<number> {
    const { rows } = await q.query<{ value: string }>(META, [key]);
    return Number(rows[0]?.value ?? 0);
  }

  private readsOn(q: Queryable, version: () => Promise<number>): StoreReads {
    const self = this;
    const rows = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await q.query<T>(sql, params)).rows;
    return {
      async units(vintage: Vintage, filter: { level?: Level; provinceCode?: string } = {}): Promise<Unit[]> {
        const where = ['vintage = $1'];
        const args: unknown[] = [vintage];
        if (filter.level !== undefined) where.push(`level = $${args.push(filter.level)}`);
        if (filter.provinceCode !== undefined) where.push(`province_code = $${args.push(filter.provinceCode)}`);
        return (await rows<UnitRow>(`SELECT * FROM units WHERE ${where.join(' AND ')} ORDER BY code`, args)).map(toUnit);
      },
      async unit(vintage, code) {
        const [r] = await rows<UnitRow>('SELECT * FROM units WHERE vintage = $1 AND code = $2', [vintage, code]);
        return r && toUnit(r);
      },
      async crosswalk() {
        return (await rows<Parameters<typeof toLink>[0]>(READ_SQL.crosswalk)).map(toLink);
      },
      async years(vintage) {
        return (await rows<{ year: number }>(YEARS, [vintage])).map((r) => r.year);
      },
      async assessments(vintage, year, provinceCode) {
        const v = await version();
        let cached = self.yearCache.get(vintage, year, v);
        if (!cached && provinceCode !== undefined) {
          return (await rows<AssessmentRow>(`SELECT ${COLUMN_LIST} FROM assessments WHERE vintage = $1 AND year = $2 AND province_code = $3 ORDER BY commune_code`, [vintage, year, provinceCode])).map(toAssessment);
        }
        if (!cached) {
          const list = (await rows<AssessmentRow>(`SELECT ${COLUMN_LIST} FROM assessments WHERE vintage = $1 AND year = $2 ORDER BY commune_code`, [vintage, year])).map(toAssessment);
          cached = self.yearCache.put(vintage, year, v, list, (await self.assessableCodes(q)).byVintage.get(vintage)!);
        }
        return YearCache.pick(cached, provinceCode);
      },
      async history(vintage, communeCodes) {
        if (communeCodes.length === 0) return [];
        return (await rows<AssessmentRow>(`SELECT ${COLUMN_LIST} FROM assessments WHERE vintage = $1 AND commune_code = ANY($2::text[]) ORDER BY commune_code, year`, [vintage, communeCodes])).map(toAssessment);
      },
      async provinceReturns(vintage, year) {
        return (await rows<Parameters<typeof toReturn>[0]>(numbered(READ_SQL.provinceReturns), [vintage, year])).map(toReturn);
      },
      async batches() {
        return (await rows<Parameters<typeof toBatch>[0]>(READ_SQL.batches)).map(toBatch);
      },
      version,
      async counts(): Promise<StoreCounts> {
        const [c] = await rows<Omit<StoreCounts, 'assessmentsByOrigin'>>(
          `SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM crosswalk) AS crosswalk, (SELECT count(*) FROM batches) AS batches,
                  (SELECT count(*) FROM assessments) AS assessments, (SELECT count(*) FROM province_returns) AS "provinceReturns"`,
        );
        const byOrigin = await rows<{ origin: Origin; n: number }>(READ_SQL.countByOrigin);
        return { ...c, assessmentsByOrigin: { sample: 0, import: 0, ...Object.fromEntries(byOrigin.map((r) => [r.origin, r.n])) } };
      },
    };
  }

  // ---------------------------------------------------------------- writes

  withTransaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.transact((_, tx) => fn(tx));
  }

  /** One write transaction under the write lock; bumps and announces the version if figures changed. */
  private async transact<T>(fn: (c: pg.PoolClient, tx: StoreTx) => Promise<T>): Promise<T> {
    const { out, version } = await this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      let changed = false;
      const tx: StoreTx = {
        ...pgRunner(client),
        insertBatch: async (b) => {
          changed = true;
          return this.insertBatch(client, b);
        },
        figuresChanged: () => {
          changed = true;
        },
      };
      const out = await fn(client, tx);
      if (!changed) return { out, version: undefined };
      const { rows } = await client.query<{ value: string }>("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'version' RETURNING value");
      const version = Number(rows[0].value);
      await client.query('SELECT pg_notify($1, $2)', [VERSION_CHANNEL, String(version)]);
      return { out, version };
    });
    if (version !== undefined) this.watch.saw(version);
    return out;
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
    await this.write('replaceReference', async (c) => {
      await c.query('DELETE FROM crosswalk');
      await c.query('DELETE FROM units');
      const u = ref.units;
      await c.query(
        `INSERT INTO units (vintage, code, level, name, full_name, type, province_code, district_code, population, area_km2)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::float8[])`,
        [u.map((x) => x.vintage), u.map((x) => x.code), u.map((x) => x.level), u.map((x) => x.name), u.map((x) => x.fullName), u.map((x) => x.type),
          u.map((x) => x.provinceCode), u.map((x) => x.districtCode), u.map((x) => x.population), u.map((x) => x.areaKm2)],
      );
      const l = ref.crosswalk;
      await c.query('INSERT INTO crosswalk (old_code, new_code, relation, weight) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[])', [
        l.map((x) => x.oldCode), l.map((x) => x.newCode), l.map((x) => x.relation), l.map((x) => x.weight),
      ]);
      await c.query(`UPDATE assessments a SET province_code = u.province_code FROM units u
        WHERE u.vintage = a.vintage AND u.code = a.commune_code AND u.province_code <> a.province_code`);
      await c.query("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'reference_version'");
    });
    this.assessable = undefined;
  }

  async writeBatch(batch: BatchWrite): Promise<number> {
    return this.write('writeBatch', (c) => this.insertBatch(c, batch));
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
      for (const b of batches) ids.push(await this.insertBatch(c, b));
      return ids;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.watch.close();
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

  private async assessableCodes(q: Queryable): Promise<Assessable> {
    const refVersion = await this.metaValue(q, 'reference_version');
    if (!this.assessable || this.assessable.refVersion !== refVersion) {
      const units = (await q.query(READ_SQL.assessableUnits)).rows as never;
      const provinces = (await q.query(READ_SQL.provinceCodes)).rows as never;
      this.assessable = { refVersion, codes: assessableFrom(units, provinces) };
    }
    return this.assessable.codes;
  }

  /** Inserts one batch and its rows; runs inside the caller's transaction on `c`. */
  private async insertBatch(c: pg.PoolClient, batch: BatchWrite): Promise<number> {
    const { assessments, returns } = checkBatch(batch, await this.assessableCodes(c));
    try {
      const { rows } = await c.query<{ id: number }>('INSERT INTO batches (origin, source, created_at, note) VALUES ($1, $2, $3, $4) RETURNING id', [
        batch.origin, batch.source, new Date().toISOString(), batch.note ?? '',
      ]);
      const batchId = rows[0].id;
      if (assessments.length > 0) {
        const named = assessments.map((a) => ({ vintage: a.vintage, commune_code: a.communeCode, year: a.year, province_code: a.provinceCode, ...figureColumns(a), batch_id: batchId }));
        await c.query(UPSERT_ASSESSMENTS, [...columnsOf(named, UPSERT_COLUMNS), batch.origin]);
      }
      if (returns.length > 0) {
        await c.query(UPSERT_RETURNS, [
          returns.map((r) => r.vintage), returns.map((r) => r.provinceCode), returns.map((r) => r.year),
          returns.map((r) => r.bodies.total), returns.map((r) => r.bodies.certified), returns.map(() => batchId), batch.origin,
        ]);
      }
      return batchId;
    } catch (e) {
      return wrapPg(e, 'writeBatch');
    }
  }
}
