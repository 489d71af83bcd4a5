import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { withoutPadding } from './withoutPadding.js';

/** The two methods withoutPadding uses, recording each padding set. */
function padded(p: PaddingOptions) {
  const set: PaddingOptions[] = [];
  const map = { getPadding: () => p, setPadding: (q: PaddingOptions) => (set.push(q), (p = q)) };
  return { map: map as unknown as MapLibreMap, set, now: () => p };
}

describe('withoutPadding', () => {
  it('takes the padding off while the export runs and puts it back after, also when the export fails', async () => {
    const a = padded({ top: 0, right: 0, bottom: 459, left: 0 });
    const b = padded({ top: 0, right: 0, bottom: 0, left: 0 });
    const seen = await withoutPadding([a.map, b.map, null], async () => [a.now().bottom, b.now().bottom]);
    expect(seen).toEqual([0, 0]);
    expect(a.now()).toEqual({ top: 0, right: 0, bottom: 459, left: 0 });
    // A map without padding is left alone.
    expect(b.set).toEqual([]);
    await expect(withoutPadding([a.map], () => Promise.reject(new Error('hỏng')))).rejects.toThrow('hỏng');
    expect(a.now().bottom).toBe(459);
  });
});
