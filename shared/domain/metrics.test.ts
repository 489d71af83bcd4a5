import { describe, expect, it } from 'vitest';
import { metricAtLevel, metricValue, statusChange, valueChange, type AreaInput, type CommuneInput } from './metrics.js';

const commune = (o: Partial<CommuneInput> = {}): CommuneInput => ({
  status: 'dat', residential: { total: 20, certified: 15 }, models: 6, population: 12_000, areaKm2: 30, ...o,
});

describe('metricValue on a commune', () => {
  it('rate is the share of residential areas certified', () => {
    expect(metricValue(commune(), 'rate')).toBe(0.75);
  });
  it('density per 10,000 residents, per residential area, per km²', () => {
    expect(metricValue(commune(), 'density', 'population')).toBe(5);
    expect(metricValue(commune(), 'density', 'residential')).toBe(0.3);
    expect(metricValue(commune(), 'density', 'area')).toBe(0.2);
  });
  it('gives no data, not zero, without a population or without figures', () => {
    expect(metricValue(commune({ population: null }), 'density')).toBeNull();
    expect(metricValue(commune({ status: null }), 'rate')).toBeNull();
    expect(metricValue(commune({ residential: { total: 0, certified: 0 } }), 'rate')).toBeNull();
    expect(metricValue(commune({ models: 0 }), 'density')).toBe(0);
    // Not reported: no data (hatched), never 0.
    expect(metricValue(commune({ residential: null }), 'rate')).toBeNull();
    expect(metricValue(commune({ models: null }), 'density')).toBeNull();
    expect(metricValue(commune({ models: null }), 'density', 'area')).toBeNull();
    expect(metricValue(commune({ residential: null }), 'density', 'residential')).toBeNull();
  });
});

describe('metricValue on a province', () => {
  const area: AreaInput = {
    communes: { total: 10, certified: 8, noData: 2 }, residential: { total: 100, certified: 90 }, models: 30,
    population: 60_000, populationKnown: 9, areaKm2: 600,
    densityBase: { population: { models: 30, per: 60_000 }, area: { models: 30, per: 600 }, residential: { models: 30, per: 100 } },
  };
  it('rate is the share of communes with data that are certified', () => {
    expect(metricValue(area, 'rate')).toBe(1);
    expect(metricValue({ ...area, communes: { total: 10, certified: 6, noData: 0 } }, 'rate')).toBe(0.6);
  });
  it('density over the known population', () => {
    expect(metricValue(area, 'density')).toBe(5);
    expect(metricValue({ ...area, densityBase: { ...area.densityBase, population: { models: 0, per: 0 } } }, 'density')).toBeNull();
    expect(metricValue(area, 'density', 'area')).toBe(0.05);
  });
  it('density over the communes that reported their models only', () => {
    // 20 models reported by communes of 20,000 residents; the others' 40,000 residents did not report: 10, not 3,33.
    const partial = { ...area, models: 20, densityBase: { population: { models: 20, per: 20_000 }, area: { models: 20, per: 100 }, residential: { models: 0, per: 0 } } };
    expect(metricValue(partial, 'density')).toBe(10);
    expect(metricValue(partial, 'density', 'area')).toBe(0.2);
    expect(metricValue(partial, 'density', 'residential')).toBeNull();
  });
});

describe('changes between years', () => {
  it.each([
    ['chua_dat', 'dat', 'gained'],
    ['chua_danh_gia', 'dat', 'gained'],
    ['dat', 'chua_dat', 'lost'],
    ['dat', 'dat', 'kept'],
    ['chua_dat', 'chua_danh_gia', 'still_not'],
    [null, 'dat', null],
  ] as const)('%s → %s is %s', (a, b, want) => expect(statusChange(a, b)).toBe(want));
  it('subtracts the earlier value', () => {
    expect(valueChange(0.8, 0.9)).toBeCloseTo(0.1);
    expect(valueChange(null, 0.9)).toBeNull();
  });
});

describe('metricAtLevel', () => {
  it('shows provinces the rate where communes show their status', () => {
    expect(metricAtLevel('status', true)).toBe('rate');
    expect(metricAtLevel('status', false)).toBe('status');
    expect(metricAtLevel('density', true)).toBe('density');
    expect(metricAtLevel(null, true)).toBeNull();
  });
});
