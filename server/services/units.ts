import { aggregate, type Aggregate } from '../../shared/domain/aggregate.js';
import type { CommuneFigures } from '../../shared/domain/figures.js';
import { noOldUnits } from '../../shared/domain/oldUnits.js';
import { yearBasis, type YearBasis } from '../../shared/domain/previousYear.js';
import { FIRST_2025_YEAR, type Status, type Unit, type Vintage } from '../../shared/domain/types.js';
import { notFound } from './errors.js';
import { SAMPLE_LABEL, type Method, type StatsService } from './stats.js';

type Ref = { code: string; name: string; fullName: string };

interface CommuneYear {
  year: number;
  method: Method;
  figures: Omit<CommuneFigures, 'code' | 'name' | 'type' | 'provinceCode' | 'districtCode' | 'population' | 'areaKm2'>;
}

interface AreaYear {
  year: number;
  method: Method;
  /** How the year's total was built: before 2025 on the 2025 map, the area's old communes as reported. */
  basis: YearBasis;
  /** For 'old-units': how many old communes the total counts, and how many only for a share. */
  oldUnits: { communes: number; split: number } | null;
  total: Aggregate;
}

interface LinkedUnit extends Ref {
  relation: 'full' | 'partial';
  weight: number;
  district: string | null;
  province: string | null;
  /** Status in each year the linked unit has figures for (pre-2025 years for predecessors). */
  statuses: Record<number, Status | null>;
}

interface DetailBase {
  sample: boolean;
  dataLabel: string | null;
  vintage: Vintage;
  unit: Unit;
  province: Ref | null;
  district: Ref | null;
}

export type UnitDetail =
  | (DetailBase & { kind: 'commune'; history: CommuneYear[]; predecessors: LinkedUnit[]; successors: LinkedUnit[] })
  | (DetailBase & { kind: 'area'; history: AreaYear[] });

const ref = (u: Unit | undefined): Ref | null => (u ? { code: u.code, name: u.name, fullName: u.fullName } : null);

/** One unit's identity and its figures across every year, with its crosswalk neighbours. */
export async function unitDetail(svc: StatsService, vintage: Vintage, code: string): Promise<UnitDetail> {
  const units = await svc.units(vintage);
  const unit = units.get(code);
  if (!unit) throw notFound(`Không có đơn vị mã ${code} trên địa giới ${vintage}`, 'code');
  const base: DetailBase = {
    sample: false,
    dataLabel: null,
    vintage,
    unit,
    province: ref(units.get(unit.provinceCode)),
    district: ref(unit.districtCode ? units.get(unit.districtCode) : undefined),
  };

  if (unit.level !== 'commune') {
    // Read from the area's own communes (before 2025 on the 2025 map: its old communes), not every commune's year.
    const history = await Promise.all(
      (await svc.years(vintage)).map(async (year): Promise<AreaYear & { sample: boolean }> => {
        const basis = vintage === '2025' ? yearBasis('province', year) : 'reported';
        if (basis !== 'old-units') {
          const own = (await svc.areaCommuneRows(vintage, unit)).get(year) ?? [];
          return { year, method: 'reported', basis, oldUnits: null, total: aggregate(own), sample: own.some((c) => c.origin === 'sample') };
        }
        const old = (await svc.provinceOldUnits(code)).get(year) ?? noOldUnits();
        return { year, method: 'crosswalk', basis, oldUnits: { communes: old.total.communes.total, split: old.split }, total: old.total, sample: old.sample };
      }),
    );
    const sample = history.some((h) => h.sample);
    return { ...base, sample, dataLabel: sample ? SAMPLE_LABEL : null, kind: 'area', history: history.map(({ sample: _s, ...h }) => h) };
  }

  const history: CommuneYear[] = [];
  for (const { year, method, row } of await svc.communeHistory(vintage, unit)) {
    if (row.status === null) continue;
    const { code: _c, name: _n, type: _t, provinceCode: _p, districtCode: _d, population: _pop, areaKm2: _a, ...figures } = row;
    history.push({ year, method, figures });
  }
  const sample = history.some((h) => h.figures.origin === 'sample');
  const links = await svc.crosswalkLinks();
  const [predecessors, successors] =
    vintage === '2025'
      ? [await linked(svc, 'pre2025', links.filter((l) => l.newCode === code).map((l) => ({ ...l, other: l.oldCode }))), []]
      : [[], await linked(svc, '2025', links.filter((l) => l.oldCode === code).map((l) => ({ ...l, other: l.newCode })))];
  return { ...base, sample, dataLabel: sample ? SAMPLE_LABEL : null, kind: 'commune', history, predecessors, successors };
}

async function linked(
  svc: StatsService,
  vintage: Vintage,
  links: { other: string; relation: 'full' | 'partial'; weight: number }[],
): Promise<LinkedUnit[]> {
  const units = await svc.units(vintage);
  // The years the linked units report in themselves: before 2025 for predecessors, from 2025 for successors.
  const own = (await svc.years(vintage)).filter((y) => (vintage === 'pre2025' ? y < FIRST_2025_YEAR : y >= FIRST_2025_YEAR));
  const reported = await svc.assessmentsOf(vintage, links.map((l) => l.other));
  return links.map((l) => {
    const u = units.get(l.other);
    const statuses: Record<number, Status | null> = {};
    for (const y of own) statuses[y] = reported.find((a) => a.communeCode === l.other && a.year === y)?.status ?? null;
    return {
      code: l.other,
      name: u?.name ?? l.other,
      fullName: u?.fullName ?? l.other,
      relation: l.relation,
      weight: l.weight,
      district: u?.districtCode ? (units.get(u.districtCode)?.fullName ?? null) : null,
      province: u ? (units.get(u.provinceCode)?.fullName ?? null) : null,
      statuses,
    };
  });
}
