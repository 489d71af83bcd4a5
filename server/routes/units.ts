import { Hono } from 'hono';
import type { StatsService } from '../services/stats.js';
import { unitDetail } from '../services/units.js';
import { valid } from '../http/validate.js';
import { unitParams, unitQuery } from './params.js';

/** GET /api/units/:code[?vintage=2025|pre2025]: one unit and its history. */
export function unitsRoutes(svc: StatsService) {
  return new Hono().get(
    '/:code',
    valid('param', unitParams),
    valid('query', unitQuery),
    async (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.json(await unitDetail(svc, c.req.valid('query').vintage, c.req.valid('param').code));
    },
  );
}
