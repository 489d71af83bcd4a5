import { useEffect, useState } from 'react';
import { formatTime } from '../../shared/lib/format.js';
import { useDataVersion } from '../state/dataVersion.js';

/** How long the notice stays on screen. */
const SHOWN_MS = 10_000;

/**
 * "Số liệu đã được cập nhật lúc 15:42": said once (a polite live region, read out by screen readers) and shown for a
 * few seconds when the page found its figures stale and loaded them again. Always in the page, so that the region is
 * there before its words change; the words stay (faded out) until the next update, for a reader who looks for them.
 */
export function DataUpdated() {
  const { updatedAt } = useDataVersion();
  const [hiddenAt, setHiddenAt] = useState<Date | null>(null);
  useEffect(() => {
    if (!updatedAt) return;
    const t = window.setTimeout(() => setHiddenAt(updatedAt), SHOWN_MS);
    return () => window.clearTimeout(t);
  }, [updatedAt]);
  const shown = updatedAt !== null && hiddenAt !== updatedAt;
  return (
    <p className={shown ? 'data-updated shown' : 'data-updated'} role="status" aria-live="polite" aria-atomic="true">
      {updatedAt ? `Số liệu đã được cập nhật lúc ${formatTime(updatedAt)}` : ''}
    </p>
  );
}
