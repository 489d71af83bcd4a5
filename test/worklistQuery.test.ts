import { describe, expect, it } from 'vitest';
import { worklistQuery } from '../client/lib/worklistQuery.js';
import { parseWorklistQuery } from '../server/routes/worklistParams.js';

// The contract between the client's worklist query and the server's parser, across the layers (hence here).
describe('worklist query', () => {
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
});
