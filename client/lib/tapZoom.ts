/**
 * A finger covers about 40 px: a unit drawn smaller than that (a city ward at the national zoom) cannot be aimed at,
 * and a tap on it would open whichever tiny neighbour lay under the finger. Such a tap zooms in around the finger
 * instead, far enough for the unit to be tappable; the next tap selects.
 */
export const MIN_TAP_PX = 32;
const TARGET_TAP_PX = 72;
const MAX_STEP = 4;

/** The zoom to go to for a tap on a unit `sizePx` across on screen at `zoom`, or null when it can be selected. */
export function tapZoom(sizePx: number, zoom: number, maxZoom: number): number | null {
  if (sizePx >= MIN_TAP_PX || zoom >= maxZoom) return null;
  // Each zoom level doubles the unit's size on screen.
  const step = sizePx > 0 ? Math.log2(TARGET_TAP_PX / sizePx) : MAX_STEP;
  return Math.min(maxZoom, zoom + Math.min(MAX_STEP, step));
}
