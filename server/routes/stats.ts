import { Hono } from 'hono';
import { validator } from 'hono/validator';
import type { StatsService } from '../services/stats.js';
import { parseStatsQuery } from './params.js';

/** GET /api/stats?year=Y&level=province|district|commune&vintage=2025|pre2025[&province=P] */
export function statsRoutes(svc: StatsService) {
  return new Hono().get(
    '/',
    validator('query', (q) => parseStatsQuery(q as Record<string, string>)),
    async (c) => {
      const body = await svc.stats(c.req.valid('query'));
      c.header('Cache-Control', 'no-cache');
      return c.json(body);
    },
  );
}
