import { useCallback, useEffect, useRef, useState, type SetStateAction } from 'react';
import { parseView, serializeView, type ViewState } from '../../shared/domain/view.js';
import { isNavigation } from './viewHistory.js';

/** The camera of a history entry brought back: its position, or null to fit the country or the province. */
export interface RestoredCamera {
  at: ViewState['at'];
  key: string;
}

/**
 * The view, read from the URL and written back to it on every change: a new history entry for a step Back should
 * undo (`isNavigation`), else the page's entry replaced. Back and Forward bring the entry's view back, and its
 * camera (`restored`, until the view next changes).
 */
export function useViewUrl() {
  const [view, setViewState] = useState<ViewState>(() => parseView(window.location.search));
  const [restored, setRestored] = useState<RestoredCamera | null>(null);
  // The view the current history entry was written for.
  const entry = useRef(view);
  const restores = useRef(0);
  const setView = useCallback((next: SetStateAction<ViewState>) => {
    setRestored(null);
    setViewState(next);
  }, []);
  const patch = useCallback((p: Partial<ViewState>) => setView((v) => ({ ...v, ...p })), [setView]);
  useEffect(() => {
    const step = isNavigation(entry.current, view);
    entry.current = view;
    const search = serializeView(view);
    if (search === window.location.search) return;
    window.history[step ? 'pushState' : 'replaceState'](null, '', search || window.location.pathname);
  }, [view]);
  useEffect(() => {
    const restore = () => {
      const v = parseView(window.location.search);
      entry.current = v;
      setViewState(v);
      setRestored({ at: v.at, key: `history-${++restores.current}` });
    };
    window.addEventListener('popstate', restore);
    return () => window.removeEventListener('popstate', restore);
  }, []);
  return { view, setView, patch, restored };
}
