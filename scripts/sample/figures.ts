// The seed figures (data/seed-figures.json) and the sample settings (data/sample-settings.json):
// types, validation, and the arithmetic that turns a published figure into a target on our units.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../server/config.js';
import type { Level, Vintage } from '../../shared/domain/types.js';

export type TallyKey = 'residential' | 'agencies' | 'enterprises' | 'schools';
export const TALLY_KEYS: readonly TallyKey[] = ['residential', 'agencies', 'enterprises', 'schools'];
export const TALLY_LABELS: Record<TallyKey, string> = {
  residential: 'khu dân cư',
  agencies: 'cơ quan',
  enterprises: 'doanh nghiệp',
  schools: 'nhà trường',
};

interface Published {
  /** The words of the report. */
  published: string;
}
export type SeedFigure =
  | (Published & { kind: 'communes_certified'; unitTypes?: string[]; count: number; total?: number; rate?: number; rateDecimals?: number })
  | (Published & { kind: 'tally'; tally: TallyKey; count: number; total?: number; rate?: number; rateDecimals?: number })
  | (Published & { kind: 'tally_certified_sum'; tallies: TallyKey[]; count: number })
  | (Published & { kind: 'province_bodies'; count: number; total: number })
  | (Published & { kind: 'models'; count: number })
  | (Published & { kind: 'hot_spots'; count: number })
  | (Published & { kind: 'exemplary'; count: number })
  | (Published & { kind: 'unit_count'; unitTypes?: string[]; count: number })
  | (Published & { kind: 'not_modelled'; reason: string });

interface SeedPlace {
  name: string;
  vintage: Vintage;
  level: Level;
  code: string;
  provinceCode: string;
}

export interface SeedEntry {
  seed: string;
  place: SeedPlace;
  year: number;
  figures: SeedFigure[];
}

export interface SeedFigures {
  entries: SeedEntry[];
}

export interface SampleSettings {
  generator: string;
  seed: number;
  note: string;
  pre2025Years: { from: number; to: number };
  year2025: number;
  certification: { baseMin: number; baseMax: number; driftMin: number; driftMax: number; max: number; persistence: number };
  notAssessedShare: { min: number; max: number };
  keyAreaShare: number;
  hotSpot: { inKeyArea: number; elsewhere: number; certifiedAnyway: number };
  exemplaryShare: number;
  modelsPer10000: { min: number; max: number };
  /** Units shown as not assessed with no counts in every generated year, and why, by vintage. */
  notAssessed: Record<Vintage, Record<string, string>>;
}

const SEED_FIGURES_PATH = join(ROOT, 'data', 'seed-figures.json');
const SAMPLE_SETTINGS_PATH = join(ROOT, 'data', 'sample-settings.json');

const KINDS = new Set(['communes_certified', 'tally', 'tally_certified_sum', 'province_bodies', 'models', 'hot_spots', 'exemplary', 'unit_count', 'not_modelled']);

/** Checks the shape of seed-figures.json; throws naming the entry and figure. */
export function validateSeedFigures(data: unknown, file = 'data/seed-figures.json'): SeedFigures {
  const bad = (where: string, msg: string): never => {
    throw new Error(`${file}: ${where}: ${msg}`);
  };
  const entries = (data as SeedFigures)?.entries;
  if (!Array.isArray(entries)) bad('root', '"entries" must be an array');
  entries.forEach((e, i) => {
    const where = `entries[${i}] (${e?.seed})`;
    if (typeof e.seed !== 'string') bad(where, 'seed must be a file name');
    if (!Number.isInteger(e.year)) bad(where, 'year must be an integer');
    const p = e.place;
    if (!p || typeof p.code !== 'string' || !['province', 'district', 'commune'].includes(p.level) || !['2025', 'pre2025'].includes(p.vintage)) {
      bad(where, 'place needs vintage, level and code');
    }
    if (!Array.isArray(e.figures)) bad(where, 'figures must be an array');
    e.figures.forEach((f, k) => {
      const fw = `${where} figures[${k}]`;
      if (!KINDS.has(f.kind)) bad(fw, `unknown kind ${JSON.stringify(f.kind)}`);
      if (typeof f.published !== 'string') bad(fw, 'published must be the report\'s words');
      if (f.kind === 'not_modelled') return;
      if (!Number.isInteger(f.count) || f.count < 0) bad(fw, 'count must be a non-negative integer');
      if ('total' in f && f.total !== undefined && (!Number.isInteger(f.total) || f.total < f.count)) bad(fw, 'total must be an integer ≥ count');
      if ('rate' in f && f.rate !== undefined && !(f.rate > 0 && f.rate <= 100)) bad(fw, 'rate must be a percentage');
      if (f.kind === 'tally' && !TALLY_KEYS.includes(f.tally)) bad(fw, 'unknown tally');
      if (f.kind === 'tally_certified_sum' && !(Array.isArray(f.tallies) && f.tallies.length > 0 && f.tallies.every((k) => TALLY_KEYS.includes(k)))) {
        bad(fw, `tallies must list some of ${TALLY_KEYS.join(', ')}`);
      }
      if ((f.kind === 'tally' || f.kind === 'communes_certified') && f.total === undefined && f.rate === undefined) bad(fw, 'needs total or rate');
    });
  });
  return data as SeedFigures;
}

