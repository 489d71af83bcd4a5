import { Hono } from 'hono';
import { z } from 'zod';
import { dataToken } from '../../shared/domain/dataVersion.js';
import { etagMatches } from '../lib/encodedBody.js';
import { valid } from '../http/validate.js';
import type { Store } from '../store/store.js';

/**
 * GET /api/version: the store's data version, which every figure write bumps (an import, a rollback, a seed), and
 * the database's identity (a database made again from nothing counts its versions from 0 again). Pages that keep
 * figures poll it to learn that theirs are stale; the browser revalidates it (no-cache) and a 304 costs a few bytes
 * while nothing changed.
 */
export function versionRoutes(store: Store) {
  return new Hono().get('/', valid('query', z.strictObject({})), async (c) => {
    const seen = { version: await store.version(), db: await store.identity() };
    const etag = `"${dataToken(seen)}"`;
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', etag);
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    return c.json(seen, 200);
  });
}
