import type { CellId, CertMode } from '../../shared/domain/bivariate.js';
import type { ReasonId, StatusFilter } from '../../shared/domain/worklist.js';
import type { WorklistQuery } from '../planApi.js';

/** The filter builder's state; the year comes from the map. */
export interface PlanCriteria {
  /** Year compared for "mất chuẩn"; null: the year before. */
  since: number | null;
  province: string | null;
  types: string[];
  statuses: StatusFilter[];
  /** "median" (province median) or "p10" … "p90" (national percentile). */
  density: string;
  require: ReasonId[];
  match: 'all' | 'any';
  minScore: number;
  cell: CellId | null;
  cert: CertMode;
}

export const DEFAULT_PLAN: PlanCriteria = {
  since: null,
  province: null,
  types: [],
  statuses: [],
  density: 'median',
  require: [],
  match: 'all',
  minScore: 1,
  cell: null,
  cert: 'status',
};

/** The /api/worklist query for the criteria: defaults left out, so links and file names stay short. */
export function worklistQuery(year: number, c: PlanCriteria): WorklistQuery {
  const q: WorklistQuery = { year: String(year) };
  if (c.since !== null && c.since < year) q.since = String(c.since);
  if (c.province) q.province = c.province;
  if (c.types.length) q.type = c.types.join(',');
  if (c.statuses.length) q.status = c.statuses.join(',');
  if (c.density !== DEFAULT_PLAN.density) q.density = c.density;
  if (c.require.length) {
    q.require = c.require.join(',');
    if (c.match !== 'all') q.match = c.match;
  }
  if (c.minScore !== DEFAULT_PLAN.minScore) q.minScore = String(c.minScore);
  if (c.cell) q.cell = c.cell;
  if (c.cert !== DEFAULT_PLAN.cert) q.cert = c.cert;
  return q;
}

/** Adds or removes one item of a list-valued criterion. */
export function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}
