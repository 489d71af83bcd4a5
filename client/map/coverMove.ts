import type { Cover } from '../lib/mapCover.js';

/** What the map does when the panels over it change (MapView's padding). */
export type CoverMove = 'none' | 'keep' | 'refit' | 'ease' | 'ease-to-tap';

interface State {
  /** The map shows the extent it was fitted to (or is being fitted to it). */
  fitted: boolean;
  /** A province is drilled into. */
  drilled: boolean;
  /** The map was tapped or clicked a moment ago (the panel opening is its answer). */
  tapped: boolean;
}

/**
 * - `keep`: the whole country with a desktop's panel coming or going stays as it is on screen (fitted again into
 *   the room beside the panel it would shrink, and jump, at each unit chosen);
 * - `refit`: a fitted country under a phone's sheet, or a drilled-in province, is fitted into what is still seen;
 * - `ease-to-tap`: on a moved map, the unit tapped, which the panel might hide, comes to the middle of what is seen;
 * - `ease`: else the centre stays in the middle of what is seen.
 */
export function coverMove(now: Cover, next: Cover, s: State): CoverMove {
  if (now.bottom === next.bottom && now.right === next.right) return 'none';
  if (s.fitted) return !s.drilled && now.bottom === next.bottom ? 'keep' : 'refit';
  const grew = next.bottom > now.bottom || next.right > now.right;
  return s.tapped && grew ? 'ease-to-tap' : 'ease';
}
