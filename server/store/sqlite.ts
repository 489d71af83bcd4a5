// The embedded Store: one SQLite file (better-sqlite3, WAL, foreign keys on), behind the cache decorator.
// Every write runs in one transaction and bumps meta.version; a failing write changes nothing.
// better-sqlite3 is synchronous on one connection, so the async contract is kept by a queue: one
// transaction or snapshot at a time, and reads outside them wait until none is open (a read must
// never see a transaction's uncommitted rows).

import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Level, Origin, Vintage } from '../../shared/domain/types.js';
import { AssessableMemo, assessableFrom, checkBatch, checkOrigin, checkReference, type Assessable } from './batchCheck.js';
import { cachedStore } from './cached.js';
import { StoreWriteError } from './errors.js';
import { migrate } from './migrations.js';
import { figureColumns } from './rows.js';
import { sqliteReads } from './sqlite-reads.js';
import { Serial, sqliteRunner } from './sqlite-sql.js';
import { prepareStatements, type Statements } from './sqlite-statements.js';
import type { BatchWrite, Reference, SqlRunner, Store, StoreReads, StoreTx } from './store.js';

/** The SQLite store: the Store contract, and its connection for SQLite's own tests. */
export interface SqliteStore extends Store {
  readonly db: Database.Database;
}

/** Opens (creating if needed) the store at `path`; ':memory:' gives a private in-memory store. */
export function openSqliteStore(path: string): SqliteStore {
  const db = openDb(path);
  return Object.assign(cachedStore(new SqliteStoreImpl(db)), { db });
}

/**
 * The stored id and, for a file, the file itself (its device and inode): a byte copy of the file is a database of
 * its own, whose versions go on apart from the original's, and every process on the same file names the same one.
 */
function fileIdentity(db: Database.Database, id: string): string {
  if (db.memory) return id;
  const { dev, ino } = statSync(db.name, { bigint: true });
  return `${id}.${dev.toString(36)}.${ino.toString(36)}`;
}

/** The store without the cache decorator: every read goes to the file (the decorator's own tests). */
export function openUncachedSqliteStore(path: string): SqliteStore {
  return new SqliteStoreImpl(openDb(path));
}

function openDb(path: string): Database.Database {
  const memory = path === ':memory:' || path === '';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 5000 });
  if (!memory) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/** A fresh in-memory store (tests). */
export function openMemoryStore(): SqliteStore {
  return openSqliteStore(':memory:');
}

/** The store itself, uncached: every read goes to the database. */
class SqliteStoreImpl implements Store {
  readonly dialect = 'sqlite' as const;
  readonly sql: SqlRunner;
  private readonly s: Statements;
  private readonly assessable = new AssessableMemo();
  private closed = false;
  /** Transactions and snapshots, one at a time. */
  private readonly serial = new Serial();
  private readonly runner: SqlRunner;
  /** The reads of the connection: outside a transaction (after waiting for none to be open), and inside a snapshot. */
  private readonly reads: StoreReads;

  constructor(readonly db: Database.Database) {
    this.s = prepareStatements(db);
    const runner = (this.runner = sqliteRunner(db));
    this.sql = {
      all: async (q, p) => (await this.serial.idle(), runner.all(q, p)),
      get: async (q, p) => (await this.serial.idle(), runner.get(q, p)),
      run: async (q, p) => (await this.serial.idle(), runner.run(q, p)),
    };
    this.reads = sqliteReads(db, this.s);
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
  // Read once: a database keeps its identity for as long as it is open.
  private id: string | undefined;
  identity = async () => (this.id ??= fileIdentity(this.db, String(this.s.meta.get('db_id'))));
  counts = async () => (await this.serial.idle(), this.reads.counts());

  async snapshot<T>(fn: (r: StoreReads) => Promise<T>): Promise<T> {
    return this.serial.run(async () => {
      this.db.exec('BEGIN'); // deferred: a read transaction, one WAL snapshot for every read in fn
      try {
        return await fn(this.reads);
      } finally {
        this.db.exec('COMMIT');
      }
    });
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
    }
  }

  private assessableCodes(): Assessable {
    const refVersion = Number(this.s.meta.get('reference_version'));
    return this.assessable.get(refVersion) ?? this.assessable.set(refVersion, assessableFrom(this.s.assessableUnits.all() as never, this.s.provinceCodes.all() as never));
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

