import { describe, expect, it } from 'vitest';
import type { SearchIndexData } from '../domain/searchIndex.js';
import { buildIndex, search } from './search.js';

// A slice of the real index (GET /api/search-index), plus one made-up ward named like a province.
const data: SearchIndexData = {
  provinces: [
    ['01', 'Hà Nội', 'Thành phố', ''], ['08', 'Tuyên Quang', 'Tỉnh', ''], ['24', 'Bắc Ninh', 'Tỉnh', ''], ['37', 'Ninh Bình', 'Tỉnh', ''],
    ['38', 'Thanh Hoá', 'Tỉnh', ''], ['40', 'Nghệ An', 'Tỉnh', ''], ['79', 'Hồ Chí Minh', 'Thành phố', ''], ['96', 'Cà Mau', 'Tỉnh', ''],
  ],
  communes: [
    ['00493', 'Thiên Lộc', 'Xã', '01'], ['00508', 'Vĩnh Thanh', 'Xã', '01'], ['00602', 'Đông Ngạc', 'Phường', '01'],
    ['02287', 'Chiêm Hoá', 'Xã', '08'], ['09187', 'Kinh Bắc', 'Phường', '24'], ['09367', 'Từ Sơn', 'Phường', '24'],
    ['15349', 'Vĩnh Lộc', 'Xã', '38'], ['16708', 'Vinh Lộc', 'Phường', '40'], ['27601', 'Vĩnh Lộc', 'Xã', '79'],
    ['27604', 'Tân Vĩnh Lộc', 'Xã', '79'], ['31858', 'Vĩnh Lộc', 'Xã', '96'], ['99001', 'Bắc Ninh', 'Phường', '24'],
  ],
  oldProvinces: [
    ['01', 'Hà Nội', 'Thành phố', '01'], ['08', 'Tuyên Quang', 'Tỉnh', '08'], ['27', 'Bắc Ninh', 'Tỉnh', '24'],
    ['35', 'Hà Nam', 'Tỉnh', '37'], ['38', 'Thanh Hóa', 'Tỉnh', '38'],
  ],
  oldDistricts: [
    ['017', 'Đông Anh', 'Huyện', '01'], ['073', 'Chiêm Hóa', 'Huyện', '08'], ['261', 'Từ Sơn', 'Thành phố', '27'], ['393', 'Vĩnh Lộc', 'Huyện', '38'],
  ],
  aliases: [
    ['00493', 'Kim Chung', 'Xã', '017', ['00493', '00508']],
    ['02287', 'Vĩnh Lộc', 'Thị trấn', '073', ['02287']],
    ['09367', 'Đông Ngàn', 'Phường', '261', ['09367']],
    ['15349', 'Vĩnh Lộc', 'Thị trấn', '393', ['15349']],
  ],
};
const index = buildIndex(data);
const ids = (q: string, limit?: number) => search(index, q, limit).map((r) => r.id);

describe('search', () => {
  it.each(['dong ngan', 'Đông Ngàn', 'dong ngna', 'ĐÔNG NGÀN', 'dongngan', 'phuong dong ngan'])('finds the old Phường Đông Ngàn from "%s"', (q) => {
    const [first] = search(index, q);
    expect(first).toEqual({
      id: 'o09367', kind: 'commune', code: '09367', matched: 'alias', name: 'Phường Từ Sơn', province: 'Tỉnh Bắc Ninh',
      alias: { oldName: 'Phường Đông Ngàn', oldPlace: 'Thành phố Từ Sơn, Tỉnh Bắc Ninh', alsoInto: [] },
    });
  });

  it('leads "Thị trấn Vĩnh Lộc" to the communes the two towns became, before today\'s Xã Vĩnh Lộc', () => {
    const r = search(index, 'Thị trấn Vĩnh Lộc');
    expect(r.slice(0, 2).map((x) => [x.code, x.name, x.alias?.oldPlace])).toEqual([
      ['02287', 'Xã Chiêm Hoá', 'Huyện Chiêm Hóa, Tỉnh Tuyên Quang'],
      ['15349', 'Xã Vĩnh Lộc', 'Huyện Vĩnh Lộc, Tỉnh Thanh Hóa'],
    ]);
    // Typed with its diacritics, Vĩnh Lộc comes before Vinh Lộc.
    expect(r.slice(2).map((x) => x.id)).toEqual(['c15349', 'c27601', 'c31858', 'c16708', 'c27604']);
  });

  it('lists every commune named Vĩnh Lộc for "vinh loc", today\'s before the old names, exact before prefix', () => {
    expect(ids('vinh loc')).toEqual(['c15349', 'c16708', 'c27601', 'c31858', 'o02287', 'o15349', 'c27604']);
  });

  it('narrows by the place typed after the name', () => {
    expect(ids('vinh loc thanh hoa')).toEqual(['c15349', 'o15349']);
    expect(ids('vinh loc chiem hoa')).toEqual(['o02287']);
  });

  it('puts provinces first among equals, and uses the type words as a bonus', () => {
    expect(ids('bac ninh')).toEqual(['p24', 'c99001', 'c09187']);
    expect(ids('phuong bac ninh')[0]).toBe('c99001');
    expect(ids('tinh bac ninh')[0]).toBe('p24');
  });

  it('leads an old province to the province it went into', () => {
    expect(search(index, 'ha nam')[0]).toMatchObject({ kind: 'province', code: '37', name: 'Tỉnh Ninh Bình', alias: { oldName: 'Tỉnh Hà Nam' } });
    // A province that kept its name is not listed twice.
    expect(ids('bac ninh').filter((id) => id.startsWith('op'))).toEqual([]);
  });

  it('leads a split commune to its largest part and names the others', () => {
    expect(search(index, 'kim chung')[0]).toMatchObject({ code: '00493', name: 'Xã Thiên Lộc', alias: { alsoInto: ['Xã Vĩnh Thanh'] } });
  });

  it('ranks exact > every word a prefix > typos', () => {
    expect(ids('vinh l')).toEqual(['c15349', 'c16708', 'c27601', 'c31858', 'o02287', 'o15349', 'c27604']);
    expect(ids('tu son')).toEqual(['c09367']);
    expect(ids('tu sno')).toEqual(['c09367']); // transposed
    expect(ids('dong ngac')).toEqual(['c00602', 'o09367']); // one letter off "ngan": after the exact match
  });

  it('finds initials', () => {
    expect(ids('tphcm')).toEqual(['p79']);
    expect(ids('hcm')).toEqual(['p79']);
  });

  it('returns nothing for an empty or one-letter query, or one that matches nothing', () => {
    expect(search(index, '')).toEqual([]);
    expect(search(index, '  ,. ')).toEqual([]);
    expect(search(index, 'v')).toEqual([]);
    expect(search(index, 'đ')).toEqual([]);
    expect(search(index, 'zzzz')).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(ids('vinh loc', 3)).toEqual(['c15349', 'c16708', 'c27601']);
  });
});
