/**
 * Promises by key, each made once while the data stay at one version: concurrent callers share the request in
 * flight, a failed request is forgotten (the next caller tries again), and when the server's data version moves on
 * every entry is dropped, those still in flight included, and the listeners are told to load again.
 */
export class VersionedCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<() => void>();
  private current: string | null = null;
  private changes = 0;

  /** The data version the entries are of (its token, shared/domain/dataVersion.ts); null until the first one is seen. */
  get version(): string | null {
    return this.current;
  }

  /** How many times the version has changed since the first one seen: what views list to load again. */
  get generation(): number {
    return this.changes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry for `key`, made by `make` unless there is one for the current version already. */
  get<T>(key: string, make: () => Promise<T>): Promise<T> {
    const had = this.entries.get(key) as Promise<T> | undefined;
    if (had) return had;
    const made = make();
    this.entries.set(key, made);
    // Only this entry: a new one made since (after a version change) stays.
    made.catch(() => this.entries.get(key) === made && this.entries.delete(key));
    return made;
  }

  /**
   * The version the server reports, as its token (database and version number, compared whole). The first one is
   * adopted (the entries were loaded at it); any other (a lower number: a restored backup; another database: a
   * re-seed from nothing) drops every entry and tells the listeners. Returns whether it changed.
   */
  observe(version: string): boolean {
    if (version === this.current) return false;
    const first = this.current === null;
    this.current = version;
    if (first) return false;
    this.entries.clear();
    this.changes++;
    for (const fn of [...this.listeners]) fn();
    return true;
  }

  /** Calls `fn` after each version change; returns the function that stops it. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
