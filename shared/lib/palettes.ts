import { interpolatePuOr, schemePuOr, schemeYlGnBu } from 'd3-scale-chromatic';
import type { StatusChange } from '../domain/metrics.js';

/** ColorBrewer schemes that stay readable for colour-blind viewers: YlGnBu (sequential) and PuOr (diverging). */
export function sequential(k: number): string[] {
  return [...schemeYlGnBu[Math.min(9, Math.max(3, k))]];
}

/**
 * n colours of PuOr, orange (loss) → white → purple (gain): a fall reads warm, a rise cool. n of 1: the neutral
 * middle; 2: the ends of the 3-class scheme; over 11: interpolated.
 */
function puOr(n: number): string[] {
  // d3 lists PuOr purple first: reversed, so that index 0 is the deepest loss.
  if (n <= 1) return [schemePuOr[3][1]];
  if (n === 2) return [schemePuOr[3][2], schemePuOr[3][0]];
  if (n <= 11) return [...schemePuOr[n]].reverse();
  return Array.from({ length: n }, (_, i) => toHex(interpolatePuOr(1 - i / (n - 1))));
}

/** "rgb(45, 0, 75)" → "#2d004b": the PDF and PNG exports read colours as hex. */
function toHex(rgb: string): string {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Colours of a diverging legend's classes by the side of zero they lie on (classSides): a scheme as wide as the
 * larger side on both sides, so that a class above zero is always a shade of gain and one below a shade of loss,
 * the palest next to zero, even when the data leave one side empty.
 */
export function divergingColors(sides: readonly (-1 | 0 | 1)[]): string[] {
  const below = sides.filter((s) => s < 0).length;
  const above = sides.filter((s) => s > 0).length;
  const middle = sides.includes(0);
  const m = Math.max(below, above);
  const palette = puOr(2 * m + (middle ? 1 : 0));
  let b = 0;
  let a = 0;
  return sides.map((s) => (s < 0 ? palette[m - below + b++] : s > 0 ? palette[m + (middle ? 1 : 0) + a++] : palette[m]));
}

export const STATUS_CHANGE_COLORS: Record<StatusChange, string> = {
  gained: '#009E73',
  lost: '#D55E00',
  kept: '#56B4E9',
  still_not: '#CC79A7',
};
