import { describe, expect, it } from 'vitest';
import { ALL_COLUMNS, columnLetter, columnOf } from '../../shared/import/columns.js';
import { decodeText } from './decode.js';
import { nameKey, normalize, splitCommuneName } from '../../shared/import/normalize.js';
import { findTable } from './table.js';
import { detectSeparator, readSheet, SheetError } from './sheet.js';
import { parseCode, parseCount, parseFlag, parseStatus } from './values.js';

const value = <T>(p: { ok: true; value: T } | { ok: false }) => (p.ok ? p.value : 'ERR');

describe('cell values', () => {
  it('reads the common spellings of the status', () => {
    for (const s of ['Đạt', 'đạt', 'DAT', 'x', 'X', ' Đạt chuẩn ']) expect(value(parseStatus(s)), s).toBe('dat');
    for (const s of ['Chưa đạt', 'chua dat', 'Không đạt']) expect(value(parseStatus(s)), s).toBe('chua_dat');
    for (const s of ['', '  ', 'Chưa đánh giá', 'chua danh gia']) expect(value(parseStatus(s)), s).toBe('chua_danh_gia');
    const bad = parseStatus('tốt');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.hint).toMatch(/Đạt/);
  });

  it('reads counts with Vietnamese thousands separators and refuses the rest', () => {
    expect(value(parseCount(''))).toBe(0);
    expect(value(parseCount('12'))).toBe(12);
    expect(value(parseCount('1.234'))).toBe(1234);
    expect(value(parseCount('1 234'))).toBe(1234);
    expect(value(parseCount('12.0'))).toBe(12);
    for (const s of ['-3', '−3', '1,5', '2.5', 'abc', '12a', '9999999']) expect(parseCount(s).ok, s).toBe(false);
    const neg = parseCount('-3');
    if (!neg.ok) expect(neg.message).toMatch(/âm/);
  });

  it('reads yes/no cells and codes', () => {
    expect(value(parseFlag('x'))).toBe(true);
    expect(value(parseFlag('Có'))).toBe(true);
    expect(value(parseFlag(''))).toBe(false);
    expect(value(parseFlag('không'))).toBe(false);
    expect(parseFlag('maybe').ok).toBe(false);
    expect(parseFlag('??').ok).toBe(false);
    expect(parseStatus('?').ok).toBe(false);
    expect(value(parseCode('4'))).toBe('4');
    expect(value(parseCode('00004'))).toBe('00004');
    expect(parseCode('12a').ok).toBe(false);
    expect(parseCode('123456').ok).toBe(false);
  });
});

