import { Hono } from 'hono';
import { validator } from 'hono/validator';
import type { StatsService } from '../services/stats.js';
import { unitDetail } from '../services/units.js';
import { parseUnitCode, parseVintage } from './params.js';

/** GET /api/units/:code[?vintage=2025|pre2025]: one unit and its history. */
export function unitsRoutes(svc: StatsService) {
  return new Hono().get(
    '/:code',
    validator('param', (p) => ({ code: parseUnitCode(p.code) })),
    validator('query', (q) => ({ vintage: parseVintage(q.vintage as string | undefined) })),
    async (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.json(await unitDetail(svc, c.req.valid('query').vintage, c.req.valid('param').code));
    },
  );
}
