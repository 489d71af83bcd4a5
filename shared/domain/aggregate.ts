import { EMPTY_TALLY, rate, round2, type CommuneFigures } from './figures.js';
import type { Tally } from './types.js';

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
  residential: Tally;
  agencies: Tally;
  enterprises: Tally;
  schools: Tally;
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

function addWeighted(into: Tally, t: Tally, w: number): void {
  into.total += t.total * w;
  into.certified += t.certified * w;
}

/**
 * Sums communes' figures. A province's aggregate is exactly the sum over its communes; a row with a `weight`
 * counts for that share of itself (1 when absent).
 */
export function aggregate(rows: readonly WeightedFigures[], provinceBodies: Tally | null = null): Aggregate {
  const a: Aggregate = {
    communes: { total: 0, certified: 0, notCertified: 0, notAssessed: 0, noData: 0, byType: {} },
    residential: { ...EMPTY_TALLY },
    agencies: { ...EMPTY_TALLY },
    enterprises: { ...EMPTY_TALLY },
    schools: { ...EMPTY_TALLY },
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
    addWeighted(a.residential, r.residential, w);
    addWeighted(a.agencies, r.agencies, w);
    addWeighted(a.enterprises, r.enterprises, w);
    addWeighted(a.schools, r.schools, w);
    a.models += (r.models ?? 0) * w;
    if (r.keyArea) a.keyAreas += w;
    if (r.hotSpot) a.hotSpots += w;
    if (r.exemplary) a.exemplary += w;
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
