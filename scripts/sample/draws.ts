// The PRNG-driven draws: a province's and a commune's latent traits, a commune's sizes in a year, its natural
// status, and its certified counts. Each draw comes from rng(seed, purpose, key, …), so its value depends on its
// key alone; within one keyed generator the order of the draws below is the data: do not reorder them.

import type { Status, Unit } from '../../shared/domain/types.js';
import { normalQuantile, rng } from '../../shared/lib/prng.js';
import type { SampleSettings, TallyKey } from './figures.js';
import { clamp } from './helpers.js';
import { BASE_YEAR, METRICS, MIN_TOTAL, type Calibration, type Commune, type Metric, type Natural, type ProvinceParams } from './model.js';

export function provinceParams(s: SampleSettings, key: string, firstYear: number): ProvinceParams {
  const r = rng(s.seed, 'province', key);
  return {
    p0: r.range(s.certification.baseMin, s.certification.baseMax),
    drift: r.range(s.certification.driftMin, s.certification.driftMax),
    notAssessed: r.range(s.notAssessedShare.min, s.notAssessedShare.max),
    modelRate: r.range(s.modelsPer10000.min, s.modelsPer10000.max),
    firstYear,
  };
}

/** `pop`: the population the sizes follow (imputed where the unit has none). */
export function makeCommune(s: SampleSettings, unit: Unit, pop: number, key: string, province: ProvinceParams): Commune {
  const r = rng(s.seed, 'commune', key);
  const k = pop / 10_000;
  const ward = unit.type === 'Phường';
  const town = unit.type === 'Thị trấn';
  const urban = ward ? 1.5 : town ? 1.2 : 1;
  const q = r.normal();
  const keyScore = -0.5 * q + Math.sqrt(0.75) * r.normal();
  const x: Record<Metric, number> = {
    residential: (4 + 10 * Math.sqrt(k)) * r.lognormal(0.25),
    agencies: (2 + 3 * Math.sqrt(k) * urban) * r.lognormal(0.3),
    enterprises: (0.3 + (ward ? 8 : town ? 4 : 1.5) * k) * r.lognormal(0.5),
    schools: (2 + 1.5 * Math.sqrt(k)) * r.lognormal(0.2),
    models: k * province.modelRate * r.lognormal(0.35),
  };
  const g: Record<Metric, number> = {
    residential: r.range(-0.015, 0.008), // hamlets were merged 2019–2021
    agencies: r.range(-0.01, 0.02),
    enterprises: r.range(0, 0.06),
    schools: r.range(-0.008, 0.01),
    models: r.range(0.01, 0.07),
  };
  const u = Object.fromEntries(METRICS.map((m) => [m, r.next()])) as Record<Metric, number>;
  const deficit: Record<TallyKey, number> = {
    residential: r.range(0, 0.08),
    agencies: r.range(0, 0.04),
    enterprises: r.range(0, 0.15),
    schools: r.range(0, 0.03),
  };
  const exemplaryFrom = r.next() < s.exemplaryShare && q > -0.5 ? 2018 + Math.floor(r.next() * 7) : null;
  return { unit, q, keyScore, x, g, u, deficit, exemplaryFrom, province };
}

/** Only the pre-2025 units are calibrated: a 2025 code may equal an unrelated old one. */
const calibrated = (c: Commune) => c.unit.vintage === 'pre2025';

/** The commune's size in `year`, before rounding. */
export function realSize(c: Commune, m: Metric, year: number, cal: Calibration): number {
  const f = calibrated(c) ? (cal.factors.get(c.unit.code)?.[m] ?? 1) : 1;
  return c.x[m] * (1 + c.g[m]) ** (year - BASE_YEAR) * f;
}

/** The size as a count: dithered by the commune's persistent offset, never below the minimum. */
export function intSize(c: Commune, m: Metric, year: number, cal: Calibration): number {
  return Math.max(MIN_TOTAL[m], Math.floor(realSize(c, m, year, cal) + c.u[m]));
}

export function natural(s: SampleSettings, c: Commune, year: number, cal: Calibration, key = c.unit.code): Natural {
  const r = rng(s.seed, 'year', key, year);
  const rho = Math.sqrt(s.certification.persistence);
  const offset = calibrated(c) ? (cal.zOffset.get(c.unit.code) ?? 0) : 0;
  const z = rho * c.q + Math.sqrt(1 - rho * rho) * r.normal() + offset;
  const keyArea = c.keyScore + 0.15 * r.normal() > normalQuantile(1 - s.keyAreaShare);
  const hotSpot = r.next() < (keyArea ? s.hotSpot.inKeyArea : s.hotSpot.elsewhere);
  const p = Math.min(s.certification.max, c.province.p0 + c.province.drift * (year - c.province.firstYear));
  const threshold = normalQuantile(1 - p);
  let status: Status = z > threshold ? 'dat' : 'chua_dat';
  const naDraw = r.next();
  const anywayDraw = r.next();
  if (hotSpot && status === 'dat' && anywayDraw >= s.hotSpot.certifiedAnyway) status = 'chua_dat';
  if (!hotSpot && naDraw < c.province.notAssessed) status = 'chua_danh_gia';
  const exemplary = status === 'dat' && c.exemplaryFrom !== null && year >= c.exemplaryFrom;
  return { status, keyArea, hotSpot, exemplary, z, threshold };
}

/** How many of `total` bodies of kind `k` are certified, given the commune's usual deficit and its status. */
export function certifiedCount(
  seed: number,
  deficit: Record<TallyKey, number>,
  k: TallyKey,
  total: number,
  status: Status,
  hotSpot: boolean,
  year: number,
  key: string,
): number {
  const r = rng(seed, 'certified', key, year, k);
  let d = status === 'chua_dat' ? 0.06 + 0.3 * r.next() : deficit[k] * (0.4 + 1.2 * r.next()) + (status === 'chua_danh_gia' ? 0.04 : 0);
  if (hotSpot && k === 'residential') d += 0.1;
  const uncertified = clamp(Math.floor(total * d + r.next()), 0, total);
  return total - uncertified;
}
