import { describe, expect, it } from 'vitest';
import { byCode, clamp } from './helpers.js';

describe('helpers', () => {
  it('clamps into the range', () => {
    expect(clamp(-0.2, 0, 0.995)).toBe(0);
    expect(clamp(0.5, 0, 0.995)).toBe(0.5);
    expect(clamp(1.3, 0, 0.995)).toBe(0.995);
  });

  it('orders codes as strings, leading zeros kept', () => {
    const codes = ['755', '09169', '00006', '27', '00001'].map((code) => ({ code }));
    expect(codes.sort(byCode).map((u) => u.code)).toEqual(['00001', '00006', '09169', '27', '755']);
    expect(byCode({ code: '01' }, { code: '01' })).toBe(0);
  });
});
