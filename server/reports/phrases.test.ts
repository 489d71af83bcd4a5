import { describe, expect, it } from 'vitest';
import { aggregate } from '../../shared/domain/aggregate.js';
import { formatPercent } from '../../shared/lib/format.js';
import { communeFigures } from '../../test/support/figures.js';
import { basisNote, capital, communeWords, listOf, share, subject, tally, where } from './phrases.js';
import type { CommuneLine, ReportFigures, ReportPlace } from './reportFigures.js';

const place = (kind: ReportPlace['kind']): ReportPlace => ({ kind, code: null, name: 'Bắc Ninh', fullName: kind === 'country' ? 'Toàn quốc' : 'Tỉnh Bắc Ninh', type: 'Tỉnh', vintage: '2025', provinceName: null });
const line = (i: number, provinceName = 'Tỉnh A', reasons: string[] = []): CommuneLine => ({
  code: String(i).padStart(5, '0'), fullName: `Xã Số ${i}`, provinceName, status: 'chua_dat', previousStatus: null, reasons, keyArea: false, hotSpot: false, exemplary: false,
});
const figuresAt = (kind: ReportPlace['kind']) => ({ place: place(kind) }) as ReportFigures;

describe('report phrases', () => {
  it('writes tallies and rates as the reports do', () => {
    expect(tally({ total: 1234, certified: 1200 })).toBe('1.200/1.234');
    expect(share({ total: 8, certified: 7 })).toBe('87,50%');
    expect(share({ total: 0, certified: 0 })).toBe(formatPercent(null));
    expect(capital('trên địa bàn tỉnh')).toBe('Trên địa bàn tỉnh');
  });

  it('speaks of the place by its kind', () => {
    expect([subject(place('country')), where(place('country'))]).toEqual(['toàn quốc', 'trên toàn quốc']);
    expect([subject(place('province')), where(place('province'))]).toEqual(['toàn tỉnh', 'trên địa bàn tỉnh']);
    expect(subject(place('commune'))).toBe('Tỉnh Bắc Ninh');
    expect(communeWords(aggregate([communeFigures('00001'), communeFigures('00002', { type: 'Phường' })]))).toBe('xã, phường');
  });

  it('names the communes of a list with their reasons, at most a dozen, and the country groups a long list by province', () => {
    expect(listOf(figuresAt('province'), [line(1, 'Tỉnh A', ['địa bàn trọng điểm']), line(2)])).toBe('Xã Số 1 (địa bàn trọng điểm) và Xã Số 2');
    expect(listOf(figuresAt('country'), [line(1)])).toBe('Xã Số 1 (Tỉnh A)');
    const many = Array.from({ length: 14 }, (_, i) => line(i + 1, i < 9 ? 'Tỉnh B' : 'Tỉnh A'));
    expect(listOf(figuresAt('province'), many)).toMatch(/^Xã Số 1, .*, Xã Số 12 và 2 đơn vị khác \(xem bảng số liệu\)$/);
    expect(listOf(figuresAt('country'), many)).toBe('nhiều nhất ở Tỉnh B (9), Tỉnh A (5)');
  });

  it('says how the previous year was taken', () => {
    const total = aggregate([communeFigures('00001'), communeFigures('00002')]);
    expect(basisNote({ year: 2024, total, basis: 'reported' })).toBe('');
    expect(basisNote({ year: 2024, total, basis: 'old-units' })).toBe(' (năm 2024 tính trên 2 xã, phường, thị trấn cũ, trước sắp xếp)');
    expect(basisNote({ year: 2024, total, basis: 'crosswalk' })).toContain('bảng chuyển đổi ngày 01/7/2025');
  });
});
