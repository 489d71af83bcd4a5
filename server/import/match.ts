// A row's commune by its name, never guessed: the exact full name (case, spacing, Unicode form and
// tone-mark placement forgiven), else the name without its type word (a type word only when it is
// one: "Phường Phượng Sơn" is named "Phượng Sơn"), told apart by type and by district (its column or
// the district header row above). More than one candidate is an error listing them; a name equal only
// without diacritics ("Đồng Kỵ" / "Đồng Kỳ") is a suggestion the user must confirm, never a match.

import { assessedUnits } from '../../shared/domain/assessed.js';
import type { Unit, Vintage } from '../../shared/domain/types.js';
import { nameKey, normalize, splitCommuneName, splitDistrictName, type TypedName } from '../../shared/import/normalize.js';

interface NameIndex {
  full: Map<string, Unit[]>;
  bare: Map<string, Unit[]>;
  loose: Map<string, Unit[]>;
}

/** A unit's names as keys, computed once per catalogue (not once per row of every file). */
interface UnitKeys {
  full: string;
  name: string;
  type: string | null;
  bare: string;
}

/** The units a file is checked against. */
export interface UnitIndex {
  vintage: Vintage;
  /** Units that carry returns (communes, and island districts without communes), by code. */
  byCode: Map<string, Unit>;
  /** The same for the other vintage, to recognise a code of the wrong map. */
  otherByCode: Map<string, Unit>;
  /** province code → the names of its assessable units; '*' → all of them. */
  names: Map<string, NameIndex>;
  /** province code → the names of its districts (before 2025); '*' → all of them. */
  districts: Map<string, NameIndex>;
  districtByCode: Map<string, Unit>;
  provinceNames: Map<string, string>;
  /** Provinces by their name without type ("bắc ninh" → Tỉnh Bắc Ninh), as a key. */
  provinceByName: Map<string, Unit[]>;
  keys: Map<Unit, UnitKeys>;
}

const push = (m: Map<string, Unit[]>, k: string, u: Unit) => {
  if (k === '') return;
  const list = m.get(k);
  if (!list) m.set(k, [u]);
  else if (!list.includes(u)) list.push(u);
};

const ALL = '*';

function nameIndex(units: Unit[], split: (s: string) => TypedName, keys: Map<Unit, UnitKeys>): Map<string, NameIndex> {
  const out = new Map<string, NameIndex>();
  const of = (p: string) => {
    let m = out.get(p);
    if (!m) out.set(p, (m = { full: new Map(), bare: new Map(), loose: new Map() }));
    return m;
  };
  of(ALL);
  for (const u of units) {
    const { type, key: bare } = split(u.fullName);
    const k: UnitKeys = { full: nameKey(u.fullName), name: nameKey(u.name), type, bare };
    keys.set(u, k);
    const loose = [normalize(bare), normalize(u.fullName)];
    for (const m of [of(u.provinceCode), of(ALL)]) {
      push(m.full, k.full, u);
      push(m.bare, bare, u);
      for (const l of loose) push(m.loose, l, u);
    }
  }
  return out;
}

export function buildUnitIndex(vintage: Vintage, units: Unit[], otherUnits: Unit[]): UnitIndex {
  const mine = assessedUnits(units);
  const districts = units.filter((u) => u.level === 'district');
  const keys = new Map<Unit, UnitKeys>();
  const provinceByName = new Map<string, Unit[]>();
  for (const u of units) if (u.level === 'province') push(provinceByName, nameKey(u.name), u);
  return {
    vintage,
    byCode: new Map(mine.map((u) => [u.code, u])),
    otherByCode: new Map(assessedUnits(otherUnits).map((u) => [u.code, u])),
    names: nameIndex(mine, splitCommuneName, keys),
    districts: nameIndex(districts, splitDistrictName, keys),
    districtByCode: new Map(districts.map((u) => [u.code, u])),
    provinceNames: new Map(units.filter((u) => u.level === 'province').map((u) => [u.code, u.fullName])),
    provinceByName,
    keys,
  };
}

export type NameMatch =
  | { ok: true; unit: Unit; how: 'full' | 'bare' }
  | { ok: false; why: 'ambiguous' | 'none' | 'district'; message: string; hint: string; candidates: Unit[]; suggestions: Unit[] };

/** "Phường Đông Ngàn (09100, Thành phố Từ Sơn)". */
export function describeUnit(index: UnitIndex, u: Unit): string {
  const d = u.districtCode ? index.districtByCode.get(u.districtCode) : undefined;
  return `${u.fullName} (${u.code}${d ? `, ${d.fullName}` : ''})`;
}

