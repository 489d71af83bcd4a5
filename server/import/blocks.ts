// A return of several provinces (a national summary) groups its communes under province heading rows:
// "Tỉnh Bắc Ninh", "Thành phố Hà Nội". The names below such a row are looked up in that province only,
// as names below a district row are in that district: the same commune name exists in many provinces.
// A heading that names no province of the year's map narrows nothing and is said so.

import type { Unit } from '../../shared/domain/types.js';
import { resolveDistrict, type UnitIndex } from './match.js';
import { nameKey, splitDistrictName } from '../../shared/import/normalize.js';
import type { RowScope } from './rowMatch.js';
import type { TableRow } from './table.js';

const PROVINCE = `${nameKey('tỉnh')} `;

/** The provinces a heading names: "Tỉnh Bắc Ninh", "TP. Hồ Chí Minh", "Thành phố Hà Nội". */
function provincesNamed(index: UnitIndex, text: string): Unit[] {
  const n = nameKey(text);
  if (n.startsWith(PROVINCE)) return (index.provinceByName.get(n.slice(PROVINCE.length)) ?? []).filter((u) => u.type === 'Tỉnh');
  const { type, key } = splitDistrictName(text);
  return type === 'Thành phố' ? (index.provinceByName.get(key) ?? []).filter((u) => u.type === 'Thành phố') : [];
}

export interface Blocks {
  /** A row that is not a commune's: a province heading opens a block; a message when it names no province. */
  heading(row: TableRow): string | null;
  /** Where the name of a commune row is looked up. */
  scope(row: TableRow): RowScope;
}

export function provinceBlocks(index: UnitIndex, provinces: string[] | null): Blocks {
  let open: { text: string; codes: string[] } | null = null;
  return {
    heading(row) {
      if (row.kind === 'province' && row.block !== null) {
        const named = provincesNamed(index, row.block);
        open = named.length > 0 ? { text: row.block, codes: named.map((u) => u.code) } : null;
        if (named.length > 0) return null;
        return `Không có tỉnh, thành phố "${row.block}" trong danh mục ${index.vintage === '2025' ? 'từ 01/7/2025' : 'trước 01/7/2025'}: tên xã bên dưới được đối chiếu trong ${provinces === null ? 'cả nước' : 'tỉnh đã chọn'}.`;
      }
      if ((row.kind === 'district' || row.kind === 'subtotal') && row.district !== null) {
        // Before 2025 a district of that name comes first: "Thành phố Huế" was a district of Thừa Thiên Huế.
        if (index.vintage === 'pre2025' && resolveDistrict(index, row.district, open?.codes ?? provinces).length > 0) return null;
        const named = provincesNamed(index, row.district);
        if (named.length > 0) open = { text: row.district, codes: named.map((u) => u.code) };
      }
      return null;
    },
    scope(row) {
      if (open === null) return { provinces, district: row.district, block: '' };
      // The heading itself is no district ("Thành phố Hà Nội" above the communes of Hà Nội).
      return { provinces: open.codes, district: row.district === open.text ? null : row.district, block: `#${open.codes.join(',')}` };
    },
  };
}
