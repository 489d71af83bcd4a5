/** A sample of timings reduced to the figures the benchmark reports. */
export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
}

/** Median (mean of the two middle values for an even count); a benchmark of no runs is a bug. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function summarize(xs: readonly number[]): Summary {
  return { n: xs.length, median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}
