// Plain SQL on a better-sqlite3 connection behind the async SqlRunner of the contract, and the queue
// that keeps one transaction or snapshot at a time on that one synchronous connection.

import type Database from 'better-sqlite3';
import { StoreWriteError } from './errors.js';
import type { SqlRunner } from './store.js';

const STATEMENT_CACHE = 256;

/** SQL on `db`, errors as StoreWriteError; statements cached by their text. */
export function sqliteRunner(db: Database.Database): SqlRunner {
  const statements = new Map<string, Database.Statement>();
  const prep = (sql: string) => {
    let st = statements.get(sql);
    if (!st) {
      st = db.prepare(sql);
      statements.set(sql, st);
      if (statements.size > STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
    }
    return st;
  };
  const wrap = <T>(sql: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof StoreWriteError) throw e;
      throw new StoreWriteError(`${(e as Error).message} (${sql.trim().split(/\s+/).slice(0, 3).join(' ')} …)`);
    }
  };
  return {
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      wrap(sql, () => {
        const st = prep(sql);
        if (st.reader) return st.all(...params) as T[];
        st.run(...params);
        return [];
      }),
    get: async <T>(sql: string, params: readonly unknown[] = []) =>
      wrap(sql, () => {
        const st = prep(sql);
        if (st.reader) return st.get(...params) as T | undefined;
        st.run(...params);
        return undefined;
      }),
    run: async (sql: string, params: readonly unknown[] = []) => wrap(sql, () => prep(sql).run(...params).changes),
  };
}

/**
 * One job at a time, in order. A read outside the jobs waits with idle() while one runs: on a single
 * connection it would otherwise see the open transaction's uncommitted rows.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  private running = false;

  run<T>(fn: () => Promise<T>): Promise<T> {
    const job = this.tail.then(async () => {
      this.running = true;
      try {
        return await fn();
      } finally {
        this.running = false;
      }
    });
    this.tail = job.catch(() => undefined);
    return job;
  }

  /** Resolves when no job runs (at once, without a turn of the event loop, if none does). */
  async idle(): Promise<void> {
    while (this.running) await this.tail;
  }

  /** Resolves when every job queued so far has finished. */
  async drain(): Promise<void> {
    await this.tail;
  }
}
