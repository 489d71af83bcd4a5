// The 1 July 2025 old→new crosswalk, and the 2025 populations checked against the census through it.

import { assessedUnits } from '../../shared/domain/assessed.js';
import type { CrosswalkLink, Unit } from '../../shared/domain/types.js';
import { CsvError, type CsvTable } from '../../shared/lib/csv.js';
import { fail, code, uniqueCheck } from './fields.js';

/**
 * The old→new links. Applies the code changes (the crosswalk uses 06970/23737 where the 2025 units
 * use 06978/23938). Weights: an old commune with one target gives it weight 1; an old commune split
 * between several targets shares its figures in proportion to the targets' geodesic areas (no
 * polygon of the old commune exists), summing to 1. Links whose old code is not a pre-2025 unit
 * (the 12 communes that only existed in the 01/03/2025 list) are dropped; the 5 island districts
 * without communes (3-digit old codes) are pre-2025 units and are kept.
 */
export function buildCrosswalk(
  links: CsvTable,
  codeChanges: CsvTable,
  units2025: Unit[],
  unitsPre2025: Unit[],
  notes: string[],
): CrosswalkLink[] {
  const rename = new Map<string, string>();
  for (const row of codeChanges.rows) {
    if (row.get('change').trim() !== 'code') continue;
    const from = code(codeChanges, row, 'code_gso_1027_list', 5);
    const to = code(codeChanges, row, 'code_current', 5);
    if (from !== to) rename.set(from, to);
  }
  const newByCode = new Map(units2025.filter((u) => u.level === 'commune').map((u) => [u.code, u]));
  const oldByCode = new Map(unitsPre2025.filter((u) => u.level !== 'province').map((u) => [u.code, u]));
  const islandDistricts = new Set(assessedUnits(unitsPre2025).filter((u) => u.level === 'district').map((u) => u.code));

  interface Raw {
    oldCode: string;
    newCode: string;
    relation: 'full' | 'partial';
    line: number;
  }
  const byOld = new Map<string, Raw[]>();
  const dropped = new Set<string>();
  let renamed = 0;
  const seenPair = new Map<string, number>();
  for (const row of links.rows) {
    const oldCode = code(links, row, 'old_code', [3, 5]);
    let newCode = code(links, row, 'new_code', 5);
    const relation = row.get('relation').trim();
    if (relation !== 'full' && relation !== 'partial') fail(links, row, `relation ${JSON.stringify(relation)} is not full or partial`);
    const r = rename.get(newCode);
    if (r) {
      newCode = r;
      renamed++;
    }
    if (!newByCode.has(newCode)) fail(links, row, `new_code ${newCode} is not a 2025 commune`);
    const old = oldByCode.get(oldCode);
    if (!old || (old.level === 'district' && !islandDistricts.has(oldCode))) {
      dropped.add(oldCode);
      continue;
    }
    uniqueCheck(links, seenPair, row, `${oldCode}→${newCode}`);
    const list = byOld.get(oldCode) ?? [];
    list.push({ oldCode, newCode, relation, line: row.line });
    byOld.set(oldCode, list);
  }
  if (renamed > 0) notes.push(`${links.file}: ${renamed} links re-coded by ${codeChanges.file} (${[...rename].map(([a, b]) => `${a}→${b}`).join(', ')})`);
  if (dropped.size > 0) notes.push(`${links.file}: dropped the links of ${dropped.size} old codes that are not units of the 30/06/2025 list (${[...dropped].sort().join(', ')})`);

  const withoutLink = unitsPre2025.filter((u) => u.level === 'commune' && !byOld.has(u.code));
  if (withoutLink.length > 0) {
    throw new CsvError(links.file, 0, `${withoutLink.length} communes of the 30/06/2025 list have no link (${withoutLink.slice(0, 5).map((u) => u.code).join(', ')}${withoutLink.length > 5 ? ', …' : ''})`);
  }

  const out: CrosswalkLink[] = [];
  let mixed = 0;
  let lonePartial = 0;
  for (const [oldCode, list] of byOld) {
    if (list.length === 1) {
      if (list[0].relation === 'partial') lonePartial++;
      out.push({ oldCode, newCode: list[0].newCode, relation: list[0].relation, weight: 1 });
      continue;
    }
    if (list.some((l) => l.relation === 'full')) mixed++;
    const areas = list.map((l) => newByCode.get(l.newCode)!.areaKm2 ?? 0);
    const sum = areas.reduce((s, a) => s + a, 0);
    list.forEach((l, k) => {
      const weight = sum > 0 ? areas[k] / sum : 1 / list.length;
      // several targets: the link is partial whatever the source says
      out.push({ oldCode, newCode: l.newCode, relation: 'partial', weight });
    });
  }
  if (mixed > 0) notes.push(`${links.file}: ${mixed} old codes have a "full" link plus other targets; treated as partial, weights by area`);
  if (lonePartial > 0) notes.push(`${links.file}: ${lonePartial} old codes have a single "partial" link; weight 1`);
  const partial = out.filter((l) => l.relation === 'partial');
  notes.push(`crosswalk: ${out.length} links (${out.length - partial.length} full, ${partial.length} partial with area weights) from ${byOld.size} old units`);
  return out.sort((a, b) => (a.oldCode === b.oldCode ? a.newCode.localeCompare(b.newCode) : a.oldCode.localeCompare(b.oldCode)));
}

