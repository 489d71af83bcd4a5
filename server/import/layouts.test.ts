// Returns as provinces send them, against the real catalogue: report layouts, district rows, totals,
// signature blocks, partial returns, spellings, several sheets, names that look alike.

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkFile, haveData, realUnits, signatureBlock, suggested, titleBlock, unit, workbook, type Cell } from '../../test/support/returnLayouts.js';
import { skipUnlessCi } from '../../test/support/prerequisites.js';

const codes = (r: Awaited<ReturnType<typeof checkFile>>) => r.valid.map((v) => [v.line, v.unit.code]);
const errors = (r: Awaited<ReturnType<typeof checkFile>>) => r.problems.filter((p) => p.severity === 'error');

/** Issue #12, layout 1: title block, two-row merged header, STT, names without codes, total, signature. */
async function reportLayout2025(statuses: string[] = ['Đạt', 'Đ', 'Ko đạt', 'Giữ vững', 'Đạt']) {
  const t = titleBlock(7, 2025);
  const names = ['Phường Phượng Sơn', 'Phường Phương Liễu', 'Xã Đồng Kỳ', 'P. Từ Sơn', 'xã TAM GIANG'];
  const data: Cell[][] = names.map((n, k) => [k + 1, n, statuses[k], 12 + k, k === 2 ? '-' : 10, k === 1 ? '-' : 4, '']);
  const rows: Cell[][] = [
    ...t.rows,
    ['STT', 'Tên đơn vị', 'Kết quả phân loại', 'Khu dân cư', null, 'Số mô hình tự quản', 'Ghi chú'],
    [null, null, null, 'Tổng số', 'Đạt chuẩn'],
    ...data,
    [null, 'Tổng cộng', '3/5', 70, 40, 16],
  ];
  const sig = signatureBlock(rows.length + 1, 7);
  return workbook([{ name: 'Biểu 01', rows: [...rows, ...sig.rows], merges: [...t.merges, 'A5:A6', 'B5:B6', 'C5:C6', 'D5:E5', 'F5:F6', 'G5:G6', ...sig.merges] }]);
}

