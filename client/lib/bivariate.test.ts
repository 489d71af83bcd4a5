import { describe, expect, it } from 'vitest';
import { BIVARIATE_COLORS, LEGEND_GRID, bivariateMap } from './bivariate.js';

const row = (code: string, status: 'dat' | 'chua_dat' | null, models: number, population: number | null = 10_000) => ({
  code,
  status,
  residential: { total: 10, certified: 8 },
  models,
  population,
});

describe('bivariateMap', () => {
  const rows = [row('a', 'chua_dat', 1), row('b', 'dat', 5), row('c', 'dat', 9), row('d', 'dat', 4, null), row('e', null, 4)];
  const m = bivariateMap(rows, 'status');

  it('colours each commune by its cell and counts the cells', () => {
    expect(m.cells.get('a')).toBe('0-0');
    expect(m.fills.get('c')).toBe(BIVARIATE_COLORS['2-2']);
    expect(Object.values(m.counts).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('leaves communes without population or status out (no data, hatched on the map)', () => {
    expect(m.fills.has('d')).toBe(false);
    expect(m.fills.has('e')).toBe(false);
    expect(m.noData).toBe(2);
  });

  it('has nine distinct colours, laid out high density on top', () => {
    expect(new Set(Object.values(BIVARIATE_COLORS)).size).toBe(9);
    expect(LEGEND_GRID[0]).toEqual(['0-2', '1-2', '2-2']);
    expect(LEGEND_GRID[2][0]).toBe('0-0');
  });
});
