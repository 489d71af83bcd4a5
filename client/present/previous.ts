import type { TotalFigures } from '../export/keyFigures.js';
import { loadStats } from '../state/useData.js';

export interface YearTotal {
  year: number;
  total: TotalFigures;
  /**
   * 'reported': the year's own figures; 'old-units': a year before the 2025 reform, nationally, as reported on the
   * old communes (the crosswalk roll-up counts a new commune certified only if all its predecessors were, which
   * would make the change look far larger than it was); 'crosswalk': a province in such a year, rolled up.
   */
  basis: 'reported' | 'old-units' | 'crosswalk';
}

/**
 * A year's figures as the key figures compare them across years: the shown year and the one before it are taken
 * the same way, so that a change is never a roll-up set against reported figures.
 */
export async function comparableTotal(year: number, level: 'province' | 'commune', province: string | null): Promise<YearTotal> {
  const s = await loadStats(year, level, province);
  if (s.method !== 'crosswalk') return { year, total: s.total, basis: 'reported' };
  if (province) return { year, total: s.total, basis: 'crosswalk' };
  const res = await fetch(`/api/stats?year=${year}&level=province&vintage=pre2025`);
  if (!res.ok) return { year, total: s.total, basis: 'crosswalk' };
  const old = (await res.json()) as { total: TotalFigures };
  return { year, total: old.total, basis: 'old-units' };
}
