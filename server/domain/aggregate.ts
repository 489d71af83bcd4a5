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

function add(into: Tally, t: Tally): void {
  into.total += t.total;
  into.certified += t.certified;
}

/** Sums communes' figures. A province's aggregate is exactly the sum over its communes. */
export function aggregate(rows: readonly CommuneFigures[], provinceBodies: Tally | null = null): Aggregate {
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
    const c = a.communes;
    c.total++;
    const byType = (c.byType[r.type] ??= { total: 0, certified: 0 });
    byType.total++;
    if (r.status === 'dat') {
      c.certified++;
      byType.certified++;
    } else if (r.status === 'chua_dat') c.notCertified++;
    else if (r.status === 'chua_danh_gia') c.notAssessed++;
    else c.noData++;
    add(a.residential, r.residential);
    add(a.agencies, r.agencies);
    add(a.enterprises, r.enterprises);
    add(a.schools, r.schools);
    a.models += r.models ?? 0;
    if (r.keyArea) a.keyAreas++;
    if (r.hotSpot) a.hotSpots++;
    if (r.exemplary) a.exemplary++;
    if (r.population !== null) {
      a.population += r.population;
      a.populationKnown++;
    }
    a.areaKm2 += r.areaKm2 ?? 0;
  }
  for (const t of [a.residential, a.agencies, a.enterprises, a.schools]) {
    t.total = round2(t.total);
    t.certified = round2(t.certified);
  }
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
