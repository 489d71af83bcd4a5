import { useState } from 'react';
import { PHONE_QUERY } from '../state/useMedia.js';

/** Whether a legend is open: folded to its title on a phone at first, so that the map has the screen. */
export function useLegendOpen() {
  return useState(() => typeof window === 'undefined' || !window.matchMedia(PHONE_QUERY).matches);
}

/** A legend's title, which folds and opens it. */
export function LegendTitle({ title, open, onToggle }: { title: string; open: boolean; onToggle: () => void }) {
  return (
    <h2>
      <button className="legend-toggle" aria-expanded={open} onClick={onToggle} title={open ? 'Thu gọn chú giải' : 'Mở chú giải'}>
        {title}
        <span aria-hidden className="legend-chevron">{open ? '▾' : '▸'}</span>
      </button>
    </h2>
  );
}
