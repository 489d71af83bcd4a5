import { useCallback, useEffect, useRef, useState } from 'react';
import { parseView, serializeView, type ViewState } from '../../shared/domain/view.js';
import { isNavigation } from './viewHistory.js';

/**
 * The view, read from the URL and written back to it on every change: a new history entry for a step Back should
 * undo (`isNavigation`), else the page's entry replaced. Back and Forward bring the entry's view back.
 */
export function useViewUrl() {
  const [view, setView] = useState<ViewState>(() => parseView(window.location.search));
  // The view the current history entry was written for.
  const entry = useRef(view);
  const patch = useCallback((p: Partial<ViewState>) => setView((v) => ({ ...v, ...p })), []);
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
      setView(v);
    };
    window.addEventListener('popstate', restore);
    return () => window.removeEventListener('popstate', restore);
  }, []);
  return { view, setView, patch };
}
