import type { ViewState } from '../../shared/domain/view.js';

/**
 * Whether going from one view to the next is a step the browser's Back should undo: another province drilled
 * into or left, the other level, a unit opened or closed. Everything else (the camera, the year, the metric, the
 * classing, presentation mode, a deck's slides) replaces the page's entry, so that Back is not a walk through
 * every drag and setting.
 */
export function isNavigation(from: ViewState, to: ViewState): boolean {
  if (from.deck !== null || to.deck !== null) return false;
  return from.province !== to.province || from.level !== to.level || from.unit !== to.unit;
}
