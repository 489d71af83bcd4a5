// The sample generator's vocabulary: the rows it writes, a commune's latent traits, the calibration the seed
// figures set, and the context every step reads.

import type { Assessment, ProvinceReturn, Status, Tally, Unit } from '../../shared/domain/types.js';
import type { Reference } from '../../server/store/store.js';
import { TALLY_KEYS, type SampleSettings, type SeedEntry, type TallyKey } from './figures.js';

/** The generator reports every figure (no "not reported" nulls): a full assessment. */
export type SampleRow = Omit<Assessment, 'batchId' | TallyKey | 'models'> & Record<TallyKey, Tally> & { models: number };
export type ReturnRow = Omit<ProvinceReturn, 'batchId'>;
export type Metric = TallyKey | 'models';
export const METRICS: readonly Metric[] = [...TALLY_KEYS, 'models'];
/** Every commune has at least one residential area, one agency (the People's Committee) and one school. */
export const MIN_TOTAL: Record<Metric, number> = { residential: 1, agencies: 1, enterprises: 0, schools: 1, models: 0 };
/** When a report gives only a certified count over several kinds of bodies, totals are set this much higher. */
export const CERTIFIED_SHARE_FOR_SUMS = 0.975;
/** Year the base sizes refer to; growth compounds from here. */
export const BASE_YEAR = 2020;

export interface Commune {
  unit: Unit;
  /** Latent "how well this commune does", persistent over the years. */
  q: number;
  /** Key-area score (higher: more likely a key area); persistent, correlated with a low q. */
  keyScore: number;
  x: Record<Metric, number>; // size in BASE_YEAR (real)
  g: Record<Metric, number>; // yearly growth
  u: Record<Metric, number>; // dither offsets in [0, 1): int = floor(real + u), persistent
  deficit: Record<TallyKey, number>; // usual share of uncertified units when the commune is certified
  exemplaryFrom: number | null;
  province: ProvinceParams;
}

export interface ProvinceParams {
  p0: number; // certification probability in the first year
  drift: number; // its yearly rise
  notAssessed: number;
  modelRate: number; // models per 10,000 residents
  firstYear: number;
}

/** The communes of a figure's unit types (all when it names none). */
export const ofTypes = (list: Commune[], unitTypes: string[] | undefined) => list.filter((c) => !unitTypes || unitTypes.includes(c.unit.type));

/** A commune-year as the draws make it, before the seed figures override it. */
export interface Natural {
  status: Status;
  keyArea: boolean;
  hotSpot: boolean;
  exemplary: boolean;
  z: number; // status score: higher = more certifiable
  threshold: number; // certified when z > threshold (unless a hot spot or not assessed)
}

export interface Override {
  status?: Status;
  hotSpot?: boolean;
  exemplary?: boolean;
}

/** What the seed figures change, keyed by pre-2025 code (the 2025 units are never calibrated). */
export interface Calibration {
  /** code → size factor per metric */
  factors: Map<string, Partial<Record<Metric, number>>>;
  /** code → shift of the status score */
  zOffset: Map<string, number>;
  /** province code → factor of the province-managed bodies */
  bodiesFactor: Map<string, number>;
  /** overrideKey(code, year) → forced status, hot spot, exemplary */
  overrides: Map<string, Override>;
}

export const overrideKey = (code: string, year: number) => `${code}|${year}`;

export const newCalibration = (): Calibration => ({ factors: new Map(), zOffset: new Map(), bodiesFactor: new Map(), overrides: new Map() });

/** What every step reads. */
export interface Context {
  ref: Reference;
  settings: SampleSettings;
  /** The pre-2025 years, ascending. */
  years: number[];
  /** The assessed pre-2025 units by code, in code order. */
  communes: Map<string, Commune>;
  /** The pre-2025 provinces in code order. */
  provincesPre: Unit[];
  cal: Calibration;
}

/** A seed entry and the communes of its place. */
export interface Place {
  entry: SeedEntry;
  list: Commune[];
}
