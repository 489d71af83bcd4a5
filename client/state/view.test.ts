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
    level: 'commune',
    province: '24',
    unit: '09367',
    at: { zoom: 9.5, lat: 21.1234, lng: 105.9876 },
    present: true,
    title: 'Kết quả năm 2025 & kế hoạch 2026',
    subtitle: 'Hội nghị tổng kết, Hà Nội',
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
  it('ignores malformed values', () => {
    expect(parseView('?year=20x3&unit=<script>&metric=evil&k=99&at=1/2&province=1')).toEqual({ ...DEFAULT_VIEW, k: 9 });
  });
});
