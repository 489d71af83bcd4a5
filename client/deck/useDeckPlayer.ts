import { useEffect, useEffectEvent } from 'react';
import { useAsync } from '../state/useData.js';
import { parseView, type ViewState } from '../../shared/domain/view.js';
import { fetchDeck, type Deck } from './deckApi.js';
import { slideForKey, viewOfSlide } from './slides.js';
import { swipeStep } from './slideSwipe.js';

export interface DeckPlayer {
  deck: Deck | null;
  error: string | null;
  /** The slide shown, 1-based (1 for an empty deck). */
  n: number;
  count: number;
  go: (n: number) => void;
  /** The slide's saved position, for the map, while the slide's place is shown (a drill-down by hand lets the map fit). */
  camera: { at: ViewState['at']; key: string } | null;
}

const isTextField = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * Plays the deck named in the view (`deck`, `slide`): loads it, shows the slide's view in presentation
 * mode, and steps through it with the keyboard or, on a tablet, a swipe.
 */
export function useDeckPlayer(view: ViewState, setView: (fn: (v: ViewState) => ViewState) => void): DeckPlayer {
  const loaded = useAsync(view.deck !== null ? () => fetchDeck(view.deck!) : null, [view.deck]);
  const deck = loaded.value && loaded.value.id === view.deck ? loaded.value : null;
  const count = deck?.slides.length ?? 0;
  const n = Math.min(Math.max(view.slide ?? 1, 1), Math.max(count, 1));
  const slide = deck?.slides[n - 1] ?? null;
  // The slide's whole view at once: no render shows the new slide number over the old view.
  const go = (to: number) => {
    const next = deck?.slides[to - 1];
    if (deck && next) setView(() => viewOfSlide(next, deck.id, to));
  };

  // Effect events: the caller's setView need not be stable.
  const show = useEffectEvent((d: NonNullable<typeof deck>, s: NonNullable<typeof slide>, at: number) => setView(() => viewOfSlide(s, d.id, at)));
  const turnTo = useEffectEvent((to: number) => go(to));
  useEffect(() => {
    if (deck && slide) show(deck, slide, n);
  }, [deck, slide, n]);

  const playing = view.present && deck !== null;
  useEffect(() => {
    if (!playing) return;
    const onKey = (e: KeyboardEvent) => {
      const to = slideForKey(e.key, n, count, { modifier: e.altKey || e.ctrlKey || e.metaKey || e.shiftKey, inTextField: isTextField(e.target) });
      if (to === null) return;
      // Captured before the map sees it: the arrows step the deck instead of panning.
      e.preventDefault();
      e.stopPropagation();
      if (to !== n) turnTo(to);
    };
    // On a tablet a swipe turns the page; one finger only (two pinch the map).
    let start: { x: number; y: number; t: number } | null = null;
    const onStart = (e: TouchEvent) => {
      start = e.touches.length === 1 ? { x: e.touches[0].clientX, y: e.touches[0].clientY, t: e.timeStamp } : null;
    };
    const onEnd = (e: TouchEvent) => {
      const t = e.changedTouches[0];
      if (!start || !t || isTextField(e.target)) return;
      const step = swipeStep({ dx: t.clientX - start.x, dy: t.clientY - start.y, ms: e.timeStamp - start.t });
      start = null;
      const to = Math.min(count, Math.max(1, n + step));
      if (step && to !== n) turnTo(to);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('touchstart', onStart, { capture: true, passive: true });
    window.addEventListener('touchend', onEnd, { capture: true, passive: true });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('touchstart', onStart, true);
      window.removeEventListener('touchend', onEnd, true);
    };
  }, [playing, n, count]);

  const saved = slide ? parseView(slide.view) : null;
  const camera = deck && slide && saved && saved.province === view.province ? { at: saved.at, key: `${deck.id}/${slide.id}/${deck.updatedAt}` } : null;
  return { deck, error: view.deck !== null ? loaded.error : null, n, count, go, camera };
}
