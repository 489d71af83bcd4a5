// The embedded Store: one SQLite file (better-sqlite3, WAL, foreign keys on).
// Every write runs in one transaction and bumps meta.version; a failing write changes nothing.
// better-sqlite3 is synchronous on one connection, so the async contract is kept by a queue: one
// transaction or snapshot at a time, and reads outside them wait until none is open (a read must
// never see a transaction's uncommitted rows).

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Level, Origin, Unit, Vintage } from '../../shared/domain/types.js';
import { assessableFrom, checkBatch, checkOrigin, checkReference, type Assessable } from './batchCheck.js';
import { StoreWriteError } from './errors.js';
import { migrate } from './migrations.js';
import { ASSESSMENT_COLUMNS, READ_SQL, figureColumns, toAssessment, toBatch, toLink, toReturn, toUnit, type AssessmentRow, type UnitRow } from './rows.js';
import type { BatchWrite, Reference, SqlRunner, Store, StoreCounts, StoreReads, StoreTx } from './store.js';
import { Serial, sqliteRunner } from './sqlite-sql.js';
import { YearCache } from './yearCache.js';

/** The SQLite store: the Store contract, and its connection for SQLite's own tests. */
export interface SqliteStore extends Store {
  readonly db: Database.Database;
}

/** How stale another process's write may be seen (see currentVersion()). */
export const VERSION_RECHECK_MS = 250;

/** Opens (creating if needed) the store at `path`; ':memory:' gives a private in-memory store. */
export function openSqliteStore(path: string): SqliteStore {
  const memory = path === ':memory:' || path === '';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 5000 });
  if (!memory) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return new SqliteStoreImpl(db);
}

/** A fresh in-memory store (tests). */
export function openMemoryStore(): SqliteStore {
  return openSqliteStore(':memory:');
}

const COLUMN_LIST = ASSESSMENT_COLUMNS.join(', ');

function prepareStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    unit: p('SELECT * FROM units WHERE vintage = ? AND code = ?'),
    crosswalk: p(READ_SQL.crosswalk),
    // skip-scan over the primary key: one seek per distinct year instead of reading every row
    years: p(
      `WITH RECURSIVE y(year) AS (
         SELECT min(year) FROM assessments WHERE vintage = @v
         UNION ALL
         SELECT (SELECT min(year) FROM assessments WHERE vintage = @v AND year > y.year) FROM y WHERE y.year IS NOT NULL)
       SELECT year FROM y WHERE year IS NOT NULL`,
    ),
    // one JSON string per year: ~2x faster than 10,000 rows of 17 columns through the driver
    // (arrays in the order of ASSESSMENT_COLUMNS, turned back into named rows by fromJsonRows)
    assessmentsJson: p(
      `SELECT json_group_array(json_array(${COLUMN_LIST}) ORDER BY commune_code)
       FROM assessments WHERE vintage = ? AND year = ?`,
    ).pluck(),
    assessmentsInProvince: p(`SELECT ${COLUMN_LIST} FROM assessments WHERE vintage = ? AND year = ? AND province_code = ? ORDER BY commune_code`),
    history: p(
      `SELECT ${COLUMN_LIST} FROM assessments
       WHERE vintage = ? AND commune_code IN (SELECT value FROM json_each(?)) ORDER BY commune_code, year`,
    ),
    provinceReturns: p(READ_SQL.provinceReturns),
    batches: p(READ_SQL.batches),
    meta: p('SELECT value FROM meta WHERE key = ?').pluck(),
    bump: p("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version'"),
    bumpReference: p("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'reference_version'"),
    deleteUnits: p('DELETE FROM units'),
    deleteCrosswalk: p('DELETE FROM crosswalk'),
    insertUnit: p(
      `INSERT INTO units (vintage, code, level, name, full_name, type, province_code, district_code, population, area_km2)
       VALUES (@vintage, @code, @level, @name, @full_name, @type, @province_code, @district_code, @population, @area_km2)`,
    ),
    insertLink: p('INSERT INTO crosswalk (old_code, new_code, relation, weight) VALUES (?, ?, ?, ?)'),
    refreshProvinces: p(
      `UPDATE assessments SET province_code = u.province_code FROM units u
       WHERE u.vintage = assessments.vintage AND u.code = assessments.commune_code AND u.province_code <> assessments.province_code`,
    ),
    assessableUnits: p(READ_SQL.assessableUnits),
    provinceCodes: p(READ_SQL.provinceCodes),
    insertBatch: p('INSERT INTO batches (origin, source, created_at, note) VALUES (?, ?, ?, ?)'),
    // An import replaces any row; a sample row never replaces an imported one.
    upsertAssessment: p(`
      INSERT INTO assessments (vintage, commune_code, year, province_code, status, exemplary, rd_total, rd_certified,
        ag_total, ag_certified, en_total, en_certified, sc_total, sc_certified, models, key_area, hot_spot, batch_id)
      VALUES (@vintage, @commune_code, @year, @province_code, @status, @exemplary, @rd_total, @rd_certified, @ag_total,
        @ag_certified, @en_total, @en_certified, @sc_total, @sc_certified, @models, @key_area, @hot_spot, @batch_id)
      ON CONFLICT (vintage, year, commune_code) DO UPDATE SET
        province_code = excluded.province_code, status = excluded.status, exemplary = excluded.exemplary,
        rd_total = excluded.rd_total, rd_certified = excluded.rd_certified, ag_total = excluded.ag_total,
        ag_certified = excluded.ag_certified, en_total = excluded.en_total, en_certified = excluded.en_certified,
        sc_total = excluded.sc_total, sc_certified = excluded.sc_certified, models = excluded.models,
        key_area = excluded.key_area, hot_spot = excluded.hot_spot, batch_id = excluded.batch_id
      WHERE @origin = 'import' OR (SELECT origin FROM batches b WHERE b.id = assessments.batch_id) <> 'import'`),
    upsertReturn: p(`
      INSERT INTO province_returns (vintage, province_code, year, bodies_total, bodies_certified, batch_id)
      VALUES (@vintage, @province, @year, @total, @certified, @batch)
      ON CONFLICT (vintage, year, province_code) DO UPDATE SET
        bodies_total = excluded.bodies_total, bodies_certified = excluded.bodies_certified, batch_id = excluded.batch_id
      WHERE @origin = 'import' OR (SELECT origin FROM batches b WHERE b.id = province_returns.batch_id) <> 'import'`),
    deleteOrigin: p('DELETE FROM batches WHERE origin = ?'),
    count: (table: string) => p(`SELECT count(*) FROM ${table}`).pluck(),
    countByOrigin: p(READ_SQL.countByOrigin),
  };
}

