import { describe, expect, it } from 'vitest';
import { CELL_IDS, bivariateBreaks, bivariateCell, cellLabel, type BivariateInput } from './bivariate.js';

const row = (status: BivariateInput['status'], certified: number, models: number | null, population: number | null = 10_000): BivariateInput => ({
  status,
  residential: { total: 10, certified },
  models,
  population,
});

describe('bivariate classes', () => {
  // Densities 1…9 per 10,000 → tertiles at 3.67 and 6.33.
  const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => row('dat', m, m));

  it('splits density into tertiles and reads status as an ordered class', () => {
    const b = bivariateBreaks(rows, 'status');
    expect(b.density![0]).toBeCloseTo(11 / 3, 10);
    expect(bivariateCell(row('chua_dat', 5, 1), b)).toBe('0-0');
    expect(bivariateCell(row('chua_danh_gia', 5, 5), b)).toBe('1-1');
    expect(bivariateCell(row('dat', 5, 9), b)).toBe('2-2');
  });

  it('uses the residential-area share in rate mode', () => {
    const b = bivariateBreaks(rows, 'rate');
    expect(bivariateCell(row('dat', 1, 9), b)).toBe('0-2');
    expect(bivariateCell(row('chua_dat', 9, 1), b)).toBe('2-0');
  });

  it('has no cell without population, models or status', () => {
    const b = bivariateBreaks(rows, 'status');
    expect(bivariateCell(row('dat', 5, 3, null), b)).toBeNull();
    expect(bivariateCell(row('dat', 5, null), b)).toBeNull();
    expect(bivariateCell(row(null, 5, 3), b)).toBeNull();
    expect(bivariateCell(row('dat', 5, 3), bivariateBreaks([], 'status'))).toBeNull();
  });

  it('names the nine cells', () => {
    expect(CELL_IDS).toHaveLength(9);
    expect(cellLabel('0-2', 'status')).toBe('chưa đạt × mật độ mô hình cao');
    expect(cellLabel('2-0', 'rate')).toBe('tỷ lệ khu dân cư đạt cao × mật độ mô hình thấp');
  });
});
