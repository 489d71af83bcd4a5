// Between the map's view state and a deck's slides, and which slide a key goes to. Pure.

import type { SlideInput } from '../../shared/domain/deck.js';
import { METRIC_LABELS } from '../../shared/domain/metrics.js';
import { DEFAULT_VIEW, parseView, serializeView, type ViewState } from '../../shared/domain/view.js';

/**
 * The slide that saves what is on screen: the view without the presentation keys, with the year shown
 * written out (a view on "the latest year" would change when a new year is imported), the title shown,
 * and the subtitle only when the presenter wrote one (else each slide shows its place's default).
 */
export function slideOfView(view: ViewState, shownYear: number, shownTitle: string): SlideInput {
  const saved: ViewState = { ...view, year: shownYear, present: false, title: null, subtitle: null, deck: null, slide: null };
  return { title: shownTitle, subtitle: view.subtitle, view: serializeView(saved).replace(/^\?/, '') };
}

/** The view that plays slide `n` (1-based) of a deck, in presentation mode. */
export function viewOfSlide(slide: SlideInput, deckId: number, n: number): ViewState {
  return { ...DEFAULT_VIEW, ...parseView(slide.view), present: true, title: slide.title, subtitle: slide.subtitle, deck: deckId, slide: n };
}

/** Keys that step through a deck: arrows, Page Up/Down (what presentation clickers send), Home/End. */
const STEPS: Record<string, (n: number, count: number) => number> = {
  ArrowRight: (n) => n + 1,
  ArrowDown: (n) => n + 1,
  PageDown: (n) => n + 1,
  ArrowLeft: (n) => n - 1,
  ArrowUp: (n) => n - 1,
  PageUp: (n) => n - 1,
  Home: () => 1,
  End: (_, count) => count,
};
/** Keys that also move the caret in a text field: left to the field while one has focus. */
const CARET_KEYS = new Set(['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End']);

/**
 * The slide (1-based) a key goes to from slide `n` of `count`, kept within the deck; null when the key
 * does not step (another key, a modifier held, or a caret key typed in a text field).
 */
export function slideForKey(key: string, n: number, count: number, opts: { modifier: boolean; inTextField: boolean }): number | null {
  const step = STEPS[key];
  if (!step || opts.modifier || count === 0 || (opts.inTextField && CARET_KEYS.has(key))) return null;
  return Math.min(count, Math.max(1, step(n, count)));
}

/** One line saying what a slide shows: metric, year(s) and place, e.g. "Tỷ lệ đạt chuẩn · 2023 so với 2021 · Bắc Ninh". */
export function describeSlide(view: string, provinceName: (code: string) => string): string {
  const v = parseView(view);
  const years = v.changeFrom !== null ? `thay đổi ${v.changeFrom}–${v.year}` : v.compareYear !== null ? `${v.year} và ${v.compareYear}` : `${v.year ?? 'năm mới nhất'}`;
  const place = v.province ? provinceName(v.province) : v.level === 'province' ? 'Toàn quốc, cấp tỉnh' : 'Toàn quốc';
  return [METRIC_LABELS[v.metric], years, place].join(' · ');
}

/** The ids with the one at `from` moved to index `to` (a button's step or a drop). */
export function moveItem<T>(ids: readonly T[], from: number, to: number): T[] {
  const out = [...ids];
  const [item] = out.splice(from, 1);
  out.splice(Math.min(Math.max(to, 0), out.length), 0, item);
  return out;
}
