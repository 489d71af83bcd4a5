// The contract's SqlRunner on node-postgres: the shared SQL's `?` placeholders become $1, $2, …; bigint
// (count(*)) comes back as a JS number; driver errors become StoreWriteError.

import pg from 'pg';
import { StoreWriteError } from '../errors.js';
import type { SqlRunner } from '../store.js';

/** Parses int8 as a number: counts and ids here stay far below 2^53. */
export const PG_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? (v: string) => Number(v) : (pg.types.getTypeParser(oid, format) as (v: string) => unknown))) as typeof pg.types.getTypeParser,
};

const converted = new Map<string, string>();

/** `?` → `$n`, outside quoted strings and identifiers. */
export function numbered(sql: string): string {
  let out = converted.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  let quote: string | null = null;
  out = '';
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else out += ch === '?' ? `$${++n}` : ch;
  }
  if (converted.size < 1000) converted.set(sql, out);
  return out;
}

export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export const wrapPg = (e: unknown, what: string): never => {
  if (e instanceof StoreWriteError) throw e;
  const err = e as Error & { detail?: string; constraint?: string };
  throw new StoreWriteError(`${what}: ${err.message}${err.detail ? ` (${err.detail})` : ''}`, { cause: e });
};

export function pgRunner(q: Queryable): SqlRunner {
  const query = async <T>(sql: string, params: readonly unknown[] = []) => {
    try {
      return await q.query<T & pg.QueryResultRow>(numbered(sql), [...params]);
    } catch (e) {
      return wrapPg(e, sql.trim().split(/\s+/).slice(0, 3).join(' ') + ' …');
    }
  };
  return {
    all: async <T>(sql: string, params?: readonly unknown[]) => (await query<T>(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly unknown[]) => (await query<T>(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: readonly unknown[]) => (await query(sql, params)).rowCount ?? 0,
  };
}
