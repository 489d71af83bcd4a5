// The checks every store makes of a batch before writing it (same rules, same messages, both dialects):
// rows name assessable units of their vintage, integer counts, no key twice.

import type { Assessment, ProvinceReturn, Vintage } from '../../shared/domain/types.js';
import { StoreWriteError } from './errors.js';
import { ORIGINS, STATUSES, VINTAGES } from './rows.js';
import type { BatchWrite } from './store.js';

/** Assessable codes (communes, and districts without communes) → province, and province codes, per vintage. */
export interface Assessable {
  byVintage: Map<Vintage, Map<string, string>>;
  provinces: Map<Vintage, Set<string>>;
}

export function assessableFrom(units: { vintage: Vintage; code: string; province_code: string }[], provinceCodes: { vintage: Vintage; code: string }[]): Assessable {
  const byVintage = new Map<Vintage, Map<string, string>>(VINTAGES.map((v) => [v, new Map<string, string>()]));
  for (const u of units) byVintage.get(u.vintage)!.set(u.code, u.province_code);
  const provinces = new Map<Vintage, Set<string>>(VINTAGES.map((v) => [v, new Set<string>()]));
  for (const p of provinceCodes) provinces.get(p.vintage)!.add(p.code);
  return { byVintage, provinces };
}

export type CheckedAssessment = Omit<Assessment, 'batchId'> & { provinceCode: string };

/** The batch's rows, each assessment with its province; throws StoreWriteError on the first bad row. */
export function checkBatch(batch: BatchWrite, { byVintage, provinces }: Assessable): { assessments: CheckedAssessment[]; returns: Omit<ProvinceReturn, 'batchId'>[] } {
  if (!ORIGINS.includes(batch.origin)) throw new StoreWriteError(`writeBatch: unknown origin ${JSON.stringify(batch.origin)}`);
  const seen = new Set<string>();
  const assessments = batch.assessments.map((a, k) => {
    const where = () => `writeBatch: assessment #${k} (${a.vintage} ${a.communeCode} ${a.year})`;
    const communes = byVintage.get(a.vintage);
    if (!communes) throw new StoreWriteError(`${where()}: unknown vintage`);
    const province = communes.get(a.communeCode);
    if (province === undefined) throw new StoreWriteError(`${where()}: ${a.communeCode} is not a commune of the ${a.vintage} units`);
    if (!STATUSES.includes(a.status)) throw new StoreWriteError(`${where()}: unknown status ${JSON.stringify(a.status)}`);
    if (!Number.isInteger(a.year)) throw new StoreWriteError(`${where()}: year is not an integer`);
    // null: not reported; a pair is reported whole or not at all.
    const tallies = [a.residential, a.agencies, a.enterprises, a.schools];
    if (!tallies.every((t) => t === null || (typeof t === 'object' && t !== undefined))) throw new StoreWriteError(`${where()}: a count pair must be {total, certified} or null`);
    const counts = [...tallies.flatMap((t) => (t === null ? [] : [t.total, t.certified])), ...(a.models === null ? [] : [a.models])];
    if (!counts.every((x) => Number.isInteger(x))) throw new StoreWriteError(`${where()}: counts must be integers (or null: not reported)`);
    const key = `${a.vintage}|${a.communeCode}|${a.year}`;
    if (seen.has(key)) throw new StoreWriteError(`${where()}: the same commune and year appears twice in the batch`);
    seen.add(key);
    return { ...a, provinceCode: province };
  });
  const seenReturns = new Set<string>();
  const returns = batch.provinceReturns.map((r, k) => {
    const where = () => `writeBatch: province return #${k} (${r.vintage} ${r.provinceCode} ${r.year})`;
    if (!provinces.get(r.vintage)?.has(r.provinceCode)) throw new StoreWriteError(`${where()}: ${r.provinceCode} is not a province of the ${r.vintage} units`);
    if (!Number.isInteger(r.year) || !Number.isInteger(r.bodies.total) || !Number.isInteger(r.bodies.certified)) {
      throw new StoreWriteError(`${where()}: year and counts must be integers`);
    }
    const key = `${r.vintage}|${r.provinceCode}|${r.year}`;
    if (seenReturns.has(key)) throw new StoreWriteError(`${where()}: the same province and year appears twice in the batch`);
    seenReturns.add(key);
    return r;
  });
  return { assessments, returns };
}

/** The reference checks (both dialects): known vintages, crosswalk links between existing units. */
export function checkReference(ref: { units: { vintage: Vintage; code: string }[]; crosswalk: { oldCode: string; newCode: string }[] }): void {
  const codes = new Map<Vintage, Set<string>>(VINTAGES.map((v) => [v, new Set<string>()]));
  for (const u of ref.units) {
    if (!VINTAGES.includes(u.vintage)) throw new StoreWriteError(`replaceReference: unit ${u.code} has an unknown vintage ${JSON.stringify(u.vintage)}`);
    codes.get(u.vintage)!.add(u.code);
  }
  for (const l of ref.crosswalk) {
    if (!codes.get('pre2025')!.has(l.oldCode)) throw new StoreWriteError(`replaceReference: crosswalk old code ${l.oldCode} is not a pre2025 unit`);
    if (!codes.get('2025')!.has(l.newCode)) throw new StoreWriteError(`replaceReference: crosswalk new code ${l.newCode} is not a 2025 unit`);
  }
}

/** Validates an origin argument (deleteOrigin, replaceOrigin). */
export function checkOrigin(what: string, origin: string): void {
  if (!ORIGINS.includes(origin as never)) throw new StoreWriteError(`${what}: unknown origin ${JSON.stringify(origin)}`);
}

/**
 * The assessable codes at one reference version (meta.reference_version, read in the write's own transaction):
 * every batch is checked against them, and reading them costs a scan of the units, which change only with a new reference.
 */
export class AssessableMemo {
  private last: { refVersion: number; codes: Assessable } | undefined;

  get(refVersion: number): Assessable | undefined {
    return this.last?.refVersion === refVersion ? this.last.codes : undefined;
  }

  set(refVersion: number, codes: Assessable): Assessable {
    this.last = { refVersion, codes };
    return codes;
  }
}
