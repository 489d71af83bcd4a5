import { useCallback, useEffect, useState } from 'react';
import { parseView, serializeView, type ViewState } from '../../shared/domain/view.js';

/** The view, read from the URL once and written back to it (replacing the entry) on every change. */
export function useViewUrl() {
  const [view, setView] = useState<ViewState>(() => parseView(window.location.search));
  const patch = useCallback((p: Partial<ViewState>) => setView((v) => ({ ...v, ...p })), []);
  useEffect(() => {
    window.history.replaceState(null, '', serializeView(view) || window.location.pathname);
  }, [view]);
  return { view, setView, patch };
}
