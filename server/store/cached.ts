// The cache in front of any Store (in the manner of PMTiles' Cache around its Source): whole years of
// assessments kept in memory by data version, and the staleness rule that says when another process wrote.
// The stores below it read their database every time; only this layer remembers.

import type { Origin, Vintage } from '../../shared/domain/types.js';
import type { BatchWrite, Reference, Store, StoreReads, StoreTx, SqlRunner } from './store.js';
import { YearCache } from './yearCache.js';

/**
 * The data version as this process knows it. It may lag another process's write (by the source's own
 * delay: a poll interval, a notification in flight), never this process's: after wrote(), current()
 * answers from the database.
 */
export interface VersionSource {
  current(): Promise<number>;
  /** This process committed a write that may have moved the version. */
  wrote(): void;
  close?(): Promise<void>;
}

/** How stale another process's write may be seen by a polled source (see polledVersion). */
export const VERSION_RECHECK_MS = 250;

/**
 * The version read from the database at most every `everyMs`: the API asks on every request, and on SQLite a
 * read in WAL mode takes locks (~10 % of a cached /api/stats answer's CPU). Another process's write (the
 * import CLI) is seen within `everyMs`.
 */
export function polledVersion(read: () => Promise<number>, everyMs = VERSION_RECHECK_MS): VersionSource {
  let value = 0;
  let at = -Infinity;
  /** Writes of this process, and how many of them the last read began after. */
  let writes = 0;
  let seenWrites = 0;
  return {
    async current() {
      const now = performance.now();
      if (now - at < everyMs && seenWrites === writes) return value;
      const w = writes;
      const v = await read();
      if (w >= seenWrites) [value, at, seenWrites] = [v, now, w];
      return v;
    },
    wrote() {
      writes++;
    },
  };
}

/** The store with its reads of figures cached; `source` says when the cache is stale (default: polledVersion). */
export function cachedStore(inner: Store, source: VersionSource = polledVersion(() => inner.version())): Store {
  return new CachedStore(inner, source);
}

class CachedStore implements Store {
  readonly dialect: Store['dialect'];
  readonly sql: SqlRunner;
  private readonly yearCache = new YearCache();
  /** Unit code → province code, per vintage, at one data version (a new reference bumps the version). */
  private provinceOf = { version: -1, byVintage: new Map<Vintage, Promise<Map<string, string>>>() };
  private readonly reads: StoreReads;

  constructor(
    private readonly inner: Store,
    private readonly source: VersionSource,
  ) {
    this.dialect = inner.dialect;
    this.sql = inner.sql;
    this.reads = this.over(inner, () => source.current());
  }

  units: Store['units'] = (v, f) => this.reads.units(v, f);
  unit: Store['unit'] = (v, code) => this.reads.unit(v, code);
  crosswalk: Store['crosswalk'] = () => this.reads.crosswalk();
  years: Store['years'] = (v) => this.reads.years(v);
  assessments: Store['assessments'] = (v, y, p) => this.reads.assessments(v, y, p);
  history: Store['history'] = (v, codes) => this.reads.history(v, codes);
  provinceReturns: Store['provinceReturns'] = (v, y) => this.reads.provinceReturns(v, y);
  batches: Store['batches'] = () => this.reads.batches();
  version: Store['version'] = () => this.reads.version();
  identity: Store['identity'] = () => this.inner.identity();
  counts: Store['counts'] = () => this.reads.counts();

  snapshot<T>(fn: (r: StoreReads) => Promise<T>): Promise<T> {
    // Inside a snapshot the version is the snapshot's own: a cached year is served only if it is of that version.
    return this.inner.snapshot((r) => fn(this.over(r, () => r.version())));
  }

  /** `r`'s reads, with whole years of assessments served from the cache while `version` stays the same. */
  private over(r: StoreReads, version: () => Promise<number>): StoreReads {
    return {
      units: (v, f) => r.units(v, f),
      unit: (v, code) => r.unit(v, code),
      crosswalk: () => r.crosswalk(),
      years: (v) => r.years(v),
      history: (v, codes) => r.history(v, codes),
      provinceReturns: (v, y) => r.provinceReturns(v, y),
      batches: () => r.batches(),
      counts: () => r.counts(),
      version,
      assessments: async (vintage, year, provinceCode) => {
        // The version first, then the rows: rows read after it are of that version or newer, never older.
        const v = await version();
        let y = this.yearCache.get(vintage, year, v);
        // One province of a year not in memory: the database filters it (a province page, not the national map).
        if (!y && provinceCode !== undefined) return r.assessments(vintage, year, provinceCode);
        y ??= this.yearCache.put(vintage, year, v, await r.assessments(vintage, year), await this.provinces(r, vintage, v));
        return YearCache.pick(y, provinceCode);
      },
    };
  }

  private provinces(r: StoreReads, vintage: Vintage, version: number): Promise<Map<string, string>> {
    if (this.provinceOf.version !== version) this.provinceOf = { version, byVintage: new Map() };
    let m = this.provinceOf.byVintage.get(vintage);
    if (!m) {
      m = r.units(vintage).then((units) => new Map(units.map((u) => [u.code, u.provinceCode])));
      this.provinceOf.byVintage.set(vintage, m);
      m.catch(() => this.provinceOf.byVintage.delete(vintage));
    }
    return m;
  }

  // Writes pass through; each tells the source, so that this process reads its own writes at once.
  private async wrote<T>(w: Promise<T>): Promise<T> {
    try {
      return await w;
    } finally {
      this.source.wrote();
    }
  }

  withTransaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.wrote(this.inner.withTransaction(fn));
  }
  withKeyedTransaction<T>(keys: readonly string[], fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    // Writes no figures: the version does not move.
    return this.inner.withKeyedTransaction(keys, fn);
  }
  replaceReference(ref: Reference): Promise<void> {
    return this.wrote(this.inner.replaceReference(ref));
  }
  writeBatch(batch: BatchWrite): Promise<number> {
    return this.wrote(this.inner.writeBatch(batch));
  }
  deleteOrigin(origin: Origin): Promise<void> {
    return this.wrote(this.inner.deleteOrigin(origin));
  }
  replaceOrigin(origin: Origin, batches: BatchWrite[]): Promise<number[]> {
    return this.wrote(this.inner.replaceOrigin(origin, batches));
  }
  async close(): Promise<void> {
    await this.source.close?.();
    await this.inner.close();
  }
}