const pools = (m: Map<string, NameIndex>, provinces: string[] | null) => (provinces === null ? [m.get(ALL)!] : provinces.map((p) => m.get(p)).filter((x) => x !== undefined));
const NONE: Unit[] = [];
const lookup = (ps: NameIndex[], which: keyof NameIndex, k: string): Unit[] => (ps.length === 1 ? (ps[0][which].get(k) ?? NONE) : ps.flatMap((p) => p[which].get(k) ?? NONE));

/** The districts a text names (full name, or without its type, abbreviations understood). */
export function resolveDistrict(index: UnitIndex, raw: string, provinces: string[] | null): Unit[] {
  const ps = pools(index.districts, provinces);
  const full = lookup(ps, 'full', nameKey(raw));
  if (full.length > 0) return full;
  const { type, key } = splitDistrictName(raw);
  return lookup(ps, 'bare', key).filter((u) => type === null || u.type === type);
}

export function matchName(index: UnitIndex, rawName: string, rawDistrict: string | null, provinces: string[] | null): NameMatch {
  const ps = pools(index.names, provinces);
  const name = rawName.trim();
  const { type, key } = splitCommuneName(name);
  let district: Unit[] | null = null;
  let districtNote = '';
  if (rawDistrict && index.vintage === 'pre2025') {
    district = resolveDistrict(index, rawDistrict, provinces);
    if (district.length === 0) {
      district = null;
      districtNote = ` (không tìm thấy "${rawDistrict.trim()}" trong danh mục huyện)`;
    }
  }
  const inDistrict = (list: Unit[]) => (district === null ? list : list.filter((u) => district.some((d) => d.code === u.districtCode)));
  const describe = (list: Unit[]) => list.map((u) => describeUnit(index, u)).join('; ');
  const where = district ? ` thuộc ${district.map((d) => d.fullName).join(' / ')}` : '';

  const exact = lookup(ps, 'full', nameKey(name));
  const bareAll = lookup(ps, 'bare', key).filter((u) => type === null || index.keys.get(u)!.type === type);
  for (const [how, all] of [
    ['full', exact],
    ['bare', bareAll],
  ] as const) {
    if (all.length === 0) continue;
    const found = inDistrict(all);
    if (found.length === 1) return { ok: true, unit: found[0], how };
    if (found.length > 1) {
      return {
        ok: false,
        why: 'ambiguous',
        message: `Có ${found.length} xã tên "${name}"${where}: ${describe(found)}`,
        hint: index.vintage === 'pre2025' ? 'Ghi mã xã, hoặc thêm cột "Huyện/TP" (hoặc dòng tên huyện phía trên) để phân biệt.' : 'Ghi mã xã hoặc tên đầy đủ (Xã/Phường …) để phân biệt.',
        candidates: found,
        suggestions: [],
      };
    }
    return {
      ok: false,
      why: 'district',
      message: `Không có xã tên "${name}"${where}; trong danh mục: ${describe(all)}`,
      hint: 'Kiểm tra tên huyện (cột "Huyện/TP" hoặc dòng tên huyện phía trên), hoặc ghi mã xã.',
      candidates: all,
      suggestions: [],
    };
  }
  const loose = inDistrict([...new Set([...lookup(ps, 'loose', normalize(name)), ...lookup(ps, 'loose', normalize(key))])]);
  const scope = provinces === null ? '' : ` trong ${provinces.map((p) => index.provinceNames.get(p) ?? p).join(', ')}`;
  return {
    ok: false,
    why: 'none',
    message: `Không tìm thấy xã tên "${name}"${where}${scope}${districtNote}${loose.length > 0 ? `; gần giống (khác dấu): ${describe(loose)}` : ''}`,
    hint: loose.length > 0 ? 'Nếu đúng là xã đó, xác nhận ở câu hỏi bên trên hoặc sửa tên cho đúng dấu; nếu không, ghi mã xã.' : 'Ghi mã xã, hoặc sửa tên theo danh mục trong mẫu tải về.',
    candidates: [],
    suggestions: loose,
  };
}

/** Whether the name written beside a code is the catalogue's (any accepted spelling of it). */
export function sameName(index: UnitIndex, u: Unit, raw: string): boolean {
  const t = raw.trim();
  if (t === '') return true;
  const k = index.keys.get(u)!;
  const written = nameKey(t);
  if (written === k.full || written === k.name) return true;
  const { type, key } = splitCommuneName(t);
  return key === k.bare && (type === null || type === k.type);
}
