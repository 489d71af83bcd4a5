import { useEffect, useState } from 'react';
import { mapCover, NO_COVER, type Cover } from '../lib/mapCover.js';

/**
 * What the panels over the main map hide of it (lib/mapCover.ts), kept up to date as they open, close or change
 * size; nothing while `enabled` is false.
 */
export function useMapCover(stage: HTMLElement | null, enabled: boolean): Cover {
  const [cover, setCover] = useState(NO_COVER);
  useEffect(() => {
    const el = stage;
    if (!el || !enabled) {
      setCover(NO_COVER);
      return;
    }
    const measure = () => {
      const map = el.querySelector('[data-map="main"]');
      const others = [...el.children].filter((c) => !map || !c.contains(map));
      const next = mapCover((map ?? el).getBoundingClientRect(), others.map((c) => c.getBoundingClientRect()));
      setCover((was) => (was.bottom === next.bottom && was.right === next.right ? was : next));
    };
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
