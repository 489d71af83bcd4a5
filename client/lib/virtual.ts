/** Which rows of a fixed-height list to render: only those in view plus a margin, so thousands stay fast. */
export interface WindowRange {
  start: number;
  end: number; // exclusive
  /** Offset of the first rendered row, and the full height the scroll area must have. */
  offset: number;
  total: number;
}

export function windowRange(p: { scrollTop: number; viewport: number; rowHeight: number; count: number; overscan?: number }): WindowRange {
  const overscan = p.overscan ?? 6;
  const first = Math.floor(Math.max(0, p.scrollTop) / p.rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(p.count, first + Math.ceil(p.viewport / p.rowHeight) + overscan);
  return { start, end: Math.max(start, end), offset: start * p.rowHeight, total: p.count * p.rowHeight };
}

/** The scrollTop that brings row `index` into view, or null when it is already fully visible. */
export function scrollToRow(index: number, p: { scrollTop: number; viewport: number; rowHeight: number }): number | null {
  const top = index * p.rowHeight;
  if (top < p.scrollTop) return top;
  if (top + p.rowHeight > p.scrollTop + p.viewport) return top + p.rowHeight - p.viewport;
  return null;
}
