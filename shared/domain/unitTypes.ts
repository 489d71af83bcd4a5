// Which source says what type (xã, phường, đặc khu) a unit is, and as of when. Counts by type are the heart of
// every report ("69/70 xã, 48/52 phường"), so they are always given with this source and its date.
import type { Vintage } from './types.js';

export const COMMUNE_TYPES_2025 = ['Xã', 'Phường', 'Đặc khu'] as const;

/**
 * The authority for a 2025 unit's type: the GSO code list of the new communes, Công văn 1027/CTK-CSCL
 * (25/06/2025), in force from 1 July 2025. The 2026 list the polygons come from types ten Đồng Nai communes
 * "Phường" that 1027 lists as "Xã"; the source data name no resolution that changed them, so 1027 stands.
 * Before 2025: the GSO list in force on 30/06/2025 (the old units have no history of their types).
 */
const UNIT_TYPE_SOURCES: Record<Vintage, { document: string; asOf: string }> = {
  '2025': { document: 'danh mục 1027/CTK-CSCL của Cục Thống kê', asOf: '01/7/2025' },
  pre2025: { document: 'danh mục hành chính của Cục Thống kê', asOf: '30/6/2025' },
};

/** "Loại đơn vị theo danh mục 1027/CTK-CSCL của Cục Thống kê (01/7/2025)": said wherever counts by type appear. */
export function unitTypeSource(vintage: Vintage): string {
  const s = UNIT_TYPE_SOURCES[vintage];
  return `Loại đơn vị theo ${s.document} (${s.asOf})`;
}

/** The type at the head of an official name ("Phường Hoàn Kiếm" → "Phường"), in its canonical spelling, or null. */
export function typeOfName(fullName: string): (typeof COMMUNE_TYPES_2025)[number] | null {
  const lower = fullName.trim().toLocaleLowerCase('vi');
  return COMMUNE_TYPES_2025.find((t) => lower.startsWith(`${t.toLocaleLowerCase('vi')} `)) ?? null;
}

export interface TypedCommune {
  code: string;
  /** The type column of the list in use. */
  type: string;
  /** Its full name ("Phường Hoàn Kiếm"). */
  fullName: string;
  /** The name in the authority (1027/CTK-CSCL), whose prefix is the type. */
  officialName: string;
}

/**
 * Checks a 2025 list's types against the authority. A type that differs from it is a problem unless `documented`
 * (crosswalk/code_changes_after_2025-07-01.csv, change "type") says the list was changed later: then the
 * authority's type is used and a note says so. A full name whose prefix differs only in case ("xã Bắc Sơn") is
 * a note. Returns each commune's type by the authority.
 */
export function checkCommuneTypes(rows: readonly TypedCommune[], documented: ReadonlySet<string>, file: string): { types: Map<string, string>; problems: string[]; notes: string[] } {
  const types = new Map<string, string>();
  const problems: string[] = [];
  const later: string[] = [];
  const spelling: string[] = [];
  for (const r of rows) {
    const official = typeOfName(r.officialName);
    if (!official) {
      problems.push(`${file}: commune ${r.code}: the 1027/CTK-CSCL name "${r.officialName}" starts with no known type (${COMMUNE_TYPES_2025.join(', ')})`);
      continue;
    }
    types.set(r.code, official);
    if (!(COMMUNE_TYPES_2025 as readonly string[]).includes(r.type)) problems.push(`${file}: commune ${r.code}: type "${r.type}" is not ${COMMUNE_TYPES_2025.join(', ')}`);
    else if (r.type !== official) {
      if (documented.has(r.code)) later.push(`${r.code} ${r.fullName}`);
      else problems.push(`${file}: commune ${r.code} (${r.fullName}) is typed "${r.type}", but 1027/CTK-CSCL lists "${r.officialName}" (and no later change is documented)`);
    }
    const prefix = typeOfName(r.fullName);
    if (prefix === null || prefix !== r.type) problems.push(`${file}: commune ${r.code}: full name "${r.fullName}" does not start with its type "${r.type}"`);
    else if (!r.fullName.startsWith(`${prefix} `)) spelling.push(`${r.code} "${r.fullName}"`);
  }
  const notes: string[] = [];
  if (later.length) notes.push(`${file}: ${later.length} communes typed otherwise by a later list (${later.join(', ')}); the type of 1027/CTK-CSCL (01/7/2025) is used`);
  if (spelling.length) notes.push(`${file}: ${spelling.length} full names with the type in lower case (${spelling.join(', ')}); written with the type's own spelling`);
  return { types, problems, notes };
}
