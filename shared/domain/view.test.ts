import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseView, serializeView, type ViewState } from './view.js';

describe('view state in the URL', () => {
  const full: ViewState = {
    metric: 'density',
    denominator: 'area',
    changeFrom: 2023,
    method: 'manual',
    k: 4,
    breaks: [0.5, 1.25, 3],
    year: 2025,
    compareYear: 2024,
    compareMetric: 'rate',
    compareDenominator: 'residential',
    compareMethod: 'manual',
    compareK: 6,
    compareBreaks: [0.5, 0.9, 0.99],
    swipe: 0.375,
    level: 'commune',
    province: '24',
    unit: '09367',
    at: { zoom: 9.5, lat: 21.1234, lng: 105.9876 },
    present: true,
    title: 'Kết quả năm 2025 & kế hoạch 2026',
    subtitle: 'Hội nghị tổng kết, Hà Nội',
    deck: 12,
    slide: 3,
  };
  it.each<ViewState>([DEFAULT_VIEW, full, { ...DEFAULT_VIEW, level: 'province', unit: '24', year: 2022, method: 'jenks', k: 7 }])(
    'round-trips %o',
    (v) => {
      expect(parseView(serializeView(v))).toEqual(v);
    },
  );
  it('writes nothing for the default view, and short links for small changes', () => {
    expect(serializeView(DEFAULT_VIEW)).toBe('');
    expect(serializeView({ ...DEFAULT_VIEW, year: 2023, unit: '09367' })).toBe('?year=2023&unit=09367');
  });
  it('keeps presentation mode and its title in the link', () => {
    const v = { ...DEFAULT_VIEW, present: true, title: 'Toàn dân bảo vệ ANTQ: 50% + 1?', subtitle: null };
    expect(serializeView(v)).toMatch(/present=1/);
    expect(parseView(serializeView(v))).toEqual(v);
    expect(parseView('?present=0&title=%20')).toEqual(DEFAULT_VIEW);
  });
  it('keeps the deck being played and its slide; ignores ids that are not positive integers', () => {
    expect(serializeView({ ...DEFAULT_VIEW, present: true, deck: 4, slide: 2 })).toBe('?present=1&deck=4&slide=2');
    expect(parseView('?deck=0&slide=-1')).toEqual(DEFAULT_VIEW);
    expect(parseView('?deck=1.5&slide=x')).toEqual(DEFAULT_VIEW);
  });
  it('keeps a two-metric comparison in the link, side by side or as a swipe', () => {
    const twoMetrics: ViewState = { ...DEFAULT_VIEW, year: 2025, compareYear: 2025, compareMetric: 'density', compareMethod: 'jenks', compareK: 4 };
    expect(serializeView(twoMetrics)).toBe('?year=2025&compare=2025&cmetric=density&cclass=jenks&ck=4');
    expect(parseView(serializeView(twoMetrics))).toEqual(twoMetrics);
    const swipe = { ...twoMetrics, swipe: 0.62 };
    expect(serializeView(swipe)).toMatch(/&swipe=0.62$/);
    expect(parseView(serializeView(swipe))).toEqual(swipe);
    // The same metric on both maps: no own classing in the link.
    expect(serializeView({ ...DEFAULT_VIEW, compareYear: 2023 })).toBe('?compare=2023');
  });
  it('writes nothing of a second map that is not shown', () => {
    expect(serializeView({ ...DEFAULT_VIEW, compareMetric: 'density', compareK: 7, swipe: 0.5 })).toBe('');
  });
  it('drops malformed and out-of-range values to the defaults: the rule of saved views, never clamped', () => {
    expect(parseView('?compare=2024&cmetric=evil&cdenom=x&cclass=y&ck=1&cbreaks=a,2&swipe=abc')).toEqual({ ...DEFAULT_VIEW, compareYear: 2024 });
    expect(parseView('?compare=2024&swipe=7').swipe).toBeNull();
    expect(parseView('?year=20x3&unit=<script>&metric=evil&k=99&at=1/2&province=1')).toEqual(DEFAULT_VIEW);
    expect(parseView('?year=1989&change=2101&at=25/16/106').year).toBeNull();
    expect(parseView('?at=25/16/106').at).toBeNull();
    expect(parseView('?at=24/16/106').at).toEqual({ zoom: 24, lat: 16, lng: 106 });
  });
});
