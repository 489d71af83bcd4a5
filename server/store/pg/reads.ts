// The PostgreSQL store's reads on a pool or on one snapshot's connection, uncached (the cache is the
// decorator's, ../cached.ts).

import type pg from 'pg';
import type { Level, Origin, Unit, Vintage } from '../../../shared/domain/types.js';
import { ASSESSMENT_COLUMNS, READ_SQL, toAssessment, toBatch, toLink, toReturn, toUnit, type AssessmentRow, type UnitRow } from '../rows.js';
import type { StoreCounts, StoreReads } from '../store.js';
import { numbered, type Queryable } from './runner.js';

const COLUMN_LIST = ASSESSMENT_COLUMNS.join(', ');
// skip-scan over the primary key: one seek per distinct year instead of reading every row
const YEARS = `WITH RECURSIVE y(year) AS (
    SELECT min(year) FROM assessments WHERE vintage = $1
    UNION ALL
    SELECT (SELECT min(year) FROM assessments WHERE vintage = $1 AND year > y.year) FROM y WHERE y.year IS NOT NULL)
  SELECT year FROM y WHERE year IS NOT NULL`;
const META = 'SELECT value FROM meta WHERE key = $1';

/** meta's value of `key` (version, reference_version) as `q` sees it. */
export async function metaValue(q: Queryable, key: string): Promise<number> {
  const { rows } = await q.query<{ value: string }>(META, [key]);
  return Number(rows[0]?.value ?? 0);
}

/** The reads on `q`; `version` is the data version they are of (read on `q`, or for a snapshot once). */
export function pgReads(q: Queryable, version: () => Promise<number> = () => metaValue(q, 'version')): StoreReads {
  const rows = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await q.query<T>(sql, params)).rows;
  return {
    async units(vintage: Vintage, filter: { level?: Level; provinceCode?: string } = {}): Promise<Unit[]> {
      const where = ['vintage = $1'];
      const args: unknown[] = [vintage];
      if (filter.level !== undefined) where.push(`level = $${args.push(filter.level)}`);
      if (filter.provinceCode !== undefined) where.push(`province_code = $${args.push(filter.provinceCode)}`);
      return (await rows<UnitRow>(`SELECT * FROM units WHERE ${where.join(' AND ')} ORDER BY code`, args)).map(toUnit);
    },
    async unit(vintage, code) {
      const [r] = await rows<UnitRow>('SELECT * FROM units WHERE vintage = $1 AND code = $2', [vintage, code]);
      return r && toUnit(r);
    },
    async crosswalk() {
      return (await rows<Parameters<typeof toLink>[0]>(READ_SQL.crosswalk)).map(toLink);
    },
    async years(vintage) {
      return (await rows<{ year: number }>(YEARS, [vintage])).map((r) => r.year);
    },
    async assessments(vintage, year, provinceCode) {
      if (provinceCode !== undefined) {
        return (await rows<AssessmentRow>(`SELECT ${COLUMN_LIST} FROM assessments WHERE vintage = $1 AND year = $2 AND province_code = $3 ORDER BY commune_code`, [vintage, year, provinceCode])).map(toAssessment);
      }
      return (await rows<AssessmentRow>(`SELECT ${COLUMN_LIST} FROM assessments WHERE vintage = $1 AND year = $2 ORDER BY commune_code`, [vintage, year])).map(toAssessment);
    },
    async history(vintage, communeCodes) {
      if (communeCodes.length === 0) return [];
      return (await rows<AssessmentRow>(`SELECT ${COLUMN_LIST} FROM assessments WHERE vintage = $1 AND commune_code = ANY($2::text[]) ORDER BY commune_code, year`, [vintage, communeCodes])).map(toAssessment);
    },
    async provinceReturns(vintage, year) {
      return (await rows<Parameters<typeof toReturn>[0]>(numbered(READ_SQL.provinceReturns), [vintage, year])).map(toReturn);
    },
    async batches() {
      return (await rows<Parameters<typeof toBatch>[0]>(READ_SQL.batches)).map(toBatch);
    },
    version,
    async counts(): Promise<StoreCounts> {
      const [c] = await rows<Omit<StoreCounts, 'assessmentsByOrigin'>>(
        `SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM crosswalk) AS crosswalk, (SELECT count(*) FROM batches) AS batches,
                (SELECT count(*) FROM assessments) AS assessments, (SELECT count(*) FROM province_returns) AS "provinceReturns"`,
      );
      const byOrigin = await rows<{ origin: Origin; n: number }>(READ_SQL.countByOrigin);
      return { ...c, assessmentsByOrigin: { sample: 0, import: 0, ...Object.fromEntries(byOrigin.map((r) => [r.origin, r.n])) } };
    },
  };
}
