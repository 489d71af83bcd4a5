import type { Store, StoreReads } from '../store/store.js';

/** The snapshot a cache miss reads from, and the finished entries of the cache generation it fills. */
export interface Reading {
  r: StoreReads;
  done: Map<string, unknown>;
}

/**
 * Entries derived from the store, cached by the store's data version. Each miss reads in one snapshot of the
 * store (all its reads agree, whatever other processes write meanwhile), and is kept only if that snapshot is
 * of the version the cache generation is for.
 */
export class SnapshotCache {
  private cacheVersion = -1;
  /** Entries being made or made, for concurrent callers; `done`: the finished ones, for nested reads. */
  private cache = new Map<string, Promise<unknown>>();
  private done = new Map<string, unknown>();

  constructor(private readonly store: Store) {}

  async get<T>(key: string, make: (x: Reading) => Promise<T>, inside?: Reading): Promise<T> {
    if (inside) {
      // Nested in a snapshot: reuse only a finished entry (waiting for one being made by another snapshot
      // could wait for this one), else make it on this snapshot.
      if (inside.done.has(key)) return inside.done.get(key) as T;
      const out = await make(inside);
      inside.done.set(key, out);
      return out;
    }
    const v = await this.store.version();
    if (v !== this.cacheVersion) {
      this.cache = new Map();
      this.done = new Map();
      this.cacheVersion = v;
    }
    if (this.done.has(key)) return this.done.get(key) as T;
    let entry = this.cache.get(key) as Promise<T> | undefined;
    if (!entry) {
      const [cache, done] = [this.cache, this.done];
      entry = this.store.snapshot(async (r) => {
        const seen = await r.version();
        // Another process wrote between version() and the snapshot: answer from the snapshot, cache nothing of it.
        const reading = { r, done: seen === v ? done : new Map<string, unknown>() };
        const out = await make(reading);
        if (seen === v) done.set(key, out);
        else if (cache.get(key) === entry) cache.delete(key);
        return out;
      });
      cache.set(key, entry);
      entry.catch(() => {
        if (cache.get(key) === entry) cache.delete(key);
      });
    }
    return entry;
  }
}
