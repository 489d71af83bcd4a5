/** A finger's move across a tablet in presentation mode: far, mostly sideways and quick is a swipe. */
export interface Stroke {
  dx: number;
  dy: number;
  ms: number;
}

const MIN_DISTANCE = 60;
const MAX_MS = 800;

/** +1 for the next slide (a swipe to the left, as pages turn), −1 for the previous one, 0 for anything else (a pan, a tap). */
export function swipeStep({ dx, dy, ms }: Stroke): -1 | 0 | 1 {
  if (ms > MAX_MS || Math.abs(dx) < MIN_DISTANCE || Math.abs(dx) < 2 * Math.abs(dy)) return 0;
  return dx < 0 ? 1 : -1;
}
