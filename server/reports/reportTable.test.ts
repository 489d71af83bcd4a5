import { describe, expect, it } from 'vitest';
import { communeFigures } from '../../test/support/figures.js';
import { aggregate } from '../../shared/domain/aggregate.js';
import { reportTable } from './reportTable.js';
import type { ReportData } from './reportData.js';

describe('the report table', () => {
  it('writes "chưa báo cáo" for a figure a commune did not report, and the coverage in the total row', () => {
    const communes = [communeFigures('1'), communeFigures('2', { residential: null, models: null, agencies: null }), communeFigures('3')];
    const d: ReportData = {
      figures: {
        place: { kind: 'province', code: '24', name: 'Bắc Ninh', fullName: 'Tỉnh Bắc Ninh', type: 'Tỉnh', vintage: '2025', provinceName: null },
        year: 2025,
        now: aggregate(communes),
        previous: null,
        communes: communes.map((c) => ({ code: c.code, fullName: `Xã ${c.name}`, provinceName: 'Tỉnh Bắc Ninh', status: c.status, previousStatus: null, reasons: [], keyArea: false, hotSpot: false, exemplary: false })),
        reform: null,
        sample: false,
      },
      communes,
      provinces: [],
      map: { year: 2025, codes: new Set(), provinceCodes: ['24'] },
    };
    const t = reportTable(d);
    const col = (h: string) => t.columns.indexOf(h);
    expect([t.rows[1][col('Khu dân cư đạt chuẩn')], t.rows[1][col('Cơ quan, DN, nhà trường')], t.rows[1][col('Mô hình')]]).toEqual(['chưa báo cáo', 'chưa báo cáo', 'chưa báo cáo']);
    expect(t.rows[0][col('Mô hình')]).toBe('5');
    expect(t.total).toEqual(['', 'Tổng', '3 đạt', '', '20/20', '–', '10', 'khu dân cư: báo cáo 2/3 xã; cơ quan: báo cáo 2/3 xã; mô hình: báo cáo 2/3 xã']);
  });
});
