import { describe, expect, it } from 'vitest';
import { parseWorklistQuery } from '../../server/routes/worklistParams.js';
import { DEFAULT_PLAN, toggle, worklistQuery } from './worklistQuery.js';

describe('worklistQuery', () => {
  it('sends only the year for the default criteria', () => {
    expect(worklistQuery(2025, DEFAULT_PLAN)).toEqual({ year: '2025' });
  });

  it('writes every criterion the server reads back the same', () => {
    const q = worklistQuery(2025, {
      since: 2022,
      province: '24',
      types: ['Xã', 'Phường'],
      statuses: ['chua_dat', 'none'],
      density: 'p25',
      require: ['trong_diem', 'diem_nong'],
      match: 'any',
      minScore: 0,
      cell: '0-2',
      cert: 'rate',
    });
    expect(parseWorklistQuery(q)).toEqual({
      year: 2025,
      since: 2022,
      province: '24',
      types: ['Xã', 'Phường'],
      statuses: ['chua_dat', 'none'],
      density: { kind: 'percentile', p: 25 },
      require: ['trong_diem', 'diem_nong'],
      match: 'any',
      minScore: 0,
      cell: '0-2',
      certMode: 'rate',
    });
  });

  it('drops a comparison year that is not before the year shown', () => {
    expect(worklistQuery(2023, { ...DEFAULT_PLAN, since: 2024 }).since).toBeUndefined();
  });
});

describe('toggle', () => {
  it('adds once and removes', () => {
    expect(toggle(['a'], 'a', true)).toEqual(['a']);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
