import { describe, expect, it } from 'vitest';
import type { Status } from '../domain/types.js';
import { boundDecimals, buildLegend, formatMetric, type Row, type Symbology } from './legendModel.js';
import { NO_DATA_COLOR, STATUS_COLORS } from './statusClasses.js';

const row = (code: string, status: Status | null, certified: number, models: number, population: number | null): Row => ({
  code, status, residential: { total: 10, certified }, models, population, areaKm2: 20,
});
const rows: Row[] = [
  row('A', 'dat', 10, 5, 10_000),
  row('B', 'dat', 9, 2, 10_000),
  row('C', 'chua_dat', 4, 1, 20_000),
  row('D', 'chua_danh_gia', 0, 0, 5_000),
  row('E', null, 0, 0, 5_000),
  row('F', 'dat', 8, 8, null),
];
const spec = (o: Partial<Symbology> = {}): Symbology => ({
  metric: 'rate', denominator: 'population', changeFrom: null, classing: { method: 'equal', k: 3, breaks: [] }, ...o,
});

describe('buildLegend', () => {
  it('status: one class per status plus "no data", with counts and colours', () => {
    const l = buildLegend(rows, spec({ metric: 'status' }));
    expect(l.entries.map((e) => [e.label, e.count])).toMatchInlineSnapshot(`
      [
        [
          "Đạt",
          3,
        ],
        [
          "Chưa đạt",
          1,
        ],
        [
          "Chưa đánh giá",
          1,
        ],
        [
          "Không có số liệu",
          1,
        ],
      ]
    `);
    expect(l.colors.get('C')).toBe(STATUS_COLORS.chua_dat);
    expect(l.noData).toEqual(new Set(['E']));
  });

  it('rate: classes with ranges and counts; "no data" is its own entry', () => {
    const l = buildLegend(rows, spec());
    expect(l.kind).toBe('sequential');
    expect(l.breaks).toEqual([1 / 3, 2 / 3]);
    expect(l.entries.map((e) => `${e.label}: ${e.count}`)).toMatchInlineSnapshot(`
      [
        "0,00% – < 33,33%: 1",
        "33,33% – < 66,67%: 1",
        "66,67% – 100,00%: 3",
        "Không có số liệu: 1",
      ]
    `);
    expect(l.entries.at(-1)!.color).toBe(NO_DATA_COLOR);
    expect(l.histogram.reduce((a, b) => a + b.count, 0)).toBe(5);
  });

  it('density per resident: a commune without population has no data, not zero', () => {
    const l = buildLegend(rows, spec({ metric: 'density' }));
    expect(l.noData).toEqual(new Set(['E', 'F']));
    expect(l.values.get('D')).toBe(0);
    expect(l.values.get('A')).toBe(5);
  });

  it('a figure a commune did not report is hatched "no data" on the rate and density maps, never classed as 0', () => {
    const partial: Row[] = [...rows, { ...row('G', 'dat', 0, 0, 10_000), residential: null, models: null } as Row];
    for (const s of [spec(), spec({ metric: 'density' }), spec({ metric: 'density', denominator: 'area' })]) {
      const l = buildLegend(partial, s);
      expect(l.noData.has('G')).toBe(true);
      expect(l.colors.get('G') ?? NO_DATA_COLOR).toBe(NO_DATA_COLOR);
      expect(l.values.has('G')).toBe(false);
    }
    // Its status is reported: the status map colours it.
    expect(buildLegend(partial, spec({ metric: 'status' })).colors.get('G')).toBe(STATUS_COLORS.dat);
  });

  it('status change: lost, still not, gained, kept', () => {
    const before = [row('A', 'chua_dat', 0, 0, 1), row('B', 'dat', 0, 0, 1), row('C', 'dat', 0, 0, 1), row('D', 'chua_dat', 0, 0, 1)];
    const l = buildLegend(rows, spec({ metric: 'status', changeFrom: 2024 }), before);
    expect(Object.fromEntries(l.entries.map((e) => [e.id, e.count]))).toEqual({ lost: 1, still_not: 1, gained: 1, kept: 1, no_data: 2 });
  });

  it('rate change: a diverging scale centred on zero', () => {
    const before = rows.map((r) => ({ ...r, residential: { total: 10, certified: 5 } }));
    const l = buildLegend(rows, spec({ changeFrom: 2024, classing: { method: 'equal', k: 5, breaks: [] } }), before);
    expect(l.kind).toBe('diverging');
    expect(l.breaks.some((b) => b < 0) && l.breaks.some((b) => b > 0)).toBe(true);
    expect(l.values.get('A')).toBeCloseTo(0.5);
    expect(l.values.get('D')).toBeCloseTo(-0.5);
  });

  it('manual breaks are used as given', () => {
    const l = buildLegend(rows, spec({ classing: { method: 'manual', k: 3, breaks: [0.9, 0.5] } }));
    expect(l.breaks).toEqual([0.5, 0.9]);
    expect(l.entries.slice(0, 3).map((e) => e.count)).toEqual([2, 1, 2]);
  });
});

describe('formatMetric', () => {
  it('prints values with their Vietnamese units', () => {
    expect(formatMetric(0.9475, 'rate', 'population')).toBe('94,75%');
    expect(formatMetric(0.031, 'rate', 'population', true)).toBe('+3,1 điểm %');
    expect(formatMetric(2.345, 'density', 'population')).toBe('2,3 mô hình/10.000 dân');
    expect(formatMetric(null, 'density', 'area')).toBe('Không có số liệu');
    expect(formatMetric(0.00432, 'density', 'area')).toBe('0,0043 mô hình/km²');
    expect(formatMetric(6000, 'density', 'population')).toBe('6.000 mô hình/10.000 dân');
  });

  it('prints class bounds with the decimals that tell them apart', () => {
    expect(boundDecimals([0, 1.6, 2.3, 3.1], 1)).toBe(1);
    expect(boundDecimals([0, 0.004, 0.03, 0.1, 0.31], 1)).toBe(3);
    // Equal bounds (a class of one value) do not ask for more.
    expect(boundDecimals([2, 2, 3.5], 1)).toBe(1);
    expect(boundDecimals([-0.031, 0, 0.0312, 0.0314], 1, 100)).toBe(2);
  });
});

describe('legend bounds of small densities', () => {
  it('never prints "0 – < 0": per-km² classes get the decimals they need', () => {
    const small = [0.001, 0.002, 0.004, 0.01, 0.02, 0.05, 0.08, 0.2, 0.3, 29].map((km2Models, i) => ({ ...row(`K${i}`, 'dat', 5, Math.round(km2Models * 1000), 1000), areaKm2: 1000 }));
    const l = buildLegend(small, spec({ metric: 'density', denominator: 'area', classing: { method: 'quantile', k: 5, breaks: [] } }));
    const labels = l.entries.slice(0, 5).map((e) => e.label);
    expect(new Set(labels).size).toBe(5);
    expect(labels[0]).toBe('0,001 – < 0,004');
    for (const label of labels) expect(label).not.toMatch(/^(\S+) – < \1$/);
  });
});