/** A 2025 population under this share of the 2019 census count of the same land is taken as a typing slip. */
const IMPLAUSIBLE_POPULATION_SHARE = 0.25;

/**
 * Checks each 2025 commune's population (sapnhap.bando.com.vn, scraped) against the 2019 census count of the old
 * communes it was formed from (through the crosswalk, partial links by their area weight). The scrape has slips
 * such as 5 residents for a 115 km² commune (Xã Cam Hiệp), which would make its models per 10,000 residents the
 * country's highest by far. Where a figure is under a quarter of that count (populations grew 2019–2025, and the
 * scrape counts temporary residents too), the census count replaces it; where some predecessors' counts are
 * unknown and the figure is under a quarter of the known ones alone, it is dropped (no data: no figure to trust).
 * Returns new units; notes say which changed.
 */
export function checkPopulations2025(units2025: readonly Unit[], unitsPre: readonly Unit[], crosswalk: readonly CrosswalkLink[], notes: string[]): Unit[] {
  const census = new Map(unitsPre.filter((u) => u.level !== 'province').map((u) => [u.code, u.population]));
  // new code → census count of the known predecessors, and whether every predecessor was known
  const counted = new Map<string, { sum: number; complete: boolean }>();
  for (const l of crosswalk) {
    const c = counted.get(l.newCode) ?? { sum: 0, complete: true };
    const p = census.get(l.oldCode);
    if (p === null || p === undefined) c.complete = false;
    else c.sum += p * l.weight;
    counted.set(l.newCode, c);
  }
  const replaced: string[] = [];
  const dropped: string[] = [];
  const out = units2025.map((u) => {
    const c = counted.get(u.code);
    if (u.level !== 'commune' || u.population === null || !c || u.population >= c.sum * IMPLAUSIBLE_POPULATION_SHARE) return u;
    const sum = Math.round(c.sum);
    (c.complete ? replaced : dropped).push(`${u.fullName} (${u.code}) ${u.population}${c.complete ? ` → ${sum}` : ` (census ≥ ${sum})`}`);
    return { ...u, population: c.complete ? sum : null };
  });
  const eg = (list: string[]) => `${list.slice(0, 4).join(', ')}${list.length > 4 ? ', …' : ''}`;
  const share = `${IMPLAUSIBLE_POPULATION_SHARE * 100} %`;
  if (replaced.length) notes.push(`2025 commune population: ${replaced.length} figures under ${share} of the 2019 census count of their land replaced by that count, e.g. ${eg(replaced)}`);
  if (dropped.length) notes.push(`2025 commune population: ${dropped.length} figures under ${share} of the census count of their known predecessors alone dropped (no data), e.g. ${eg(dropped)}`);
  return out;
}
