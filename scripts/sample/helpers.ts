// Small pure helpers of the sample generator.

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Orders units by code, as strings (codes keep their leading zeros), independent of the locale. */
export function byCode(a: { code: string }, b: { code: string }) {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
