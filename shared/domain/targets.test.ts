import { describe, expect, it } from 'vitest';
import { communeFigures } from '../../test/support/figures.js';
import type { CommuneFigures } from './figures.js';
import { planTarget } from './targets.js';

function commune(code: string, status: CommuneFigures['status'], residential: [number, number], over: Partial<CommuneFigures> = {}): CommuneFigures {
  return communeFigures(code, { name: code.toUpperCase(), status, residential: { certified: residential[0], total: residential[1] }, models: 3, ...over });
}

const q = (target: number) => ({ year: 2025, provinceCode: '01', provinceName: 'Thành phố Hà Nội', target });
// 6 certified of 10 with data, 1 without data; open: b 9/10, c 5/10, d 18/20, e a hot spot.
const communes = [
  ...['p', 'q', 'r', 's', 't', 'u'].map((c) => commune(c, 'dat', [10, 10])),
  commune('b', 'chua_dat', [9, 10]),
  commune('c', 'chua_danh_gia', [5, 10]),
  commune('d', 'chua_dat', [18, 20]),
  commune('e', 'chua_dat', [10, 10], { hotSpot: true }),
  commune('n', null, [0, 0]),
];

describe('planTarget', () => {
  it("states the province's previous year as previousYear builds it", () => {
    const p = planTarget(q(0.8), communes, { year: 2024, rate: 97 / 106, label: '106 xã cũ, trước sắp xếp' });
    expect(p.previous).toEqual({ year: 2024, rate: 97 / 106, label: '106 xã cũ, trước sắp xếp' });
    expect(p.message).toMatch(/ Năm 2024: 91,51% \(106 xã cũ, trước sắp xếp\)\.$/);
    expect(planTarget(q(0.8), communes).previous).toBeNull();
  });

  it('lists the nearest communes with the rate after each', () => {
    const p = planTarget(q(0.8), communes);
    expect([p.assessed, p.noData, p.certified, p.required, p.needed]).toEqual([10, 1, 6, 8, 2]);
    expect(p.outcome).toBe('reachable');
    // b and d both have 90 % of residential areas certified; b has 1 missing, d 2.
    expect(p.communes.map((c) => [c.code, c.closeness, c.missingResidential, c.projectedRate])).toEqual([
      ['b', 0.9, 1, 0.7],
      ['d', 0.9, 2, 0.8],
    ]);
    expect(p.message).toBe('Hiện có 6/10 xã, phường đạt chuẩn (60,00%). Để đạt 80,00% (8/10) cần thêm 2 xã, phường: đây là 2 xã, phường gần chuẩn nhất.');
  });

  it('says when the target is already met', () => {
    const p = planTarget(q(0.6), communes);
    expect(p.outcome).toBe('met');
    expect(p.needed).toBe(0);
    expect(p.communes).toEqual([]);
    expect(p.message).toMatch(/^Đã đạt mục tiêu 60,00%/);
  });

  it('says when the target cannot be reached because hot spots cannot be certified this year', () => {
    const p = planTarget(q(1), communes);
    expect(p.outcome).toBe('unreachable');
    expect(p.communes.map((c) => c.code)).toEqual(['b', 'd', 'c']);
    expect(p.blocked.map((c) => c.code)).toEqual(['e']);
    expect(p.maxRate).toBe(0.9);
    expect(p.message).toBe(
      'Không thể đạt 100,00% trong năm: cần thêm 4 xã, phường đạt chuẩn nhưng chỉ 3 xã, phường có thể được công nhận (1 xã, phường có điểm nóng). Nếu tất cả cùng đạt, tỷ lệ cao nhất là 90,00%.',
    );
  });

  it('handles a province without figures', () => {
    const p = planTarget(q(0.9), [commune('n', null, [0, 0])]);
    expect(p.outcome).toBe('empty');
    expect(p.currentRate).toBeNull();
    expect(p.message).toMatch(/không có xã, phường nào có số liệu năm 2025/);
    expect(planTarget(q(0.9), []).outcome).toBe('empty');
  });

  it('does not ask for one commune too many through float error', () => {
    const many = Array.from({ length: 100 }, (_, i) => commune(`x${i}`, i < 7 ? 'dat' : 'chua_dat', [1, 2]));
    expect(planTarget(q(0.07), many).outcome).toBe('met'); // 0.07 × 100 = 7.000000000000001
    expect(planTarget(q(0.08), many).needed).toBe(1);
  });
});
