// The app's router with its answers remembered per method and path. The route table defeats Hono's
// RegExpRouter (a parameter beside a literal under one prefix, e.g. /api/imports/check and
// /api/imports/:id/rollback), so SmartRouter settles on the TrieRouter, whose walk over ~160 routes costs
// ~10 µs a request: more than a cached /api/stats answer's own work. A match depends only on the method
// and the path, and Hono only reads it, so the busy paths (/api/stats, /api/version, tiles) cost a map lookup.

import type { Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';

/** Paths remembered at most: a crawler's or attacker's stream of distinct paths only evicts, it never grows memory. */
const MEMO_PATHS = 1024;

export class MemoRouter<T> implements Router<T> {
  readonly name: string;
  private readonly memo = new Map<string, Result<T>>();

  constructor(
    private readonly inner: Router<T> = new SmartRouter<T>({ routers: [new RegExpRouter<T>(), new TrieRouter<T>()] }),
    private readonly size = MEMO_PATHS,
  ) {
    this.name = `MemoRouter + ${inner.name}`;
  }

  add(method: string, path: string, handler: T): void {
    // Routes are added before the first request (Hono's routers refuse later ones); a late one must not meet stale answers.
    this.memo.clear();
    this.inner.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    const key = `${method} ${path}`;
    let r = this.memo.get(key);
    if (r === undefined) {
      r = this.inner.match(method, path);
      // The oldest entry goes first (a Map iterates in insertion order).
      if (this.memo.size >= this.size) this.memo.delete(this.memo.keys().next().value!);
      this.memo.set(key, r);
    }
    return r;
  }
}