/** JSON arrays in the order of ASSESSMENT_COLUMNS → named rows. */
function fromJsonRows(json: string): AssessmentRow[] {
  return (JSON.parse(json) as unknown[][]).map((a) => Object.fromEntries(ASSESSMENT_COLUMNS.map((c, k) => [c, a[k]])) as unknown as AssessmentRow);
}

class SqliteStoreImpl implements SqliteStore {
  readonly dialect = 'sqlite' as const;
  readonly sql: SqlRunner;
  private readonly s: ReturnType<typeof prepareStatements>;
  private readonly unitStatements = new Map<string, Database.Statement>();
  private assessable: { refVersion: number; codes: Assessable } | undefined;
  private closed = false;
  /** meta.version as last read, and when (performance.now()); see currentVersion(). */
  private versionSeen = { value: 0, at: -Infinity };
  private readonly yearCache = new YearCache();
  /** Transactions and snapshots, one at a time. */
  private readonly serial = new Serial();
  private readonly runner: SqlRunner;
  /** The reads as seen outside any transaction, and inside a snapshot. */
  private readonly reads: StoreReads;
  private readonly snapshotReads: StoreReads;

  constructor(readonly db: Database.Database) {
    this.s = prepareStatements(db);
    const runner = (this.runner = sqliteRunner(db));
    this.sql = {
      all: async (q, p) => (await this.serial.idle(), runner.all(q, p)),
      get: async (q, p) => (await this.serial.idle(), runner.get(q, p)),
      run: async (q, p) => (await this.serial.idle(), runner.run(q, p)),
    };
    this.reads = this.readsAt(() => this.currentVersion());
    this.snapshotReads = this.readsAt(() => Number(this.s.meta.get('version')));
  }

  // ---------------------------------------------------------------- reads

  units = async (v: Vintage, f?: { level?: Level; provinceCode?: string }) => (await this.serial.idle(), this.reads.units(v, f));
  unit = async (v: Vintage, code: string) => (await this.serial.idle(), this.reads.unit(v, code));
  crosswalk = async () => (await this.serial.idle(), this.reads.crosswalk());
  years = async (v: Vintage) => (await this.serial.idle(), this.reads.years(v));
  assessments = async (v: Vintage, y: number, p?: string) => (await this.serial.idle(), this.reads.assessments(v, y, p));
  history = async (v: Vintage, codes: string[]) => (await this.serial.idle(), this.reads.history(v, codes));
  provinceReturns = async (v: Vintage, y: number) => (await this.serial.idle(), this.reads.provinceReturns(v, y));
  batches = async () => (await this.serial.idle(), this.reads.batches());
  version = async () => (await this.serial.idle(), this.reads.version());
  counts = async () => (await this.serial.idle(), this.reads.counts());

