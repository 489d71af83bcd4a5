import { schemePuOr, schemeYlGnBu } from 'd3-scale-chromatic';
import type { StatusChange } from '../../server/domain/metrics.js';

/** ColorBrewer schemes that stay readable for colour-blind viewers: YlGnBu (sequential) and PuOr (diverging). */
export function sequential(k: number): string[] {
  return [...schemeYlGnBu[Math.min(9, Math.max(3, k))]];
}

/** Diverging, orange (loss) → white → purple (gain); even k has no neutral middle. */
export function diverging(k: number): string[] {
  // PuOr runs orange → purple; a fall should read warm, a rise cool, so it is used as is.
  return [...schemePuOr[Math.min(11, Math.max(3, k))]];
}

export const STATUS_CHANGE_COLORS: Record<StatusChange, string> = {
  gained: '#009E73',
  lost: '#D55E00',
  kept: '#56B4E9',
  still_not: '#CC79A7',
};
