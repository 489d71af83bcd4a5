import { describe, expect, it } from 'vitest';
import { compareSide, metricLabel, paneLabel, type CompareRequest } from './compare.js';
import type { Symbology } from '../../shared/lib/legendModel.js';

const main: Symbology = { metric: 'status', denominator: 'population', changeFrom: null, classing: { method: 'jenks', k: 6, breaks: [] } };
const none: CompareRequest = { compareYear: null, compareMetric: null, compareDenominator: 'population', compareMethod: 'quantile', compareK: 5, compareBreaks: [] };
const years = [2021, 2022, 2023, 2024, 2025];

describe('the second map of a comparison', () => {
  it('is absent without a year, for a year without data, and when a change is shown', () => {
    expect(compareSide(none, main, years, false)).toBeNull();
    expect(compareSide({ ...none, compareYear: 2019 }, main, years, false)).toBeNull();
    expect(compareSide({ ...none, compareYear: 2023 }, { ...main, changeFrom: 2022 }, years, false)).toBeNull();
  });

  it('shows another year of the same metric with the first map’s classing (shared breaks)', () => {
    const side = compareSide({ ...none, compareYear: 2023, compareMethod: 'equal' }, main, years, false);
    expect(side).toEqual({ year: 2023, shared: true, symbology: main });
  });

  it('shows another metric with its own denominator and classing', () => {
    const req: CompareRequest = { ...none, compareYear: 2025, compareMetric: 'density', compareDenominator: 'area', compareMethod: 'manual', compareK: 4, compareBreaks: [1, 2] };
    expect(compareSide(req, main, years, false)).toEqual({
      year: 2025,
      shared: false,
      symbology: { metric: 'density', denominator: 'area', changeFrom: null, classing: { method: 'manual', k: 4, breaks: [1, 2] } },
    });
  });

  it('treats density over another denominator as another metric, and the same one as shared', () => {
    const density: Symbology = { ...main, metric: 'density', denominator: 'population' };
    expect(compareSide({ ...none, compareYear: 2024, compareMetric: 'density', compareDenominator: 'residential' }, density, years, false)?.shared).toBe(false);
    expect(compareSide({ ...none, compareYear: 2024, compareMetric: 'density', compareDenominator: 'population' }, density, years, false)?.shared).toBe(true);
  });

  it('shows provinces a rate where status was asked', () => {
    const rate: Symbology = { ...main, metric: 'rate' };
    const side = compareSide({ ...none, compareYear: 2024, compareMetric: 'status' }, rate, years, true);
    expect(side?.symbology.metric).toBe('rate');
    expect(side?.shared).toBe(true);
  });
});

describe('labels', () => {
  it('name the metric as the level reads it', () => {
    expect(metricLabel('rate', true)).toBe('Tỷ lệ xã, phường đạt chuẩn');
    expect(metricLabel('rate', false)).toBe('Tỷ lệ khu dân cư đạt chuẩn');
    expect(metricLabel('status', false)).toBe('Tình trạng công nhận');
  });
  it('say the year and what each map shows', () => {
    expect(paneLabel(2024, 'status', 'population', false)).toBe('Năm 2024 · Tình trạng công nhận');
    expect(paneLabel(2025, 'density', 'population', false)).toBe('Năm 2025 · Mật độ mô hình tự quản trên 10.000 dân');
  });
});
