// The search index the client searches in: today's units, and the pre-2025 names as aliases of them.
import type { CrosswalkLink, Unit } from './types.js';

/**
 * A unit as [code, name, type, parent], plus its full name only where it is not `${type} ${name}`
 * (e.g. "Phường 1"), so that 13,000 rows stay small. `parent`: the province (communes, districts),
 * or for an old province the 2025 province it went into. A null fullName reads as an absent one: JSON may
 * carry either in an array's place (and hc's type of the answer says so).
 */
export type IndexUnit = [code: string, name: string, type: string, parent: string, fullName?: string | null];

/** An old commune (or island district) as [code, name, type, old district, new codes largest share first, fullName?]. */
type IndexAlias = [code: string, name: string, type: string, district: string, targets: string[], fullName?: string | null];

/** GET /api/search-index. Arrays rather than objects: the index is downloaded whole on first use. */
export interface SearchIndexData {
  provinces: IndexUnit[]; // 2025; parent = ''
  communes: IndexUnit[]; // 2025
  oldProvinces: IndexUnit[]; // pre-2025; parent = the 2025 province most of its communes went into
  oldDistricts: IndexUnit[]; // pre-2025; context of the aliases
  aliases: IndexAlias[];
}

export const fullNameOf = (u: { name: string; type: string; fullName?: string | null }) => u.fullName ?? `${u.type} ${u.name}`;

function row(u: Unit, parent: string): IndexUnit {
  return u.fullName === `${u.type} ${u.name}` ? [u.code, u.name, u.type, parent] : [u.code, u.name, u.type, parent, u.fullName];
}

const key = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');

export function buildSearchIndex(current: Map<string, Unit>, old: Map<string, Unit>, links: CrosswalkLink[]): SearchIndexData {
  const byOld = new Map<string, CrosswalkLink[]>();
  for (const l of links) {
    const list = byOld.get(l.oldCode);
    if (list) list.push(l);
    else byOld.set(l.oldCode, [l]);
  }
  const now = [...current.values()];
  const was = [...old.values()];

  // An old province went whole into one new province; weigh by the links in case a commune moved across.
  const provinceShares = new Map<string, Map<string, number>>();
  const aliases: IndexAlias[] = [];
  for (const u of was) {
    const out = byOld.get(u.code);
    if (!out || u.level === 'province') continue;
    const sorted = [...out].sort((a, b) => b.weight - a.weight || a.newCode.localeCompare(b.newCode));
    const targets = sorted.map((l) => l.newCode).filter((c) => current.has(c));
    if (!targets.length) continue;
    const shares = provinceShares.get(u.provinceCode) ?? new Map<string, number>();
    provinceShares.set(u.provinceCode, shares);
    for (const l of sorted) {
      const p = current.get(l.newCode)?.provinceCode;
      if (p) shares.set(p, (shares.get(p) ?? 0) + l.weight);
    }
    // A commune that kept its name and type adds nothing the current entry does not already find.
    if (key(u.fullName) === key(current.get(targets[0])!.fullName)) continue;
    const district = u.level === 'commune' ? (u.districtCode ?? '') : u.code;
    const a: IndexAlias = [u.code, u.name, u.type, district, targets];
    if (u.fullName !== `${u.type} ${u.name}`) a.push(u.fullName);
    aliases.push(a);
  }
  const largest = (shares: Map<string, number> | undefined) =>
    [...(shares ?? [])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';

  return {
    provinces: now.filter((u) => u.level === 'province').map((u) => row(u, '')),
    communes: now.filter((u) => u.level === 'commune').map((u) => row(u, u.provinceCode)),
    oldProvinces: was.filter((u) => u.level === 'province').map((u) => row(u, largest(provinceShares.get(u.code)))),
    oldDistricts: was.filter((u) => u.level === 'district').map((u) => row(u, u.provinceCode)),
    aliases,
  };
}