export function loadSeedFigures(path = SEED_FIGURES_PATH): SeedFigures {
  return validateSeedFigures(JSON.parse(readFileSync(path, 'utf8')), path);
}

export function loadSampleSettings(path = SAMPLE_SETTINGS_PATH): SampleSettings {
  const s = JSON.parse(readFileSync(path, 'utf8')) as SampleSettings;
  if (!Number.isInteger(s.seed)) throw new Error(`${path}: "seed" must be an integer`);
  if (!(s.pre2025Years?.from <= s.pre2025Years?.to) || s.pre2025Years.to >= s.year2025) throw new Error(`${path}: bad years`);
  return s;
}

// ------------------------------------------------------------------ arithmetic

/** Percentage, unrounded. */
export const pct = (count: number, total: number) => (total === 0 ? 0 : (100 * count) / total);

/** Rounds half away from zero at `decimals`, as reports print it (with a guard for float noise). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f + 1e-9) / f;
}

/** The count out of `n` whose rate is closest to count/total (ties: the higher count). */
export function closestCount(rate: number, n: number): number {
  return Math.min(n, Math.max(0, Math.round((n * rate) / 100)));
}

/**
 * The total T ≥ count such that count/T, rounded to `decimals`, prints as `rate`. If no integer
 * does, the T whose unrounded rate is closest; `exact` says which.
 */
export function totalForRate(count: number, rate: number, decimals: number): { total: number; exact: boolean } {
  const ideal = (100 * count) / rate;
  const candidates: number[] = [];
  for (let t = Math.max(count, Math.floor(ideal) - 3); t <= Math.ceil(ideal) + 3; t++) candidates.push(t);
  const exact = candidates.filter((t) => roundTo(pct(count, t), decimals) === rate);
  if (exact.length > 0) {
    exact.sort((a, b) => Math.abs(a - ideal) - Math.abs(b - ideal) || a - b);
    return { total: exact[0], exact: true };
  }
  candidates.sort((a, b) => Math.abs(pct(count, a) - rate) - Math.abs(pct(count, b) - rate) || a - b);
  return { total: candidates[0], exact: false };
}

/** The total a tally figure asks for: the published total, or the one that gives the published rate. */
export function tallyTarget(f: Extract<SeedFigure, { kind: 'tally' }>): { total: number; exact: boolean } {
  if (f.total !== undefined) return { total: f.total, exact: true };
  return totalForRate(f.count, f.rate!, f.rateDecimals ?? 2);
}

/** How many of `n` communes to certify: the count if the unit counts match, else the closest rate. */
export function communeTarget(f: Extract<SeedFigure, { kind: 'communes_certified' }>, n: number): number {
  if (f.total !== undefined && f.total === n) return f.count;
  const rate = f.total !== undefined ? pct(f.count, f.total) : f.rate!;
  return closestCount(rate, n);
}

// ------------------------------------------------------------------ formatting (Vietnamese style)

/** 3321 → "3.321". */
export function fmtInt(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 98.4848 → "98,48 %". */
export function fmtPct(x: number, decimals = 2): string {
  return `${roundTo(x, decimals).toFixed(decimals).replace('.', ',')} %`;
}

export function fmtRatio(count: number, total: number, decimals = 2): string {
  return `${fmtInt(count)}/${fmtInt(total)} = ${fmtPct(pct(count, total), decimals)}`;
}
