import { describe, expect, it } from 'vitest';
import { fmtBytes, fmtCount, fmtMs, fmtPercent, fmtRate, fmtRatio } from './format.js';

describe('format', () => {
  it('prints bytes in decimal units', () => {
    expect(fmtBytes(512)).toBe('512 B');
    expect(fmtBytes(626_412)).toBe('626 KB');
    expect(fmtBytes(1_000_000)).toBe('1.0 MB');
    expect(fmtBytes(43_407_772)).toBe('43 MB');
  });
  it('prints durations in ms below a second, in s above', () => {
    expect(fmtMs(4.26)).toBe('4.3 ms');
    expect(fmtMs(85.4)).toBe('85 ms');
    expect(fmtMs(1234)).toBe('1.23 s');
    expect(fmtMs(31_250)).toBe('31.3 s');
  });
  it('prints rates, counts, ratios and shares', () => {
    expect(fmtRate(12345.6)).toBe('12,346 req/s');
    expect(fmtCount(1_234_567)).toBe('1,234,567');
    expect(fmtRatio(69.3)).toBe('69×');
    expect(fmtRatio(9.84)).toBe('9.8×');
    expect(fmtRatio(0.456)).toBe('0.46×');
    expect(fmtPercent(0.526)).toBe('53 %');
  });
});
