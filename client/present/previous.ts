import { yearTotalOf, type YearTotal } from '../../shared/export/keyFigures.js';
import { previousYear } from '../../shared/domain/previousYear.js';
import { loadStats } from '../state/useData.js';

/**
 * A year's figures of the country (province null) or a province, as the server builds an area's total: a year
 * before the reform on the area's old communes as reported, never the roll-up (shared/domain/previousYear).
 */
export async function areaTotal(year: number, level: 'province' | 'commune', province: string | null): Promise<YearTotal> {
  const s = await loadStats(year, level, province);
  return yearTotalOf(s, { total: s.total, oldUnits: s.oldUnits });
}

/** The year shown and its previous year (previousYear decides which, and how it is built), for the key figures. */
export async function withPreviousYear(year: number, years: readonly number[], level: 'province' | 'commune', province: string | null): Promise<{ now: YearTotal; before: YearTotal | null }> {
  const { before } = previousYear(province ? 'province' : 'country', year, years);
  const [now, prior] = await Promise.all([areaTotal(year, level, province), before ? areaTotal(before.year, level, province) : null]);
  return { now, before: prior };
}
