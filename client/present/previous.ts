import type { TotalFigures } from '../export/keyFigures.js';
import { loadStats } from '../state/useData.js';

export interface PreviousTotal {
  year: number;
  total: TotalFigures;
  /**
   * 'reported': the year's own figures; 'old-units': a year before the 2025 reform, nationally, as reported on the
   * old communes (the crosswalk roll-up counts a new commune certified only if all its predecessors were, which
   * would make the change look far larger than it was); 'crosswalk': a province in such a year, rolled up.
   */
  basis: 'reported' | 'old-units' | 'crosswalk';
}

/** The figures to compare the shown year with in presentation mode. */
export async function previousTotal(year: number, level: 'province' | 'commune', province: string | null): Promise<PreviousTotal> {
  const s = await loadStats(year, level, province);
  if (s.method !== 'crosswalk') return { year, total: s.total, basis: 'reported' };
  if (province) return { year, total: s.total, basis: 'crosswalk' };
  const res = await fetch(`/api/stats?year=${year}&level=province&vintage=pre2025`);
  if (!res.ok) return { year, total: s.total, basis: 'crosswalk' };
  const old = (await res.json()) as { total: TotalFigures };
  return { year, total: old.total, basis: 'old-units' };
}
