import { describe, expect, it } from 'vitest';
import { REF } from '../../test/support/storeFixture.js';
import { assessedUnits } from './assessed.js';

describe('assessedUnits', () => {
  it('takes the communes and the districts without communes, never provinces', () => {
    const pre = REF.units.filter((u) => u.vintage === 'pre2025');
    expect(assessedUnits(pre).map((u) => u.code)).toEqual(['009', '10001', '10002', '10003']);
    const now = REF.units.filter((u) => u.vintage === '2025');
    expect(assessedUnits(now).map((u) => u.code)).toEqual(['00001', '00002']);
  });

  it('drops a district as soon as one commune names it', () => {
    const units = [
      { code: '001', level: 'district' as const, districtCode: null },
      { code: '10001', level: 'commune' as const, districtCode: '001' },
    ];
    expect(assessedUnits(units).map((u) => u.code)).toEqual(['10001']);
    expect(assessedUnits(units.slice(0, 1)).map((u) => u.code)).toEqual(['001']);
  });
});
