/** The swipe divider: where it sits, as a fraction of the map's width, kept clear of the edges so it can be grabbed. */
export const SWIPE_MIN = 0.02;
export const SWIPE_MAX = 0.98;
const STEP = 0.02;
const PAGE = 0.1;

export function clampSwipe(x: number): number {
  return Math.min(SWIPE_MAX, Math.max(SWIPE_MIN, x));
}

/** The divider's position under a pointer at `clientX` over an element spanning `left`…`left + width`. */
export function swipeAtPointer(clientX: number, left: number, width: number): number {
  return clampSwipe(width > 0 ? (clientX - left) / width : 0.5);
}

/** Keyboard use of the divider (a WAI-ARIA separator): arrows step, Page keys jump, Home/End go to the ends; null for other keys. */
export function swipeKey(at: number, key: string): number | null {
  const moves: Record<string, number> = {
    ArrowLeft: at - STEP,
    ArrowDown: at - STEP,
    ArrowRight: at + STEP,
    ArrowUp: at + STEP,
    PageDown: at - PAGE,
    PageUp: at + PAGE,
    Home: SWIPE_MIN,
    End: SWIPE_MAX,
  };
  return key in moves ? clampSwipe(+moves[key].toFixed(3)) : null;
}