describe('headings and names', () => {
  it('recognises headings with or without diacritics, and no two columns share a wording', () => {
    expect(columnOf('Mã xã')).toBe('code');
    expect(columnOf('MA XA')).toBe('code');
    expect(columnOf('Ket qua ANTT')).toBe('status');
    expect(columnOf('Khu dân cư đạt')).toBe('rdCertified');
    expect(columnOf('khu dan cu (tong so)')).toBe('rdTotal');
    expect(columnOf('STT')).toBe('seq');
    expect(columnOf('Cột lạ')).toBeUndefined();
    // Group headings joined to sub-headings; percentages are rates, never counts.
    expect(columnOf('Khu dân cư › Tổng số')).toBe('rdTotal');
    expect(columnOf('Khu dân cư › Đạt chuẩn')).toBe('rdCertified');
    expect(columnOf('Cơ quan, doanh nghiệp › Cơ quan › Đạt')).toBe('agCertified');
    expect(columnOf('Khu dân cư đạt (%)')).toBe('rdRate');
    expect(columnOf('Khu dân cư › Tỷ lệ')).toBe('rdRate');
    expect(columnOf('Kết quả phân loại')).toBe('status');
    expect(columnOf('Tên đơn vị')).toBe('name');
    expect(columnOf('Huyện/TP')).toBe('district');
    const owner = new Map<string, string>();
    for (const c of ALL_COLUMNS) {
      for (const h of [c.heading, c.id, ...c.aliases].map(normalize)) {
        expect(owner.get(h) ?? c.id, h).toBe(c.id);
        owner.set(h, c.id);
      }
    }
  });

  it('finds the heading row below a title', () => {
    const rows = [['BÁO CÁO KẾT QUẢ NĂM 2024'], ['Mã xã', 'Tên', 'Kết quả', 'Ghi chú', 'Cột lạ'], ['00004', 'Ba Đình', 'Đạt']].map((cells, k) => ({ line: k + 1 + (k > 0 ? 1 : 0), cells }));
    const h = findTable([{ name: null, rows }]);
    if ('error' in h) throw new Error(h.error);
    expect(h.headerLines).toEqual([3]);
    expect(h.index.get('status')).toBe(2);
    expect(h.columns.filter((c) => c.source === 'unknown').map((c) => c.heading)).toEqual(['Cột lạ']);
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(27)).toBe('AB');
  });

  it('strips a type word only when it is one, and forgives composition and tone placement only', () => {
    expect(splitCommuneName('Phường Đông Ngàn')).toEqual({ type: 'Phường', key: nameKey('đông ngàn') });
    expect(splitCommuneName('  đông  ngàn ')).toEqual({ type: null, key: nameKey('đông ngàn') });
    expect(splitCommuneName('Thị trấn Vĩnh Lộc').type).toBe('Thị trấn');
    for (const [raw, type] of [['P. Đông Ngàn', 'Phường'], ['P.Đông Ngàn', 'Phường'], ['TT Vĩnh Lộc', 'Thị trấn'], ['X. Sóc Sơn', 'Xã'], ['xã Sóc Sơn', 'Xã']] as const) expect(splitCommuneName(raw).type, raw).toBe(type);
    for (const raw of ['Phượng Sơn', 'Phương Liễu', 'Xà Phiên', 'Xa Dung', 'Pác Nặm', 'Tân Phú']) expect(splitCommuneName(raw), raw).toEqual({ type: null, key: nameKey(raw) });
    expect(splitCommuneName('Phường Phượng Sơn').key).toBe(nameKey('Phượng Sơn'));
    expect(nameKey('Hoà Bình')).toBe(nameKey('Hòa Bình'));
    expect(nameKey('Thuỷ')).toBe(nameKey('thủy'));
    expect(nameKey('Phường Phương Liệt'.normalize('NFD'))).toBe(nameKey('Phường Phương Liệt'));
    expect(nameKey('Đồng Kỵ')).not.toBe(nameKey('Đồng Kỳ'));
    expect(nameKey('Phù Lương')).not.toBe(nameKey('Phú Lương'));
    expect(normalize('Đồng Kỵ')).toBe(normalize('Đồng Kỳ'));
  });
});

describe('reading files', () => {
  const text = 'Mã xã;Tên;Kết quả\n00001;Đông Ngàn;Đạt\n';
  it('decodes UTF-8 with and without BOM, and UTF-16 LE/BE with and without BOM', () => {
    const utf8 = Buffer.from(text, 'utf8');
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [b, enc] of [
      [utf8, 'utf-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'utf-8'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be'],
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const d = decodeText(b);
      expect(d.encoding).toBe(enc);
      expect(d.text.replace(/^\ufeff/, '')).toBe(text);
    }
    expect(decodeText(Buffer.from([0x4d, 0x61, 0xde, 0x20, 0x78, 0x61, 0xde]))).toEqual({ text: 'Mã xã', encoding: 'windows-1258' });
  });

  it('detects the separator and reads CSV rows with their line numbers', async () => {
    expect(detectSeparator('a,b;c;d\n')).toBe(';');
    expect(detectSeparator('a\tb\tc\n')).toBe('\t');
    expect(detectSeparator('"a;b",c\n')).toBe(',');
    const s = await readSheet(Buffer.from(`\n${text}`, 'utf8'));
    expect(s.separator).toBe(';');
    expect(s.sheets[0].rows.map((r) => r.line)).toEqual([2, 3]);
    expect(s.sheets[0].rows[1].cells).toEqual(['00001', 'Đông Ngàn', 'Đạt']);
  });

  it('refuses what it cannot read with a message', async () => {
    await expect(readSheet(Buffer.alloc(0))).rejects.toThrow(SheetError);
    await expect(readSheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).rejects.toThrow(/xls/);
    await expect(readSheet(Buffer.from('PK\u0003\u0004garbage'))).rejects.toThrow(/Excel/);
    await expect(readSheet(Buffer.from('a,"b\n'))).rejects.toThrow(/Dòng 1/);
  });
});
