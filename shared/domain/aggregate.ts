import { formatCount } from '../lib/format.js';
import { EMPTY_TALLY, rate, round2, type CommuneFigures } from './figures.js';
import type { Denominator } from './metrics.js';
import { COUNT_FIGURES, type CountFigure, type Tally } from './types.js';

/** Figures of a group of communes: a province, a district, or the country. */
export interface Aggregate {
  communes: {
    total: number;
    certified: number;
    notCertified: number;
    notAssessed: number;
    noData: number;
    /** Per unit type (Xã, Phường, Thị trấn, Đặc khu): how many exist and how many are certified. */
    byType: Record<string, Tally>;
  };
  /** Sums over the communes that reported each figure: `reported` says how many did. */
  residential: Tally;
  agencies: Tally;
  enterprises: Tally;
  schools: Tally;
  /**
   * Per figure, how many communes reported it ("báo cáo 87/120 xã" with communes.total); for the yes/no flags, how
   * many said yes or no (keyAreas counts the yeses among them: a flag not reported is not a "no").
   */
  reported: Record<ReportedFigure, number>;
  /**
   * Model density's terms per denominator, over the communes that reported their models and have that
   * denominator: models over population, over km², over residential areas.
   */
  densityBase: Record<Denominator, { models: number; per: number }>;
  /** Agencies, enterprises and schools managed by the province itself (reported apart). */
  provinceBodies: Tally | null;
  models: number;
  keyAreas: number;
  hotSpots: number;
  exemplary: number;
  /** Sum over the communes whose population is known; `populationKnown` says how many. */
  population: number;
  populationKnown: number;
  areaKm2: number;
  rates: {
    communes: number | null; // certified / assessed-or-not communes with data
    residential: number | null;
    agencies: number | null;
    enterprises: number | null;
    schools: number | null;
  };
}

/** A commune counted for a share of itself: an old commune split between areas (shared/domain/oldUnits). */
export type WeightedFigures = CommuneFigures & { weight?: number };

const TALLIES = ['residential', 'agencies', 'enterprises', 'schools'] as const;

/** The yes/no flags a return may leave out (NULL), counted in Aggregate.reported as the count figures are. */
const FLAG_FIGURES = ['keyArea', 'hotSpot', 'exemplary'] as const;
export type FlagFigure = (typeof FLAG_FIGURES)[number];
export type ReportedFigure = CountFigure | FlagFigure;

function addWeighted(into: Tally, t: Tally, w: number): void {
  into.total += t.total * w;
  into.certified += t.certified * w;
}

/**
 * Sums communes' figures. A province's aggregate is exactly the sum over its communes; a row with a `weight`
 * counts for that share of itself (1 when absent). A figure a commune did not report adds nothing, to the
 * sum or to the rate's denominator: rates and densities are over the communes that reported.
 */
export function aggregate(rows: readonly WeightedFigures[], provinceBodies: Tally | null = null): Aggregate {
  const a: Aggregate = {
    communes: { total: 0, certified: 0, notCertified: 0, notAssessed: 0, noData: 0, byType: {} },
    residential: { ...EMPTY_TALLY },
    agencies: { ...EMPTY_TALLY },
    enterprises: { ...EMPTY_TALLY },
    schools: { ...EMPTY_TALLY },
    reported: { residential: 0, agencies: 0, enterprises: 0, schools: 0, models: 0, keyArea: 0, hotSpot: 0, exemplary: 0 },
    densityBase: { population: { models: 0, per: 0 }, area: { models: 0, per: 0 }, residential: { models: 0, per: 0 } },
    provinceBodies,
    models: 0,
    keyAreas: 0,
    hotSpots: 0,
    exemplary: 0,
    population: 0,
    populationKnown: 0,
    areaKm2: 0,
    rates: { communes: null, residential: null, agencies: null, enterprises: null, schools: null },
  };
  for (const r of rows) {
    const w = r.weight ?? 1;
    const c = a.communes;
    c.total += w;
    const byType = (c.byType[r.type] ??= { total: 0, certified: 0 });
    byType.total += w;
    if (r.status === 'dat') {
      c.certified += w;
      byType.certified += w;
    } else if (r.status === 'chua_dat') c.notCertified += w;
    else if (r.status === 'chua_danh_gia') c.notAssessed += w;
    else c.noData += w;
    for (const f of TALLIES) {
      const t = r[f];
      if (t === null) continue;
      addWeighted(a[f], t, w);
      a.reported[f] += w;
    }
    if (r.models !== null) {
      a.models += r.models * w;
      a.reported.models += w;
      const bases: [Denominator, number | null | undefined][] = [['population', r.population], ['area', r.areaKm2], ['residential', r.residential?.total]];
      for (const [d, per] of bases) {
        if (per === null || per === undefined) continue;
        a.densityBase[d].models += r.models * w;
        a.densityBase[d].per += per * w;
      }
    }
    if (r.keyArea) a.keyAreas += w;
    if (r.hotSpot) a.hotSpots += w;
    if (r.exemplary) a.exemplary += w;
    // A commune without data has no flags to report; one with data that left a flag out (NULL) did not report it.
    if (r.status !== null) for (const f of FLAG_FIGURES) if (r[f] !== null) a.reported[f] += w;
    if (r.population !== null) {
      a.population += r.population * w;
      a.populationKnown += w;
    }
    a.areaKm2 += (r.areaKm2 ?? 0) * w;
  }
  const c = a.communes;
  for (const t of [a.residential, a.agencies, a.enterprises, a.schools, ...Object.values(c.byType)]) {
    t.total = round2(t.total);
    t.certified = round2(t.certified);
  }
  for (const k of ['total', 'certified', 'notCertified', 'notAssessed', 'noData'] as const) c[k] = round2(c[k]);
  a.keyAreas = round2(a.keyAreas);
  a.hotSpots = round2(a.hotSpots);
  a.exemplary = round2(a.exemplary);
  a.population = Math.round(a.population);
  a.populationKnown = round2(a.populationKnown);
  a.models = round2(a.models);
  a.areaKm2 = round2(a.areaKm2);
  for (const f of [...COUNT_FIGURES, ...FLAG_FIGURES]) a.reported[f] = round2(a.reported[f]);
  for (const b of Object.values(a.densityBase)) {
    b.models = round2(b.models);
    b.per = round2(b.per);
  }
  const withData = a.communes.total - a.communes.noData;
  a.rates = {
    communes: rate({ total: withData, certified: a.communes.certified }),
    residential: rate(a.residential),
    agencies: rate(a.agencies),
    enterprises: rate(a.enterprises),
    schools: rate(a.schools),
  };
  return a;
}

/**
 * Shown wherever an area's figure is shown, when not every commune with data reported it: "báo cáo 87/120 xã"
 * (the sum and the rate are over those 87). null when all did.
 */
export function coverage(a: { communes: { total: number; noData?: number }; reported?: Partial<Record<ReportedFigure, number>> }, f: ReportedFigure): string | null {
  const withData = round2(a.communes.total - (a.communes.noData ?? 0));
  const n = a.reported?.[f];
  return n === undefined || n >= withData ? null : `báo cáo ${formatCount(n)}/${formatCount(withData)} xã`;
}
