import { describe, expect, it } from 'vitest';
import { buildLegend, type Row } from '../../shared/lib/legendModel.js';
import { HOT_SPOT_COLOR } from '../map/planLayers.js';
import { BIVARIATE_COLORS, bivariateMap } from './bivariate.js';
import { planLegend } from './planLegend.js';

// Three communes classed and one without a population (no density: no data).
const rows = (
  [
    ['a', 'chua_dat', 1, 10_000],
    ['b', 'dat', 5, 10_000],
    ['c', 'dat', 9, 10_000],
    ['d', 'dat', 4, null],
  ] as const
).map(([code, status, models, population]) => ({ code, status, residential: { total: 10, certified: 8 }, models, population }));
const status = buildLegend(
  rows.map((r): Row => ({ ...r, areaKm2: 1 })),
  { metric: 'status', denominator: 'population', changeFrom: null, classing: { method: 'quantile', k: 5, breaks: [] } },
);
const overlay = { keyAreas: 3, hotSpots: 1 };

describe('the worklist map as printed', () => {
  it('nothing drawn over the map: no legend of its own', () => {
    expect(planLegend(status, null, 'status', null)).toBeNull();
  });
  it('the bivariate map: its nine cells, high density first, its communes without data hatched, its colours', () => {
    const bivar = bivariateMap(rows, 'status');
    const L = planLegend(status, bivar, 'status', null)!;
    expect(L.entries).toHaveLength(10);
    expect(L.entries[0]).toMatchObject({ id: '0-2', color: BIVARIATE_COLORS['0-2'], count: bivar.counts['0-2'] });
    expect(L.entries[0].label).toContain('×');
    expect(L.entries.at(-1)).toMatchObject({ hatched: true, count: 1 });
    expect(L.colors).toBe(bivar.fills);
    expect(L.entries.reduce((n, e) => n + e.count, 0)).toBe(rows.length);
  });
  it('the key areas and hot spots after the classes, over the bivariate map or the map itself', () => {
    const over = planLegend(status, bivariateMap(rows, 'status'), 'status', overlay)!;
    expect(over.entries.slice(-2).map((e) => [e.label, e.count])).toEqual([['Địa bàn trọng điểm, phức tạp', 3], ['Điểm nóng', 1]]);
    expect(over.entries.at(-1)!.color).toBe(HOT_SPOT_COLOR);
    const plain = planLegend(status, null, 'status', overlay)!;
    expect(plain.entries).toEqual([...status.entries, ...over.entries.slice(-2)]);
    expect(plain.colors).toBe(status.colors);
  });
});
