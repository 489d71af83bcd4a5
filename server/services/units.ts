import { aggregate, type Aggregate } from '../../shared/domain/aggregate.js';
import type { CommuneFigures } from '../../shared/domain/figures.js';
import { yearBasis, type YearBasis } from '../../shared/domain/previousYear.js';
import type { Status, Unit, Vintage } from '../../shared/domain/types.js';
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
  const years = await svc.years(vintage);
  const perYear = await Promise.all(years.map(async (y) => ({ year: y, ...(await svc.communeFigures(vintage, y)) })));
  const base: DetailBase = {
    sample: false,
    dataLabel: null,
    vintage,
    unit,
    province: ref(units.get(unit.provinceCode)),
    district: ref(unit.districtCode ? units.get(unit.districtCode) : undefined),
  };

  if (unit.level !== 'commune') {
    const inside = (c: CommuneFigures) => (unit.level === 'province' ? c.provinceCode === code : c.districtCode === code);
    const history = await Promise.all(
      perYear.map(async ({ year, method, communes }): Promise<AreaYear> => {
        const basis = vintage === '2025' ? yearBasis('province', year) : 'reported';
        if (basis !== 'old-units') return { year, method, basis, oldUnits: null, total: aggregate(communes.filter(inside)) };
        const old = (await svc.oldUnitsAreas(year)).provinces.get(code) ?? { total: aggregate([]), split: 0 };
        return { year, method, basis, oldUnits: { communes: old.total.communes.total, split: old.split }, total: old.total };
      }),
    );
    const sample = perYear.some((y) => y.communes.some((c) => inside(c) && c.origin === 'sample'));
    return { ...base, sample, dataLabel: sample ? SAMPLE_LABEL : null, kind: 'area', history };
  }

  const history: CommuneYear[] = [];
  for (const { year, method, communes } of perYear) {
    const c = communes.find((x) => x.code === code);
    if (!c || c.status === null) continue;
    const { code: _c, name: _n, type: _t, provinceCode: _p, districtCode: _d, population: _pop, areaKm2: _a, ...figures } = c;
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
  const years = await svc.years(vintage);
  const own = vintage === 'pre2025' ? years : years.filter((y) => y >= 2025);
  const perYear = await Promise.all(own.map(async (y) => [y, new Map((await svc.communeFigures(vintage, y)).communes.map((c) => [c.code, c.status]))] as const));
  return links.map((l) => {
    const u = units.get(l.other);
    const statuses: Record<number, Status | null> = {};
    for (const [y, m] of perYear) statuses[y] = m.get(l.other) ?? null;
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
