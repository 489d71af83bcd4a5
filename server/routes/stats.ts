import { Hono } from 'hono';
import { respond } from '../lib/encodedBody.js';
import type { StatsService } from '../services/stats.js';
import { valid } from '../http/validate.js';
import { statsQuery } from './params.js';

/** GET /api/stats?year=Y&level=province|district|commune&vintage=2025|pre2025[&province=P][&fields=status] */
export function statsRoutes(svc: StatsService) {
  return new Hono().get(
    '/',
    valid('query', statsQuery, { memo: true }),
    // The commune level is ~1 MB of JSON (fields=status: a few KB): sent from bytes cached per store version, 304 when unchanged.
    async (c) => respond(c, await svc.statsBody(c.req.valid('query')), 'no-cache'),
  );
}
