import { describe, expect, it, vi } from 'vitest';
import { formatCount, formatFixed2, formatPercent, formatTally, formatTime } from './format.js';

describe('Vietnamese number format', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatCount(5027)).toBe('5.027');
    expect(formatCount(12.25)).toBe('12,3');
    expect(formatPercent(0.9475)).toBe('94,75%');
    expect(formatPercent(1)).toBe('100,00%');
  });
  it('prints a time of day on the 24-hour clock', () => {
    expect(formatTime(new Date(2026, 0, 1, 9, 5))).toBe('09:05');
    expect(formatTime(new Date(2026, 0, 1, 15, 42, 59))).toBe('15:42');
  });
  it('prints a tally as the reports do', () => {
    expect(formatTally({ certified: 709, total: 730 })).toBe('709/730 (97,12%)');
  });
  it('shows a dash for missing values', () => {
    expect(formatCount(null)).toBe('–');
    expect(formatPercent(null)).toBe('–');
    // A reported zero is 0; a pair not reported is said so, never 0.
    expect(formatTally({ total: 0, certified: 0 })).toBe('0');
    expect(formatTally(null)).toBe('chưa báo cáo');
  });
});

describe('start-up cost', () => {
  it('formats numbers without Intl.NumberFormat (whose locale data a page would load before its map)', async () => {
    vi.resetModules();
    const Original = Intl.NumberFormat;
    let made = 0;
    Intl.NumberFormat = function (...args: ConstructorParameters<typeof Original>) {
      made++;
      return new Original(...args);
    } as unknown as typeof Intl.NumberFormat;
    try {
      const m = await import('./format.js');
      expect(m.formatCount(1234)).toBe('1.234');
      expect(m.formatPercent(0.9475)).toBe('94,75%');
      expect(m.formatDecimal(2.345, 2)).toBe('2,35');
      expect(m.formatSignificant(0.004321, 2)).toBe('0,0043');
      expect(m.formatArea(1234.56)).toBe('1.234,6 km²');
      expect(made).toBe(0);
    } finally {
      Intl.NumberFormat = Original;
    }
  });

  it('formats two fixed decimals', () => {
    expect(formatFixed2(94.7)).toBe('94,70');
    expect(formatFixed2(1234.5)).toBe('1.234,50');
  });
});
