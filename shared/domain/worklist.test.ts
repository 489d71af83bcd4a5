import { describe, expect, it } from 'vitest';
import { communeFigures } from '../../test/support/figures.js';
import type { Status } from './types.js';
import { DEFAULT_CRITERIA, REASON_WEIGHTS, buildWorklist, describeCriteria, notCertifiedStreak, scoreFormula, type WorklistCriteria } from './worklist.js';

const commune = communeFigures;

const criteria = (over: Partial<WorklistCriteria> = {}): WorklistCriteria => ({ ...DEFAULT_CRITERIA, year: 2025, since: 2024, ...over });
const statuses = (o: Record<string, Status | null>) => new Map(Object.entries(o));
const names = new Map([['01', 'Thành phố Hà Nội'], ['02', 'Tỉnh Hà Giang']]);

describe('buildWorklist', () => {
  // Province 01 densities (models per 10,000): a 1, b 5, c 5, d 9 → median 5.
  const communes = [
    commune('a', { status: 'chua_dat', models: 1, keyArea: true, residential: { total: 10, certified: 6 } }),
    commune('b', { status: 'chua_dat', hotSpot: true, residential: { total: 10, certified: 8 } }),
    commune('c', { status: 'dat' }),
    commune('d', { status: 'chua_danh_gia', models: 9, type: 'Phường' }),
    commune('e', { provinceCode: '02', status: 'dat', population: null }),
  ];
  const input = (k: WorklistCriteria) => ({
    criteria: k,
    communes,
    sinceStatuses: statuses({ a: 'chua_dat', b: 'dat', c: 'dat', d: 'dat', e: 'dat' }),
    earlier: [statuses({ a: 'chua_dat', b: 'dat', c: 'dat', d: 'dat', e: 'dat' }), statuses({ a: 'chua_dat', b: 'chua_dat' })],
    provinceNames: names,
  });

  it('gives every row its reasons in words and scores it by the sum of their weights', () => {
    const w = buildWorklist(input(criteria()));
    const byCode = Object.fromEntries(w.rows.map((r) => [r.code, r]));
    // 2024 and 2023 are the communes' predecessors rolled up, and the reasons say so.
    expect(byCode.a.reasons.map((r) => r.text)).toEqual(['chưa đạt 3 năm liền (các năm trước 2025 quy đổi từ xã cũ)', 'mật độ mô hình dưới trung vị của tỉnh', 'địa bàn trọng điểm']);
    expect(byCode.a.score).toBe(REASON_WEIGHTS.chua_dat_lien + REASON_WEIGHTS.mat_do_thap + REASON_WEIGHTS.trong_diem);
    expect(byCode.b.reasons.map((r) => r.text)).toEqual(['chưa đạt năm 2025', 'mất chuẩn so với năm trước (năm 2024 quy đổi từ xã cũ)', 'có điểm nóng']);
    expect(byCode.b.score).toBe(3 + 2 + 3);
    expect(byCode.d.reasons.map((r) => r.id)).toEqual(['chua_danh_gia', 'mat_chuan']);
    for (const r of w.rows) expect(r.score).toBe(r.reasons.reduce((s, x) => s + x.weight, 0));
  });

  it('names the predecessors a comparison across the reform is built from', () => {
    const p = { total: 3, certified: 3, notCertified: 0, notAssessed: 0, noData: 0, partial: 0 };
    const w = buildWorklist({ ...input(criteria()), sincePredecessors: new Map([['b', p]]) });
    expect(w.rows.find((r) => r.code === 'b')!.reasons[1].text).toBe('mất chuẩn so với năm trước (năm 2024 quy đổi từ 3 xã cũ, 3 đạt)');
    // Both years before the reform: no roll-up set against reported figures, nothing to say.
    const old = buildWorklist(input(criteria({ year: 2024, since: 2023 })));
    expect(old.rows.find((r) => r.code === 'b')!.reasons.map((r) => r.text)).toContain('mất chuẩn so với năm trước');
  });

  it('ranks by score (b 8, a 7, d 3), leaves out communes without a reason, and keeps no-population communes out of the density test', () => {
    const w = buildWorklist(input(criteria()));
    expect(w.rows.map((r) => [r.rank, r.code])).toEqual([[1, 'b'], [2, 'a'], [3, 'd']]);
    expect(w.considered).toBe(5);
    expect(w.rows.find((r) => r.code === 'e')).toBeUndefined();
    expect(w.rows[0].densityThreshold).toBe(5);
    expect(w.rows[0].provinceName).toBe('Thành phố Hà Nội');
  });

  it('ties go to the commune with fewer residential areas certified', () => {
    const tie = [commune('x', { status: 'chua_dat', residential: { total: 10, certified: 9 } }), commune('y', { status: 'chua_dat', residential: { total: 10, certified: 5 } })];
    const w = buildWorklist({ criteria: criteria(), communes: tie, sinceStatuses: null, earlier: [], provinceNames: names });
    expect(w.rows.map((r) => r.code)).toEqual(['y', 'x']);
  });

  it('filters by province, unit type, status and required reasons (all or any)', () => {
    const codes = (k: Partial<WorklistCriteria>) => buildWorklist(input(criteria(k))).rows.map((r) => r.code).sort();
    expect(codes({ types: ['Phường'] })).toEqual(['d']);
    expect(codes({ statuses: ['chua_dat'] })).toEqual(['a', 'b']);
    expect(codes({ require: ['diem_nong'] })).toEqual(['b']);
    expect(codes({ require: ['diem_nong', 'trong_diem'] })).toEqual([]);
    expect(codes({ require: ['diem_nong', 'trong_diem'], match: 'any' })).toEqual(['a', 'b']);
    expect(codes({ require: ['chua_dat'] })).toEqual(['a', 'b']); // a failed three years running: still "chưa đạt"
    expect(codes({ require: ['mat_chuan'] })).toEqual(['b', 'd']);
    expect(codes({ province: '02', minScore: 0 })).toEqual([]);
    expect(codes({ minScore: 6 })).toEqual(['a', 'b']);
  });

  it('compares with a chosen year and a national percentile', () => {
    const w = buildWorklist({ ...input(criteria({ since: 2022, density: { kind: 'percentile', p: 10 } })), sinceStatuses: statuses({ a: 'dat' }) });
    const a = w.rows.find((r) => r.code === 'a')!;
    expect(a.reasons.map((r) => r.text)).toContain('mất chuẩn so với năm 2022 (quy đổi từ xã cũ)');
    expect(a.reasons.map((r) => r.text)).toContain('mật độ mô hình dưới phân vị 10 toàn quốc');
    // 10th percentile of 1, 5, 5, 9 (e has no population): 1 + 0.3 × 4 = 2.2.
    expect(a.densityThreshold).toBeCloseTo(2.2, 10);
  });

  it('lists every commune of a legend cell, saying so, when the cell is chosen', () => {
    // Densities 1, 5, 5, 9: both tertiles are 5, so c (5) is in the high class.
    const w = buildWorklist(input(criteria({ cell: '2-2', minScore: 0 })));
    expect(w.rows.map((r) => r.code)).toEqual(['c']);
    expect(w.rows[0].reasons).toEqual([{ id: 'o_chu_giai', text: 'thuộc ô chú giải: đạt × mật độ mô hình cao', weight: 0 }]);
  });

  it('states the criteria and the score formula in Vietnamese', () => {
    const lines = describeCriteria(criteria({ province: '01', statuses: ['chua_dat', 'none'], require: ['trong_diem', 'diem_nong'], match: 'any' }), names);
    expect(lines).toEqual([
      'Phạm vi: Thành phố Hà Nội',
      'Tình trạng năm 2025: Chưa đạt, Không có số liệu',
      'So sánh với năm: 2024',
      'Ngưỡng mật độ mô hình (mô hình/10.000 dân): trung vị của tỉnh',
      'Chỉ giữ xã địa bàn trọng điểm hoặc có điểm nóng',
      'Điểm tối thiểu: 1',
    ]);
    expect(scoreFormula()).toMatch(/^Điểm = tổng trọng số các lý do \(chưa đạt nhiều năm liền 4; chưa đạt 3;/);
  });
});

describe('notCertifiedStreak', () => {
  it('counts consecutive years not certified and stops at a gap', () => {
    const earlier = [statuses({ a: 'chua_dat' }), statuses({ a: 'chua_danh_gia' }), statuses({ a: 'chua_dat' })];
    expect(notCertifiedStreak('a', 'chua_dat', earlier)).toBe(2);
    expect(notCertifiedStreak('a', 'dat', earlier)).toBe(0);
    expect(notCertifiedStreak('z', 'chua_dat', earlier)).toBe(1);
  });
});
