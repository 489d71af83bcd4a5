import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and newlines', () => {
    const text = '\uFEFFcode,name,note\r\n01,"Hà Nội","a, b"\r\n02,"x ""y""","line1\nline2"\n';
    expect(parseCsv(text)).toEqual([
      { code: '01', name: 'Hà Nội', note: 'a, b' },
      { code: '02', name: 'x "y"', note: 'line1\nline2' },
    ]);
  });
  it('keeps leading zeros and empty fields', () => {
    expect(parseCsv('code,a\n00004,\n')).toEqual([{ code: '00004', a: '' }]);
  });
  it('fails on a ragged row', () => {
    expect(() => parseCsv('a,b\n1\n')).toThrow(/line 2/);
  });
});