  async snapshot<T>(fn: (r: StoreReads) => Promise<T>): Promise<T> {
    return this.serial.run(async () => {
      this.db.exec('BEGIN'); // deferred: a read transaction, one WAL snapshot for every read in fn
      try {
        return await fn(this.snapshotReads);
      } finally {
        this.db.exec('COMMIT');
      }
    });
  }

  /** Reads of one connection state; `version` says which data version a cached year must have. */
  private readsAt(version: () => number): StoreReads {
    const self = this;
    return {
      async units(vintage: Vintage, filter: { level?: Level; provinceCode?: string } = {}): Promise<Unit[]> {
        const key = `${filter.level !== undefined ? 'l' : ''}${filter.provinceCode !== undefined ? 'p' : ''}`;
        let st = self.unitStatements.get(key);
        if (!st) {
          const where = ['vintage = ?'];
          if (filter.level !== undefined) where.push('level = ?');
          if (filter.provinceCode !== undefined) where.push('province_code = ?');
          st = self.db.prepare(`SELECT * FROM units WHERE ${where.join(' AND ')} ORDER BY code`);
          self.unitStatements.set(key, st);
        }
        const args: unknown[] = [vintage];
        if (filter.level !== undefined) args.push(filter.level);
        if (filter.provinceCode !== undefined) args.push(filter.provinceCode);
        return (st.all(...args) as UnitRow[]).map(toUnit);
      },
      async unit(vintage, code) {
        const r = self.s.unit.get(vintage, code) as UnitRow | undefined;
        return r && toUnit(r);
      },
      async crosswalk() {
        return (self.s.crosswalk.all() as Parameters<typeof toLink>[0][]).map(toLink);
      },
      async years(vintage) {
        return (self.s.years.all({ v: vintage }) as { year: number }[]).map((r) => r.year);
      },
      async assessments(vintage, year, provinceCode) {
        const v = version();
        let cached = self.yearCache.get(vintage, year, v);
        if (!cached && provinceCode !== undefined) {
          return (self.s.assessmentsInProvince.all(vintage, year, provinceCode) as AssessmentRow[]).map(toAssessment);
        }
        cached ??= self.yearCache.put(vintage, year, v, fromJsonRows(self.s.assessmentsJson.get(vintage, year) as string).map(toAssessment), self.assessableCodes().byVintage.get(vintage)!);
        return YearCache.pick(cached, provinceCode);
      },
      async history(vintage, communeCodes) {
        if (communeCodes.length === 0) return [];
        return (self.s.history.all(vintage, JSON.stringify(communeCodes)) as AssessmentRow[]).map(toAssessment);
      },
      async provinceReturns(vintage, year) {
        return (self.s.provinceReturns.all(vintage, year) as Parameters<typeof toReturn>[0][]).map(toReturn);
      },
      async batches() {
        return (self.s.batches.all() as Parameters<typeof toBatch>[0][]).map(toBatch);
      },
      async version() {
        return version();
      },
      async counts(): Promise<StoreCounts> {
        const c = (t: string) => Number(self.s.count(t).get());
        return {
          units: c('units'),
          crosswalk: c('crosswalk'),
          batches: c('batches'),
          assessments: c('assessments'),
          provinceReturns: c('province_returns'),
          assessmentsByOrigin: {
            sample: 0,
            import: 0,
            ...Object.fromEntries((self.s.countByOrigin.all() as { origin: Origin; n: number }[]).map((r) => [r.origin, r.n])),
          },
        };
      },
    };
  }

  /**
   * meta.version, read from the database at most every VERSION_RECHECK_MS: a read in WAL mode takes locks, and
   * the API asks on every request (~10 % of a cached /api/stats answer's CPU). This connection's own writes are
   * seen at once (a write forgets the last read); another process's (the import CLI) within VERSION_RECHECK_MS.
   */
  private currentVersion(): number {
    const now = performance.now();
    if (now - this.versionSeen.at >= VERSION_RECHECK_MS) this.versionSeen = { value: Number(this.s.meta.get('version')), at: now };
    return this.versionSeen.value;
  }

  // ---------------------------------------------------------------- writes

