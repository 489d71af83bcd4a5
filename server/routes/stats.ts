import { Hono, type TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { respond } from '../lib/encodedBody.js';
import type { StatsResponse, StatsService, StatusResponse } from '../services/stats.js';
import { valid } from '../http/validate.js';
import { statsQuery } from './params.js';

/** GET /api/stats?year=Y&level=province|district|commune&vintage=2025|pre2025[&province=P][&fields=status] */
export function statsRoutes(svc: StatsService) {
  return new Hono().get(
    '/',
    valid('query', statsQuery),
    async (c) => {
      // The commune level is ~1 MB of JSON (fields=status: a few KB): sent from bytes cached per store version, 304 when unchanged.
      const body = await svc.statsBody(c.req.valid('query'));
      const res = await respond(body, { acceptEncoding: c.req.header('Accept-Encoding'), ifNoneMatch: c.req.header('If-None-Match') }, 'no-cache');
      // Those bytes are StatsResponse's JSON: the typed client (hc<AppType>) keeps seeing it as such.
      return res as Response & TypedResponse<JSONParsed<StatsResponse | StatusResponse>, 200, 'json'>;
    },
  );
}
