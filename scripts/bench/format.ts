/** How the benchmark prints its figures: decimal units, as the pipeline's budgets are (1 MB = 1,000,000 B). */

export function fmtBytes(b: number): string {
  if (b >= 1e6) return `${(b / 1e6).toFixed(b >= 1e7 ? 0 : 1)} MB`;
  if (b >= 1e3) return `${Math.round(b / 1e3)} KB`;
  return `${b} B`;
}

export function fmtMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms >= 10 ? 0 : 1)} ms`;
}

export function fmtRate(perS: number): string {
  return `${Math.round(perS).toLocaleString('en-US')} req/s`;
}

export function fmtCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A ratio as "69×" (one decimal under 10, so 0.5× and 9.8× stay readable). */
export function fmtRatio(r: number): string {
  return `${r >= 10 ? Math.round(r) : r.toFixed(r >= 1 ? 1 : 2)}×`;
}

export function fmtPercent(r: number): string {
  return `${Math.round(r * 100)} %`;
}