  async replaceReference(ref: Reference): Promise<void> {
    checkReference(ref);
    await this.serial.run(async () =>
      this.write(() => {
        this.s.deleteUnits.run();
        this.s.deleteCrosswalk.run();
        for (const u of ref.units) {
          this.s.insertUnit.run({ vintage: u.vintage, code: u.code, level: u.level, name: u.name, full_name: u.fullName, type: u.type, province_code: u.provinceCode, district_code: u.districtCode, population: u.population, area_km2: u.areaKm2 });
        }
        for (const l of ref.crosswalk) this.s.insertLink.run(l.oldCode, l.newCode, l.relation, l.weight);
        this.s.refreshProvinces.run();
        this.s.bumpReference.run();
      }, 'replaceReference'),
    );
    this.assessable = undefined;
  }

  async writeBatch(batch: BatchWrite): Promise<number> {
    return this.serial.run(async () => this.write(() => this.insertBatch(batch), 'writeBatch'));
  }

  async deleteOrigin(origin: Origin): Promise<void> {
    checkOrigin('deleteOrigin', origin);
    await this.serial.run(async () => this.write(() => this.s.deleteOrigin.run(origin), 'deleteOrigin'));
  }

  async replaceOrigin(origin: Origin, batches: BatchWrite[]): Promise<number[]> {
    checkOrigin('replaceOrigin', origin);
    const wrong = batches.find((b) => b.origin !== origin);
    if (wrong) throw new StoreWriteError(`replaceOrigin(${origin}): a batch has origin ${wrong.origin}`);
    return this.serial.run(async () =>
      this.write(() => {
        this.s.deleteOrigin.run(origin);
        return batches.map((b) => this.insertBatch(b));
      }, 'replaceOrigin'),
    );
  }

  async withTransaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.serial.run(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      let changed = false;
      const tx: StoreTx = {
        ...this.runner,
        insertBatch: async (b) => {
          changed = true;
          return this.insertBatch(b);
        },
        figuresChanged: () => {
          changed = true;
        },
      };
      try {
        const out = await fn(tx);
        if (changed) this.s.bump.run();
        this.db.exec('COMMIT');
        return out;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      } finally {
        this.versionSeen.at = -Infinity;
      }
    });
  }

  withKeyedTransaction<T>(_keys: readonly string[], fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    // Plain SQL only: the transaction's other methods (figures, data version) stay out of reach.
    return this.withTransaction((tx) => fn({ all: tx.all.bind(tx), get: tx.get.bind(tx), run: tx.run.bind(tx) }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.serial.drain();
    this.db.close();
  }

  /** Runs `fn` in one IMMEDIATE transaction that also bumps the version. */
  private write<T>(fn: () => T, what: string): T {
    try {
      return this.db
        .transaction(() => {
          const out = fn();
          this.s.bump.run();
          return out;
        })
        .immediate();
    } catch (e) {
      if (e instanceof StoreWriteError) throw e;
      throw new StoreWriteError(`${what}: ${(e as Error).message}`);
    } finally {
      this.versionSeen.at = -Infinity;
    }
  }

  private assessableCodes(): Assessable {
    const refVersion = Number(this.s.meta.get('reference_version'));
    if (!this.assessable || this.assessable.refVersion !== refVersion) {
      const codes = assessableFrom(this.s.assessableUnits.all() as never, this.s.provinceCodes.all() as never);
      this.assessable = { refVersion, codes };
    }
    return this.assessable.codes;
  }

  /** Inserts one batch and its rows; must run inside a transaction. */
  private insertBatch(batch: BatchWrite): number {
    const { assessments, returns } = checkBatch(batch, this.assessableCodes());
    const batchId = Number(this.s.insertBatch.run(batch.origin, batch.source, new Date().toISOString(), batch.note ?? '').lastInsertRowid);
    assessments.forEach((a, k) => {
      try {
        this.s.upsertAssessment.run({ vintage: a.vintage, commune_code: a.communeCode, year: a.year, province_code: a.provinceCode, ...figureColumns(a), batch_id: batchId, origin: batch.origin });
      } catch (e) {
        throw new StoreWriteError(`writeBatch: assessment #${k} (${a.vintage} ${a.communeCode} ${a.year}): ${(e as Error).message}`);
      }
    });
    returns.forEach((r, k) => {
      try {
        this.s.upsertReturn.run({ vintage: r.vintage, province: r.provinceCode, year: r.year, total: r.bodies.total, certified: r.bodies.certified, batch: batchId, origin: batch.origin });
      } catch (e) {
        throw new StoreWriteError(`writeBatch: province return #${k} (${r.vintage} ${r.provinceCode} ${r.year}): ${(e as Error).message}`);
      }
    });
    return batchId;
  }
}

