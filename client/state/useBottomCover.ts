import { useEffect, useState } from 'react';
import { bottomCover } from '../lib/bottomCover.js';

/**
 * The pixels at the bottom of `stage` that its sheets hide (lib/bottomCover.ts), kept up to date as sheets open,
 * close or change size; 0 while `enabled` is false.
 */
export function useBottomCover(stage: HTMLElement | null, enabled: boolean): number {
  const [cover, setCover] = useState(0);
  useEffect(() => {
    const el = stage;
    if (!el || !enabled) {
      setCover(0);
      return;
    }
    const measure = () => setCover(bottomCover(el.getBoundingClientRect(), [...el.children].map((c) => c.getBoundingClientRect())));
    const sizes = new ResizeObserver(measure);
    const watch = () => {
      sizes.disconnect();
      sizes.observe(el);
      for (const c of el.children) sizes.observe(c);
      measure();
    };
    const children = new MutationObserver(watch);
    children.observe(el, { childList: true });
    watch();
    return () => {
      children.disconnect();
      sizes.disconnect();
    };
  }, [stage, enabled]);
  return cover;
}
