// The units an import is checked against, and who may write which of them: both vintages' unit indexes, and
// how the old communes and provinces went into the 2025 ones. Pure: ImportService builds it once per store version.

import type { CrosswalkLink, Unit, Vintage } from '../../shared/domain/types.js';
import { buildUnitIndex, type UnitIndex } from '../import/validate.js';
import type { User } from '../store/admin.js';
import { badRequest } from './errors.js';

export interface ImportUnits {
  indexes: Map<Vintage, UnitIndex>;
  /** Per old unit code, the 2025 provinces its successors lie in ('?' for a successor of no known province). */
  successors: Map<string, Set<string>>;
  /** Per 2025 province, the old provinces that went into it, in code order. */
  oldProvincesOf: Map<string, string[]>;
}

export function importUnits(u2025: Unit[], uOld: Unit[], links: CrosswalkLink[]): ImportUnits {
  const provinceOfNew = new Map(u2025.map((u) => [u.code, u.provinceCode]));
  const successors = new Map<string, Set<string>>();
  for (const l of links) {
    const s = successors.get(l.oldCode) ?? new Set<string>();
    s.add(provinceOfNew.get(l.newCode) ?? '?');
    successors.set(l.oldCode, s);
  }
  // An old province went into the 2025 province most of its communes went into.
  const votes = new Map<string, Map<string, number>>();
  for (const u of uOld) {
    if (u.level !== 'commune') continue;
    for (const p of successors.get(u.code) ?? []) {
      const v = votes.get(u.provinceCode) ?? new Map<string, number>();
      v.set(p, (v.get(p) ?? 0) + 1);
      votes.set(u.provinceCode, v);
    }
  }
  const oldProvincesOf = new Map<string, string[]>();
  for (const [old, v] of [...votes].sort(([a], [b]) => a.localeCompare(b))) {
    const into = [...v].sort((a, b) => b[1] - a[1])[0][0];
    oldProvincesOf.set(into, [...(oldProvincesOf.get(into) ?? []), old]);
  }
  return {
    indexes: new Map([
      ['2025', buildUnitIndex('2025', u2025, uOld)],
      ['pre2025', buildUnitIndex('pre2025', uOld, u2025)],
    ]),
    successors,
    oldProvincesOf,
  };
}

/**
 * The provinces of the year's vintage a province code stands for. Before 2025 a 2025 code (unless
 * the caller says it is an old one) means the old provinces that went into it: "24" for 2024 is
 * Bắc Ninh of 2025, i.e. old Bắc Giang (24) and old Bắc Ninh (27), not old Bắc Giang alone.
 */
export function provincesOf(units: ImportUnits, vintage: Vintage, code: string, provinceVintage: Vintage | null): string[] {
  if (vintage === '2025' || provinceVintage === 'pre2025') return [code];
  const merged = units.oldProvincesOf.get(code);
  return merged && merged.length > 0 ? merged : [code];
}

/** The province a code names for the year's vintage; refuses a code of neither list. */
export function namedProvince(units: ImportUnits, vintage: Vintage, code: string | null, provinceVintage?: Vintage): { code: string; name: string } | null {
  if (code === null) return null;
  const index = units.indexes.get(vintage)!;
  // A 2025 code for an old year is named as the 2025 province it is.
  const name = vintage === 'pre2025' && provinceVintage !== 'pre2025' ? (units.indexes.get('2025')!.provinceNames.get(code) ?? index.provinceNames.get(code)) : index.provinceNames.get(code);
  if (!name) {
    const which = vintage === '2025' ? '34 tỉnh, thành phố từ 01/7/2025' : '63 tỉnh, thành phố trước 01/7/2025 (năm trước 2025 dùng mã tỉnh cũ)';
    throw badRequest(`Không có tỉnh mã ${code} trong danh mục ${which}`, 'province');
  }
  return { code, name };
}

/** The 2025 province a file's choices are remembered under, so that a 2024 file's choices are offered for the 2025 file. */
export function mappingKey(units: ImportUnits, vintage: Vintage, province: { code: string } | null, provinceVintage?: Vintage): string {
  const newProvince = province === null ? null : vintage === '2025' || provinceVintage !== 'pre2025' ? province.code : [...units.oldProvincesOf].find(([, olds]) => olds.includes(province.code))?.[0];
  return newProvince ? `tỉnh ${newProvince}` : '*';
}

/** What a user may write: everything, or the communes of one 2025 province. */
export interface Scope {
  /** A 2025 province code; null: all. */
  province: string | null;
  label: string;
}

export const scopeOf = (u: Pick<User, 'role' | 'provinceCode'>): Scope =>
  u.role === 'admin' ? { province: null, label: 'toàn quốc' } : { province: u.provinceCode, label: `tỉnh ${u.provinceCode}` };

/** Whether `scope` may write a unit: on the pre-2025 map, an old unit all of whose successors lie in the scope's province. */
export function writableBy(units: ImportUnits, vintage: Vintage, scope: Scope): (u: Unit) => boolean {
  const p = scope.province;
  if (p === null) return () => true;
  if (vintage === '2025') return (u) => u.provinceCode === p;
  return (u) => {
    const next = units.successors.get(u.code);
    return next !== undefined && next.size > 0 && [...next].every((q) => q === p);
  };
}