describe.skipIf(skipUnlessCi('returns as provinces send them', haveData ? null : 'source data (units/2025/communes.csv) missing'))('returns as provinces send them', () => {
  it('reads a report layout: title block, merged two-row header, total and signature rows skipped and listed', async () => {
    const bytes = await reportLayout2025();
    const first = await checkFile(bytes, { year: 2025, provinces: ['24'] });
    expect(first.table.headerLines).toEqual([5, 6]);
    expect(first.table.columns.map((c) => c.id)).toEqual(['seq', 'name', 'status', 'rdTotal', 'rdCertified', 'models', 'note']);
    expect(first.table.columns[4].heading).toBe('Khu dân cư › Đạt chuẩn');
    // One question per spelling, the dictionary's proposal ready; nothing written until answered.
    expect(first.questions.map((q) => [q.text, q.suggested])).toEqual([
      ['1 dòng ghi "Đ": hiểu là Đạt?', 'dat'],
      ['2 ô ghi "-": hiểu là số 0?', '0'],
      ['1 dòng ghi "Ko đạt": hiểu là Chưa đạt?', 'chua_dat'],
      ['1 dòng ghi "Giữ vững": hiểu là Đạt?', 'dat'],
    ]);
    expect(first.valid.length).toBeLessThan(5);
    const r = await checkFile(bytes, { year: 2025, provinces: ['24'], answers: suggested(first) });
    expect(errors(r)).toEqual([]);
    expect(codes(r)).toEqual([
      [7, '07612'],
      [8, '09265'],
      [9, '07282'],
      [10, '09367'],
      [11, '09202'],
    ]);
    expect(r.valid.map((v) => v.assessment.status)).toEqual(['dat', 'dat', 'chua_dat', 'dat', 'dat']);
    expect(r.valid[2].assessment.residential).toEqual({ total: 14, certified: 0 });
    expect(r.skipped.map((s) => [s.line, s.kind])).toEqual([
      [12, 'total'],
      [14, 'note'],
      [15, 'note'],
      [16, 'note'],
      [18, 'note'],
    ]);
    // The file has no agencies, enterprises, schools columns: not reported, one warning, never 0 by mistake.
    expect(r.valid[0].unreported).toEqual(expect.arrayContaining(['agencies', 'enterprises', 'schools', 'keyArea', 'hotSpot']));
    // One warning per figure left out (the flags together), each saying it is stored as unknown, not 0.
    expect(r.problems.filter((p) => p.kind === 'not-reported').map((p) => p.message)).toEqual([
      'Không có cột "Cơ quan (tổng số)", "Cơ quan đạt": để trống (chưa báo cáo), không ghi 0',
      'Không có cột "Doanh nghiệp (tổng số)", "Doanh nghiệp đạt": để trống (chưa báo cáo), không ghi 0',
      'Không có cột "Nhà trường (tổng số)", "Nhà trường đạt": để trống (chưa báo cáo), không ghi 0',
      expect.stringMatching(/^Không có cột "Địa bàn trọng điểm", "Điểm nóng".*: để trống \(chưa báo cáo\), không ghi là "không"$/),
    ]);
    expect(r.valid[0].assessment).toMatchObject({ agencies: null, enterprises: null, schools: null, keyArea: null, hotSpot: null });
  });

  it('does not crash on names only with a signature block (the crash of issue #12)', async () => {
    const rows: Cell[][] = [['Tên xã, phường', 'Kết quả ANTT'], ['Phường Phượng Sơn', 'Đạt'], ['Không Có Xã Này', 'Đạt'], [null, 'x'], [], ['NGƯỜI LẬP BIỂU', null, 'GIÁM ĐỐC'], ['Nguyễn Văn Hùng'], [null, 'x']];
    const r = await checkFile(await workbook([{ name: 'Sheet1', rows }]), { year: 2025, provinces: ['24'] });
    expect(codes(r)).toEqual([[2, '07612']]);
    expect(errors(r).map((p) => [p.line, p.message])).toEqual([
      [3, expect.stringContaining('Không tìm thấy xã tên "Không Có Xã Này"')],
      [4, 'Thiếu cả mã và tên xã'],
    ]);
    expect(r.skipped.map((s) => s.line)).toEqual([6, 7, 8]);
  });

  it('tells old communes apart by district header rows and the district column; subtotals skipped', async () => {
    const rows: Cell[][] = [
      ['STT', 'Tên đơn vị', 'Kết quả', 'Số KDC', 'KDC đạt'],
      ['I', 'Thị xã Quế Võ'],
      [1, 'Phường Phù Lương', 'Đạt', 10, 9],
      ['II', 'Huyện Lương Tài', '11/17', 100, 80],
      [2, 'Xã Phú Lương', 'Chưa đạt', 8, 3],
      ['III', 'Thành phố Từ Sơn'],
      [3, 'Phường Đồng Kỵ', 'Đạt', 9, 9],
      [null, 'Tổng cộng', '2/3', 27, 21],
    ];
    const r = await checkFile(await workbook([{ name: 'KQ 2024', rows }]), { year: 2024, provinces: ['24', '27'] });
    expect(errors(r)).toEqual([]);
    // Phù/Phú Lương and Đồng Kỵ (Bắc Ninh) / Đồng Kỳ (Bắc Giang): never each other.
    expect(codes(r)).toEqual([
      [3, '09274'],
      [5, '09532'],
      [7, '09382'],
    ]);
    expect(r.skipped.map((s) => s.kind)).toEqual(['district', 'subtotal', 'district', 'total']);

    // Xã Đồng Tiến exists in two districts of old Bắc Giang: the district rows decide; without them, an error listing both.
    const pair = (withDistricts: boolean): Cell[][] => [
      ['Huyện/TP', 'Tên xã', 'Kết quả ANTT'],
      [withDistricts ? 'Huyện Hiệp Hòa' : null, 'Xã Đồng Tiến', 'Đạt'],
      [withDistricts ? 'H. Yên Thế' : null, 'Đồng Tiến', 'Chưa đạt'],
    ];
    const told = await checkFile(await workbook([{ name: 'a', rows: pair(true) }]), { year: 2024, provinces: ['24'] });
    expect(codes(told)).toEqual([
      [2, '07816'],
      [3, '07243'],
    ]);
    const untold = await checkFile(await workbook([{ name: 'a', rows: pair(false) }]), { year: 2024, provinces: ['24'] });
    expect(untold.valid).toEqual([]);
    expect(errors(untold)[0].message).toMatch(/Có 2 xã tên "Xã Đồng Tiến".*07243.*Huyện Yên Thế.*07816.*Huyện Hiệp Hòa/);
  });

  it('matches the catalogue full name of the nine Phương/Phượng/Xa/Xà communes, and never matches by diacritics alone', async () => {
    const nine: [string, string][] = [
      ['00352', 'Phường Phương Liệt'],
      ['10279', 'Xã Phượng Dực'],
      ['03208', 'Xã Xa Dung'],
      ['05563', 'Xã Phượng Tiến'],
      ['07612', 'Phường Phượng Sơn'],
      ['09265', 'Phường Phương Liễu'],
      ['30043', 'Xã Phương Thịnh'],
      ['31426', 'Xã Phương Bình'],
      ['31495', 'Xã Xà Phiên'],
    ];
    const rows: Cell[][] = [['Tên xã, phường', 'Kết quả ANTT'], ...nine.map(([, n]) => [n, 'Đạt'])];
    const r = await checkFile(await workbook([{ name: 'a', rows }]), { year: 2025, provinces: null });
    expect(errors(r)).toEqual([]);
    expect(r.valid.map((v) => v.unit.code)).toEqual(nine.map(([c]) => c));
    // With the code, a name in another Unicode form or tone placement is the same name: no warning.
    const withCode: Cell[][] = [['Mã xã', 'Tên xã, phường', 'Kết quả ANTT'], ['00352', 'Phường Phương Liệt'.normalize('NFD'), 'Đạt'], ['09568', 'PHƯỜNG PHÚ LƯƠNG', 'Đạt']];
    const same = await checkFile(await workbook([{ name: 'a', rows: withCode }]), { year: 2025, provinces: ['01'] });
    expect(same.problems.filter((p) => p.kind === 'name-differs')).toEqual([]);
    // "Phường Đồng Kỳ" does not exist: Xã Đồng Kỳ is offered as a question, not written.
    const near = await checkFile(await workbook([{ name: 'a', rows: [['Tên đơn vị', 'Kết quả'], ['Đồng Kỵ', 'Đạt']] }]), { year: 2025, provinces: ['24'] });
    expect(near.valid).toEqual([]);
    expect(near.questions).toMatchObject([{ kind: 'name', options: [{ value: '07282' }], suggested: null }]);
  });

  it('reads partial returns, picks the sheet that holds the table, checks rates and never takes a percentage for a count', async () => {
    const help: Cell[][] = [['HƯỚNG DẪN GHI BIỂU'], ['Cột Kết quả ghi Đạt hoặc Chưa đạt']];
    const rows: Cell[][] = [
      ['Mã xã', 'Tên xã', 'Kết quả ANTT', 'Khu dân cư (tổng số)', 'Khu dân cư đạt', 'Khu dân cư đạt (%)'],
      ['07612', 'Phường Phượng Sơn', 'Đạt', 20, 15, '75%'],
      ['09265', 'Phường Phương Liễu', 'Đạt', 10, 9, 80],
    ];
    const r = await checkFile(await workbook([{ name: 'Hướng dẫn', rows: help }, { name: 'Số liệu', rows }]), { year: 2025, provinces: ['24'] });
    expect(r.table.sheet).toBe('Số liệu');
    expect(r.table.otherSheets).toEqual([{ name: 'Hướng dẫn', why: 'không có dòng tiêu đề của bảng số liệu' }]);
    expect(r.table.columns[5].id).toBe('rdRate');
    expect(r.valid.map((v) => v.assessment.residential)).toEqual([
      { total: 20, certified: 15 },
      { total: 10, certified: 9 },
    ]);
    expect(r.problems.filter((p) => p.kind === 'rate').map((p) => [p.line, p.message])).toEqual([[3, 'Tỷ lệ ghi 80 % nhưng 9/10 = 90 %']]);

    // Code, name and status only: the status alone is enough.
    const only = await checkFile(await workbook([{ name: 'a', rows: [['Mã xã', 'Tên xã', 'Kết quả ANTT'], ['07612', 'Phường Phượng Sơn', 'Chưa đạt']] }]), { year: 2025, provinces: ['24'] });
    expect(errors(only)).toEqual([]);
    expect(only.valid[0]).toMatchObject({ assessment: { status: 'chua_dat' }, unreported: ['residential', 'agencies', 'enterprises', 'schools', 'models', 'keyArea', 'hotSpot', 'exemplary'] });
  });

  it('takes the user mapping of a column it does not recognise', async () => {
    const rows: Cell[][] = [['Tên đơn vị', 'Kết quả', 'Số tổ tự quản về ANTT'], ['Phường Phượng Sơn', 'Đạt', 7]];
    const bytes = await workbook([{ name: 'a', rows }]);
    const r = await checkFile(bytes, { year: 2025, provinces: ['24'] });
    expect(r.table.columns[2]).toMatchObject({ letter: 'C', id: null, source: 'unknown' });
    const mapped = await checkFile(bytes, { year: 2025, provinces: ['24'], mapping: { C: 'models' } });
    expect(mapped.valid[0].assessment.models).toBe(7);
    expect(mapped.valid[0].unreported).not.toContain('models');
  });

  it('looks names up in the province of the heading row above them, in a return of several provinces', async () => {
    // "Xã Tân Thành" exists in several provinces: only the heading row tells which.
    const { idx2025 } = realUnits();
    const tanThanh = [...idx2025.byCode.values()].filter((u) => u.fullName === 'Xã Tân Thành');
    expect(tanThanh.length).toBeGreaterThan(1);
    const [a, b] = tanThanh;
    const province = (code: string) => unit('2025', code).fullName;
    const rows: Cell[][] = [
      ['STT', 'Tên đơn vị', 'Kết quả phân loại'],
      ['I', province(a.provinceCode)],
      [1, 'Xã Tân Thành', 'Đạt'],
      ['II', province(b.provinceCode).replace(/^Thành phố /, 'TP. ')],
      [1, 'Tân Thành', 'Chưa đạt'],
      ['III', 'Tỉnh Không Có'],
      [1, 'Xã Tân Thành', 'Đạt'],
    ];
    const r = await checkFile(await workbook([{ name: 'Cả nước', rows }]), { year: 2025, provinces: null });
    expect(codes(r)).toEqual([
      [3, a.code],
      [5, b.code],
    ]);
    expect(r.skipped.map((s) => s.kind)).toEqual(['province', expect.stringMatching(/^(province|district)$/), 'province']);
    // A heading that names no province narrows nothing: the name is ambiguous again, an error listing the candidates.
    expect(errors(r).map((p) => [p.line, p.message])).toEqual([[7, expect.stringMatching(new RegExp(`^Có ${tanThanh.length} xã tên "Xã Tân Thành": .*${a.code}`))]]);
    expect(r.problems.filter((p) => p.kind === 'block').map((p) => [p.line, p.severity])).toEqual([[6, 'warning']]);
  });

  it('decodes Windows-1258 text files', async () => {
    const text = 'Mã xã;Tên xã, phường;Kết quả ANTT\n07612;Phường Phượng Sơn;Đạt\n';
    // Windows-1258 writes tones as combining marks after the vowel letter.
    const cp = text.normalize('NFD').replace(/[a-zA-Z][\u0302\u0306\u031b]/g, (m) => m.normalize('NFC'));
    const r = await checkFile(iconv.encode(cp, 'windows-1258'), { year: 2025, provinces: ['24'] });
    expect(codes(r)).toEqual([[2, '07612']]);
    expect(r.problems.filter((p) => p.kind === 'name-differs')).toEqual([]);
  });
});
