import type { Assessment, Batch, CrosswalkLink, Level, Origin, ProvinceReturn, Unit, Vintage } from '../../shared/domain/types.js';

/** Reference data: the units of both vintages and the crosswalk between them. */
export interface Reference {
  units: Unit[];
  crosswalk: CrosswalkLink[];
}

/** What one batch writes: assessments and province returns, committed together or not at all. */
export interface BatchWrite {
  origin: Batch['origin'];
  source: string;
  note: string;
  assessments: Omit<Assessment, 'batchId'>[];
  provinceReturns: Omit<ProvinceReturn, 'batchId'>[];
}

/** Row counts, for the seed CLI, migrate-data and health checks. */
export interface StoreCounts {
  units: number;
  crosswalk: number;
  batches: number;
  assessments: number;
  provinceReturns: number;
  /** Assessments by the origin of the batch that wrote them. */
  assessmentsByOrigin: Record<Origin, number>;
}

/**
 * Plain SQL in the subset both dialects share: `?` placeholders, named columns, `RETURNING`, `ON CONFLICT`.
 * Rows come back as objects keyed by column name (never by position). Integers are JS numbers.
 */
export interface SqlRunner {
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** One write transaction: SQL, plus this store's batch writer so that figures change with the rest. */
export interface StoreTx extends SqlRunner {
  /** Writes a batch (as Store.writeBatch) inside this transaction; marks the figures changed. */
  insertBatch(batch: BatchWrite): Promise<number>;
  /** The transaction changed figures by plain SQL: the data version is bumped at commit. */
  figuresChanged(): void;
}

/** The reads of the stats store. */
export interface StoreReads {
  units(vintage: Vintage, filter?: { level?: Level; provinceCode?: string }): Promise<Unit[]>;
  unit(vintage: Vintage, code: string): Promise<Unit | undefined>;
  crosswalk(): Promise<CrosswalkLink[]>;
  /** Years that have at least one assessment on this vintage, ascending. */
  years(vintage: Vintage): Promise<number[]>;
  /** Ordered by commune code. The objects may be shared between calls (cached): treat them as read-only. */
  assessments(vintage: Vintage, year: number, provinceCode?: string): Promise<Assessment[]>;
  /** Every year's assessment of some communes (for a unit's history). */
  history(vintage: Vintage, communeCodes: string[]): Promise<Assessment[]>;
  provinceReturns(vintage: Vintage, year: number): Promise<ProvinceReturn[]>;
  batches(): Promise<Batch[]>;
  /** Increases with every committed write of figures, by any process; lets callers cache derived figures. */
  version(): Promise<number>;
  counts(): Promise<StoreCounts>;
}

/**
 * The stats store. Async so that a server database can sit behind it as well as the embedded one.
 * Every write is one transaction: on error nothing already stored changes, and the error is a
 * StoreWriteError (server/store/errors.ts) whatever the database.
 */
export interface Store extends StoreReads {
  /** 'sqlite' or 'postgres': for logs and health checks only, never for choosing SQL outside the store. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Single statements, each in its own implicit transaction. */
  readonly sql: SqlRunner;
  /**
   * The database's identity: a random id given when it was made (migration 8). Every new database counts its data
   * version from 0 again; the two together say which data a page holds (shared/domain/dataVersion.ts).
   */
  identity(): Promise<string>;

  /**
   * Runs `fn` in one write transaction, serialised with every other write of any process; commits when it
   * resolves and rolls back whole when it throws. The data version is bumped in the same transaction if
   * figures changed (insertBatch, figuresChanged).
   */
  withTransaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction serialised only with the other keyed transactions that share one of `keys`
   * (in any process), never with withTransaction's writes: small bookkeeping that must not queue behind an
   * import (log-in attempts, sessions). It writes no figures, so the data version does not move. On SQLite,
   * whose one writer serialises everything, it is a write transaction like the others.
   */
  withKeyedTransaction<T>(keys: readonly string[], fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Runs `fn` on one consistent snapshot (REPEATABLE READ on PostgreSQL): reads that must agree. */
  snapshot<T>(fn: (r: StoreReads) => Promise<T>): Promise<T>;

  replaceReference(ref: Reference): Promise<void>;
  /**
   * Writes a batch; rows replace earlier rows with the same key, except that a sample row never
   * replaces an imported one. Rows must name units of their vintage (communes, or island districts
   * without communes on the pre-2025 map). Returns the new batch id.
   */
  writeBatch(batch: BatchWrite): Promise<number>;
  /** Removes every batch of the given origin and its rows (used to regenerate the sample data). */
  deleteOrigin(origin: Batch['origin']): Promise<void>;
  /**
   * Atomically removes every batch of `origin` and writes `batches` in its place (one transaction:
   * readers never see a half-written sample). Returns the new batch ids.
   */
  replaceOrigin(origin: Origin, batches: BatchWrite[]): Promise<number[]>;
  close(): Promise<void>;
}
