import { describe, expect, it } from 'vitest';
import { formatPoints, keyFigures } from './keyFigures.js';

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
  it('builds the strip', () => {
    const f = keyFigures(total(3131, 3321, [127520, 133919], 31020), total(3090, 3321, [125000, 133000], 30000), 2025);
    expect(f.map((k) => [k.label, k.value, k.detail])).toEqual([
      ['Xã, phường, đặc khu đạt chuẩn', '3.131/3.321', '94,28%'],
      ['So với năm 2024', '+1,23 điểm %', 'năm 2024: 93,04%'],
      ['Khu dân cư đạt chuẩn', '127.520/133.919', '95,22%'],
      ['Mô hình tự quản', '31.020', 'năm 2025'],
    ]);
    expect(keyFigures(total(1, 2, [1, 2], 0), null, 2017)[1].value).toBe('–');
    // A year before the 2025 reform is compared with the figures reported on the old communes, and says so.
    const old = keyFigures(total(3131, 3321, [1, 2], 0), total(9333, 10040, [1, 2], 0), 2025, 'old-units')[1];
    expect([old.value, old.detail]).toEqual(['+1,32 điểm %', 'năm 2024: 92,96% (10.040 xã cũ)']);
  });

  it('shows a year before the reform on its old communes when it is compared on them', () => {
    // 2024 against 2023, both as reported on the 10,040 old communes: no roll-up set against reported figures.
    const [communes, change] = keyFigures(total(9333, 10040, [1, 2], 0), total(9280, 10040, [1, 2], 0), 2024, 'old-units', 'old-units');
    expect([communes.value, communes.detail]).toEqual(['9.333/10.040', '92,96% (xã cũ, trước sắp xếp)']);
    expect([change.value, change.detail]).toEqual(['+0,53 điểm %', 'năm 2023: 92,43% (10.040 xã cũ)']);
  });
});
