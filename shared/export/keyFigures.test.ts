import { describe, expect, it } from 'vitest';
import type { YearBasis } from '../domain/previousYear.js';
import { formatPoints, keyFigures, type YearTotal } from './keyFigures.js';

const total = (certified: number, total: number, res: [number, number], models: number) => ({
  communes: { certified, total },
  residential: { certified: res[0], total: res[1] },
  models,
  rates: { communes: certified / total, residential: res[0] / res[1] },
});

describe('key figures', () => {
  it('formats a change in percentage points, Vietnamese style', () => {
    expect(formatPoints(0.9428, 0.9303)).toBe('+1,25 điểm %');
    expect(formatPoints(0.9, 0.95)).toBe('−5,00 điểm %');
    expect(formatPoints(0.5, 0.5)).toBe('±0,00 điểm %');
    expect(formatPoints(null, 0.5)).toBe('–');
  });
  const at = (year: number, t: ReturnType<typeof total>, basis: YearBasis = 'reported', oldUnits: YearTotal['oldUnits'] = null): YearTotal => ({ year, total: t, basis, oldUnits });

  it('builds the strip', () => {
    const f = keyFigures(at(2025, total(3131, 3321, [127520, 133919], 31020)), at(2024, total(3090, 3321, [125000, 133000], 30000)));
    expect(f.map((k) => [k.label, k.value, k.detail])).toEqual([
      ['Xã, phường, đặc khu đạt chuẩn', '3.131/3.321', '94,28%'],
      ['So với năm 2024', '+1,23 điểm %', 'năm 2024: 93,04%'],
      ['Khu dân cư đạt chuẩn', '127.520/133.919', '95,22%'],
      ['Mô hình tự quản', '31.020', 'năm 2025'],
    ]);
    const alone = keyFigures(at(2017, total(1, 2, [1, 2], 0)), null);
    expect([alone[1].label, alone[1].value, alone[1].detail]).toEqual(['So với năm 2016', '–', 'không có số liệu năm trước']);
  });

  it('shows the coverage beside a figure some communes did not report', () => {
    const t = { ...total(100, 120, [800, 1000], 250), communes: { certified: 100, total: 120, noData: 0 }, reported: { residential: 87, models: 120 } };
    const [, , residential, models] = keyFigures(at(2025, t), null);
    expect(residential.detail).toBe('80,00% · báo cáo 87/120 xã');
    expect(models.detail).toBe('năm 2025');
  });

  it('compares a year across the reform with the old communes as reported, and says so', () => {
    // Lai Châu: 2025 on its new communes, 2024 on its 106 old communes as reported (97 certified), not the roll-up.
    const [, change] = keyFigures(at(2025, total(36, 38, [1, 2], 0)), at(2024, total(97, 106, [1, 2], 0), 'old-units', { communes: 106, split: 0 }));
    expect([change.value, change.detail]).toEqual(['+3,23 điểm %', 'năm 2024: 91,51% (106 xã cũ, trước sắp xếp)']);
    // An old commune split between provinces is counted by its share, and the label says so.
    const split = keyFigures(at(2025, total(36, 38, [1, 2], 0)), at(2024, total(97.4, 106.4, [1, 2], 0), 'old-units', { communes: 106.4, split: 1 }))[1];
    expect(split.detail).toBe('năm 2024: 91,54% (106,4 xã cũ, trước sắp xếp; 1 xã cũ chia cho nhiều tỉnh tính theo tỷ lệ diện tích)');
  });

  it('shows a year before the reform on its old communes when it is compared on them', () => {
    // 2024 against 2023, both as reported on the 10,040 old communes: no roll-up set against reported figures.
    const [communes, change] = keyFigures(at(2024, total(9333, 10040, [1, 2], 0), 'old-units'), at(2023, total(9280, 10040, [1, 2], 0), 'old-units'));
    expect([communes.value, communes.detail]).toEqual(['9.333/10.040', '92,96% (xã cũ, trước sắp xếp)']);
    expect([change.value, change.detail]).toEqual(['+0,53 điểm %', 'năm 2023: 92,43% (10.040 xã cũ, trước sắp xếp)']);
  });
});
