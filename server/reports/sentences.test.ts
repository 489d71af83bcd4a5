import { describe, expect, it } from 'vitest';
import { communeFigures } from '../../test/support/figures.js';
import { aggregate } from '../../shared/domain/aggregate.js';
import type { CommuneFigures } from '../../shared/domain/figures.js';
import type { Status } from '../../shared/domain/types.js';
import { changeWords } from './phrases.js';
import type { CommuneLine, ReportFigures, ReportPlace } from './reportFigures.js';
import { plainText, reportText } from './sentences.js';
import { longDate } from './viText.js';

const province = (year: number): ReportPlace => ({ kind: 'province', code: '27', name: 'Bắc Ninh', fullName: 'Tỉnh Bắc Ninh', type: 'Tỉnh', vintage: year >= 2025 ? '2025' : 'pre2025', provinceName: null });
const line = (c: CommuneFigures, previousStatus: Status | null = c.status, reasons: string[] = []): CommuneLine => ({
  code: c.code,
  fullName: `${c.type} ${c.name}`,
  provinceName: 'Tỉnh Bắc Ninh',
  status: c.status,
  previousStatus,
  reasons,
  keyArea: c.keyArea,
  hotSpot: c.hotSpot,
  exemplary: c.exemplary,
});

function figures(now: CommuneFigures[], before: CommuneFigures[] | null, over: Partial<ReportFigures> = {}): ReportFigures {
  const year = over.year ?? 2023;
  const prev = new Map((before ?? []).map((c) => [c.code, c.status]));
  return {
    place: province(year),
    year,
    now: aggregate(now),
    previous: before ? { year: year - 1, total: aggregate(before), basis: 'reported' } : null,
    communes: now.map((c) => line(c, before ? (prev.get(c.code) ?? null) : null)),
    reform: null,
    sample: true,
    ...over,
  };
}
const text = (f: ReportFigures) => plainText(reportText(f, new Date('2024-02-06T03:00:00Z')));

const xa = (code: string, over: Partial<CommuneFigures> = {}) => communeFigures(code, { name: `Số ${code}`, ...over });

