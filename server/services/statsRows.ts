import { assessedUnits } from '../../shared/domain/assessed.js';
import { aggregate, type Aggregate } from '../../shared/domain/aggregate.js';
import type { CommuneFigures, CountedFigures } from '../../shared/domain/figures.js';
import type { Assessment, Tally, Unit } from '../../shared/domain/types.js';

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
