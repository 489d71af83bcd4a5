/** Model density: self-management models per 10,000 residents; null where the population is unknown. */
const DENSITY_PER = 10_000;

export function modelDensity(c: { models: number | null; population: number | null }): number | null {
  if (c.models === null || c.population === null || c.population <= 0) return null;
  return (c.models / c.population) * DENSITY_PER;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending values by linear interpolation between order statistics
 * (the spreadsheet PERCENTILE.INC rule, so planners can check it by hand); null for no values.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}

/** Ascending copy without nulls. */
export function ascending(values: Iterable<number | null>): number[] {
  const out: number[] = [];
  for (const v of values) if (v !== null && Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}