describe('report sentences', () => {
  it('writes the results as report 002 does: by unit type, bodies, residential areas', () => {
    const now = [xa('1'), xa('2', { status: 'chua_dat' }), xa('3', { type: 'Phường' }), xa('4', { type: 'Thị trấn', agencies: { total: 3, certified: 2 } })];
    const t = text(figures(now, null, { now: { ...aggregate(now), provinceBodies: { total: 213, certified: 194 } } }));
    expect(t).toContain(
      'Năm 2023, toàn tỉnh công nhận 194/213 cơ quan, doanh nghiệp, cơ sở giáo dục do cấp tỉnh quản lý đạt tiêu chuẩn “An toàn về an ninh, trật tự”; 1/2 xã, 1/1 phường, 1/1 thị trấn, 2/3 cơ quan do cấp huyện quản lý đạt tiêu chuẩn “An toàn về an ninh, trật tự”; 40/40 khu dân cư đạt tiêu chuẩn “An toàn về an ninh, trật tự”.',
    );
    expect(t).toContain('3/4 xã, phường, thị trấn (chiếm tỷ lệ 75,00%); 40 khu dân cư (chiếm tỷ lệ 100,00%)');
    expect(t).toContain('Còn 1 xã, phường, thị trấn chưa đạt tiêu chuẩn: Xã Số 2.');
    expect(t).toContain('Không có số liệu năm 2022 để so sánh.');
  });

  it('sums only what the communes reported and says how many did; an unreported figure is never written as 0', () => {
    const now = [xa('1'), xa('2', { residential: null, models: null }), xa('3', { models: null }), xa('4', { residential: null })];
    const t = text(figures(now, null));
    expect(t).toContain('20/20 khu dân cư (báo cáo 2/4 xã) đạt tiêu chuẩn');
    expect(t).toContain('20 khu dân cư (chiếm tỷ lệ 100,00%; báo cáo 2/4 xã)');
    expect(t).toMatch(/mô hình tự quản về an ninh, trật tự theo phương châm “tự phòng, tự quản, tự bảo vệ, tự hòa giải”, bình quân [\d,]+ mô hình mỗi [^(]+ \(báo cáo 2\/4 xã\)\./);
    const none = text(figures(now.map((c) => ({ ...c, models: null })), null));
    expect(none).toContain('chưa báo cáo số mô hình tự quản về an ninh, trật tự năm 2023.');
    expect(none).not.toContain('chưa có mô hình tự quản');
  });

  it('says the change on the previous year in words and points, with the communes gained and lost and their reasons', () => {
    const before = [xa('1', { status: 'chua_dat' }), xa('2'), xa('3'), xa('4')];
    const now = [xa('1'), xa('2', { status: 'chua_dat' }), xa('3'), xa('4')];
    const f = figures(now, before);
    f.communes[1].reasons = ['mất chuẩn so với năm trước', 'có điểm nóng'];
    const t = text(f);
    expect(t).toContain('Tỷ lệ xã đạt chuẩn không thay đổi so với năm 2022 (75,00%)');
    expect(t).toContain('1 xã mới được công nhận đạt chuẩn so với năm 2022: Xã Số 1.');
    expect(t).toContain('1 xã mất chuẩn so với năm 2022: Xã Số 2 (mất chuẩn so với năm trước; có điểm nóng).');
    const up = text(figures([xa('1'), xa('2'), xa('3'), xa('4')], before));
    expect(up).toContain('Tỷ lệ xã đạt chuẩn tăng 25,00 điểm % so với năm 2022 (từ 75,00% lên 100,00%)');
    expect(changeWords(0.9428, 0.9296)).toBe('tăng 1,32 điểm %');
    expect(changeWords(0.9, 0.95)).toBe('giảm 5,00 điểm %');
    expect(changeWords(0.5, 0.5)).toBe('không thay đổi');
    expect(changeWords(null, 0.5)).toBeNull();
  });

  it('says when every commune is certified, and when none was assessed', () => {
    const all = [xa('1'), xa('2', { type: 'Phường' })];
    expect(text(figures(all, all))).toContain('100% xã, phường (2/2) đạt tiêu chuẩn “An toàn về an ninh, trật tự”.');
    expect(text(figures(all, all))).toContain('Không có xã, phường nào mới đạt chuẩn hoặc mất chuẩn so với năm 2022.');
    const none = [xa('1', { status: 'chua_danh_gia' }), xa('2', { status: null, residential: { total: 0, certified: 0 } })];
    const t = text(figures(none, null));
    expect(t).toContain('Năm 2023, trên địa bàn tỉnh chưa có xã nào được đánh giá, công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự”.');
    expect(t).not.toContain('chiếm tỷ lệ –');
  });

  it('writes a commune report about the commune itself', () => {
    const c = xa('02287', { type: 'Thị trấn', name: 'Vĩnh Lộc', exemplary: true, keyArea: true });
    const f = figures([c], [{ ...c, status: 'chua_dat' }]);
    f.place = { kind: 'commune', code: '02287', name: 'Vĩnh Lộc', fullName: 'Thị trấn Vĩnh Lộc', type: 'Thị trấn', vintage: 'pre2025', provinceName: 'Tỉnh Tuyên Quang' };
    const t = text(f);
    expect(t).toContain('Năm 2023, Thị trấn Vĩnh Lộc có 10/10 khu dân cư đạt tiêu chuẩn “An toàn về an ninh, trật tự”.');
    expect(t).toContain('Thị trấn Vĩnh Lộc đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm 2023, mới được công nhận so với năm 2022 (chưa đạt chuẩn).');
    expect(t).toContain('Thị trấn Vĩnh Lộc được xây dựng là đơn vị điển hình về phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2023.');
    expect(t).toContain('Thị trấn Vĩnh Lộc là địa bàn trọng điểm, phức tạp về an ninh, trật tự.');
    expect(t).toContain('Thị trấn Vĩnh Lộc không để xảy ra “điểm nóng” về an ninh, trật tự.');
    expect(reportText(f, new Date('2024-02-06T03:00:00Z')).placeAndDate).toBe('Tuyên Quang, ngày 06 tháng 02 năm 2024');
    expect(t).not.toMatch(/cấp huyện quản lý|xã, phường, thị trấn chưa đạt/);
  });

  it('says of the key areas and hot spots only what the communes reported: a flag left out is not a "no"', () => {
    const some = [xa('1', { keyArea: true }), xa('2', { keyArea: null, hotSpot: null }), xa('3'), xa('4', { hotSpot: null })];
    const t = text(figures(some, null));
    expect(t).toContain('1 xã (báo cáo 3/4 xã) là địa bàn trọng điểm, phức tạp về an ninh, trật tự: Xã Số 1.');
    expect(t).toContain('Trên địa bàn tỉnh không để xảy ra “điểm nóng” về an ninh, trật tự (báo cáo 2/4 xã).');
    const none = [xa('1', { keyArea: null, hotSpot: null }), xa('2', { keyArea: null, hotSpot: null })];
    const u = text(figures(none, null));
    expect(u).toContain('Trên địa bàn tỉnh chưa báo cáo địa bàn trọng điểm, phức tạp về an ninh, trật tự năm 2023.');
    expect(u).toContain('Trên địa bàn tỉnh chưa báo cáo “điểm nóng” về an ninh, trật tự năm 2023.');
    expect(u).not.toMatch(/không để xảy ra|Không có xã/);
    // All reported: the sentences say nothing of coverage.
    const all = text(figures([xa('1'), xa('2')], null));
    expect(all).toContain('Không có xã nào được xác định là địa bàn trọng điểm, phức tạp về an ninh, trật tự.');
    expect(all).toContain('Trên địa bàn tỉnh không để xảy ra “điểm nóng” về an ninh, trật tự.');
  });

  it('speaks of the old units before the reform and of the new ones, with the reform, after it', () => {
    const old = text(figures([xa('1', { type: 'Thị trấn' })], null, { now: { ...aggregate([xa('1', { type: 'Thị trấn' })]), provinceBodies: { total: 5, certified: 5 } } }));
    expect(old).toContain('do cấp huyện quản lý');
    expect(old).not.toContain('SẮP XẾP ĐƠN VỊ HÀNH CHÍNH');
    const now = [xa('1'), xa('2', { type: 'Đặc khu' })];
    const f = figures(now, now, { year: 2025, now: { ...aggregate(now), provinceBodies: { total: 5, certified: 4 } }, reform: { oldCommunes: 7, oldCertified: 6, oldAssessed: 7, year: 2024 } });
    f.previous!.basis = 'crosswalk';
    const t = text(f);
    expect(t).toContain('1/1 xã, 1/1 đặc khu do cấp xã quản lý');
    expect(t).toContain('(năm 2024 quy đổi từ các xã, phường, thị trấn cũ theo bảng chuyển đổi ngày 01/7/2025)');
    expect(t).toContain('IV. SẮP XẾP ĐƠN VỊ HÀNH CHÍNH');
    expect(t).toContain('từ ngày 01/7/2025 toàn tỉnh có 2 xã, đặc khu (không còn cấp huyện), được sắp xếp từ 7 xã, phường, thị trấn cũ.');
    expect(t).toContain('Năm 2024, 6/7 xã, phường, thị trấn cũ này đạt tiêu chuẩn “An toàn về an ninh, trật tự” (85,71%).');
    f.previous!.basis = 'old-units';
    expect(text(f)).toContain('(năm 2024 tính trên 2 xã, phường, thị trấn cũ, trước sắp xếp)');
  });

  it('names at most a dozen communes and refers to the table for the rest; the country groups them by province', () => {
    const many = Array.from({ length: 15 }, (_, i) => xa(String(i + 1), { status: 'chua_dat' }));
    expect(text(figures(many, null))).toContain('Xã Số 12 và 3 đơn vị khác (xem bảng số liệu).');
    const f = figures(many, null);
    f.place = { kind: 'country', code: null, name: 'Việt Nam', fullName: 'Toàn quốc', type: 'Quốc gia', vintage: 'pre2025', provinceName: null };
    expect(text(f)).toContain('Còn 15 xã chưa đạt tiêu chuẩn: nhiều nhất ở Tỉnh Bắc Ninh (15).');
  });

  it('writes the heading block of an official document, dates as documents write them', () => {
    const r = reportText(figures([xa('1')], null), new Date('2024-02-06T03:00:00Z'));
    expect(r.issuer).toEqual(['UBND TỈNH BẮC NINH', 'BAN CHỈ ĐẠO 138']);
    expect(r.placeAndDate).toBe('Bắc Ninh, ngày 06 tháng 02 năm 2024');
    expect(r.subtitle).toBe('Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm 2023');
    expect(longDate(new Date('2025-12-15T12:00:00Z'))).toBe('ngày 15 tháng 12 năm 2025');
    expect(longDate(new Date('2025-03-01T12:00:00Z'))).toBe('ngày 01 tháng 3 năm 2025');
    // Vietnam's day: 23:30 UTC is already the next morning there.
    expect(longDate(new Date('2025-01-31T23:30:00Z'))).toBe('ngày 01 tháng 02 năm 2025');
  });
});
