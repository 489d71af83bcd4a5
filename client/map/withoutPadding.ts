import type { Map as MapLibreMap } from 'maplibre-gl';

const NONE = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * Runs `fn` with the maps' padding (the part a phone's sheet hides) taken off: what was seen is then in the middle of
 * the canvas, which an export draws whole. The padding is put back afterwards, whatever `fn` does.
 */
export async function withoutPadding<T>(maps: readonly (MapLibreMap | null | undefined)[], fn: () => Promise<T>): Promise<T> {
  const padded = maps.flatMap((m) => {
    const p = m?.getPadding();
    return m && p && (p.top || p.right || p.bottom || p.left) ? [{ m, p }] : [];
  });
  for (const { m } of padded) m.setPadding(NONE);
  try {
    return await fn();
  } finally {
    for (const { m, p } of padded) m.setPadding(p);
  }
}
