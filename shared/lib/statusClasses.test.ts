import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR, STATUS_COLORS, statusLegend } from './statusClasses.js';

describe('statusLegend', () => {
  const legend = statusLegend({ certified: 3100, notCertified: 150, notAssessed: 50, noData: 21 });
  it('lists the three statuses then "no data", with counts', () => {
    expect(legend.map((c) => [c.label, c.count])).toEqual([
      ['Đạt', 3100],
      ['Chưa đạt', 150],
      ['Chưa đánh giá', 50],
      ['Không có số liệu', 21],
    ]);
  });
  it('never gives "no data" a status colour, and hatches it', () => {
    const nd = legend.at(-1)!;
    expect(nd.hatched).toBe(true);
    expect(Object.values(STATUS_COLORS)).not.toContain(NO_DATA_COLOR);
    expect(new Set(legend.map((c) => c.color)).size).toBe(4);
  });
});
