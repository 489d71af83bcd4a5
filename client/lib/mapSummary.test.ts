import { describe, expect, it } from 'vitest';
import { buildLegend, type Row } from '../../shared/lib/legendModel.js';
import { mapSummary } from './mapSummary.js';

const rows: Row[] = [
  { code: 'A', status: 'dat', residential: { total: 10, certified: 10 }, models: 5, population: 10_000, areaKm2: 2 },
  { code: 'B', status: 'chua_dat', residential: { total: 10, certified: 3 }, models: 1, population: 10_000, areaKm2: 2 },
  { code: 'C', status: null, residential: { total: 0, certified: 0 }, models: null, population: null, areaKm2: 2 },
];

describe('mapSummary', () => {
  it('says the year, the place, the headline and each class with its count', () => {
    const legend = buildLegend(rows, { metric: 'status', denominator: 'population', changeFrom: null, classing: { method: 'quantile', k: 5, breaks: [] } });
    expect(mapSummary({ year: 2025, place: 'toàn quốc', communes: { certified: 3131, total: 3321, rate: 3131 / 3321 }, legend, legendTitle: 'Công nhận "An toàn về ANTT", năm 2025', units: 'xã, phường' })).toBe(
      'Bản đồ năm 2025, toàn quốc: 3.131/3.321 xã, phường đạt chuẩn (94,28%). Đang hiển thị công nhận "An toàn về ANTT", năm 2025 theo xã, phường: Đạt 1; Chưa đạt 1; Chưa đánh giá 0; Không có số liệu 1.',
    );
  });
  it('without figures yet, says only where and when', () => {
    expect(mapSummary({ year: 2024, place: 'Tỉnh Hưng Yên', communes: null, legend: null, legendTitle: '', units: 'xã, phường' })).toBe('Bản đồ năm 2024, Tỉnh Hưng Yên.');
  });
});
