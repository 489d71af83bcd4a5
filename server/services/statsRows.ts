import { assessedUnits } from '../../shared/domain/assessed.js';
import { aggregate, type Aggregate } from '../../shared/domain/aggregate.js';
import { noFigures, type CommuneFigures, type CountedFigures } from '../../shared/domain/figures.js';
import { rollUp } from '../../shared/domain/rollup.js';
import type { Assessment, CrosswalkLink, Tally, Unit } from '../../shared/domain/types.js';

// The rows of /api/stats: each commune's figures under its identity, and each area's sum over its communes.

/** A province or district row in /api/stats: its identity plus the sum over its communes. */
export interface AreaFigures extends Aggregate {
  code: string;
  name: string;
  fullName: string;
  type: string;
  provinceCode: string;
  /** Before 2025 on the 2025 map: the province's figures are its old communes' (see StatsResponse.areaBasis). */
  oldUnits?: { communes: number; split: number };
}

/**
 * The units that carry yearly returns: communes, and the island districts that had no communes
 * (Bạch Long Vĩ, Hoàng Sa, Trường Sa, Côn Đảo, Lý Sơn before 2025), which report as communes do.
 */
export function communeLevel(units: Map<string, Unit>): Unit[] {
  return assessedUnits(units.values()).map((u) => (u.level === 'district' ? { ...u, districtCode: u.code } : u));
}

/** The figures of a stored assessment, without its bookkeeping. */
export function counted(a: Assessment): CountedFigures {
  const { status, exemplary, keyArea, hotSpot, residential, agencies, enterprises, schools, models } = a;
  return { status, exemplary, keyArea, hotSpot, residential, agencies, enterprises, schools, models };
}

/** A commune's row: its identity, its figures and where they came from. */
export function communeRow(u: Unit, f: CountedFigures, origin: CommuneFigures['origin'], predecessors?: CommuneFigures['predecessors']): CommuneFigures {
  return {
    code: u.code,
    name: u.name,
    type: u.type,
    provinceCode: u.provinceCode,
    districtCode: u.districtCode,
    population: u.population,
    areaKm2: u.areaKm2,
    origin,
    ...f,
    ...(predecessors ? { predecessors } : {}),
  };
}

type OriginOf = (a: Assessment) => CommuneFigures['origin'];

/** Communes' rows from their own assessments of one year (`rows`: that year's, any order). */
export function reportedRows(communes: Unit[], rows: readonly Assessment[], originOf: OriginOf): CommuneFigures[] {
  const byCode = new Map(rows.map((a) => [a.communeCode, a]));
  return communes.map((u) => {
    const a = byCode.get(u.code);
    return communeRow(u, a ? counted(a) : noFigures(), a ? originOf(a) : null);
  });
}

/**
 * 2025 communes' rows for a year before 2025: their predecessors' assessments of that year rolled up through the
 * crosswalk (`links`: at least every link of these communes). A row is sample data as soon as one of its parts is,
 * so that one province's real returns among sample ones do not take the label off the rest.
 */
export function rolledRows(communes: Unit[], old: readonly Assessment[], links: readonly CrosswalkLink[], originOf: OriginOf): CommuneFigures[] {
  const rolled = rollUp(old, links);
  const byOld = new Map(old.map((a) => [a.communeCode, a]));
  const origins = new Map<string, CommuneFigures['origin']>();
  for (const l of links) {
    const a = byOld.get(l.oldCode);
    if (!a) continue;
    const [was, part] = [origins.get(l.newCode) ?? null, originOf(a)];
    origins.set(l.newCode, was === 'sample' || part === 'sample' ? 'sample' : (was ?? part));
  }
  return communes.map((u) => {
    const r = rolled.get(u.code);
    return communeRow(u, r ?? noFigures(), r && r.status !== null ? (origins.get(u.code) ?? null) : null, r?.predecessors);
  });
}

/** The sum of some tallies; null for none (no province reported its bodies). */
export function sumTallies(ts: Tally[]) {
  return ts.length ? ts.reduce((a, t) => ({ total: a.total + t.total, certified: a.certified + t.certified }), { total: 0, certified: 0 }) : null;
}

export const areaIdentity = (a: Unit) => ({ code: a.code, name: a.name, fullName: a.fullName, type: a.type, provinceCode: a.provinceCode });

/** Each area's row (all of one level): its communes' sum, plus the bodies it manages where reported. */
export function groupAreas(areas: Unit[], communes: CommuneFigures[], bodies: Map<string, Tally>): AreaFigures[] {
  const groups = new Map<string, CommuneFigures[]>(areas.map((a) => [a.code, []]));
  const level = areas[0]?.level;
  for (const c of communes) {
    const k = level === 'province' ? c.provinceCode : c.districtCode;
    if (k !== null) groups.get(k)?.push(c);
  }
  return areas.map((a) => ({
    ...areaIdentity(a),
    ...aggregate(groups.get(a.code) ?? [], bodies.get(a.code) ?? null),
  }));
}
