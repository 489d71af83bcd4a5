// The SQLite store's reads on its one connection, uncached (the cache is the decorator's, cached.ts).

import type Database from 'better-sqlite3';
import type { Level, Origin, Unit, Vintage } from '../../shared/domain/types.js';
import { toAssessment, toBatch, toLink, toReturn, toUnit, type AssessmentRow, type UnitRow } from './rows.js';
import { fromJsonRows, type Statements } from './sqlite-statements.js';
import type { StoreCounts, StoreReads } from './store.js';

/** The reads of `db`; callers keep them out of an open write transaction (see Serial). */
export function sqliteReads(db: Database.Database, s: Statements): StoreReads {
  // One statement per combination of filters.
  const unitStatements = new Map<string, Database.Statement>();
  return {
    async units(vintage: Vintage, filter: { level?: Level; provinceCode?: string } = {}): Promise<Unit[]> {
      const key = `${filter.level !== undefined ? 'l' : ''}${filter.provinceCode !== undefined ? 'p' : ''}`;
      let st = unitStatements.get(key);
      if (!st) {
        const where = ['vintage = ?'];
        if (filter.level !== undefined) where.push('level = ?');
        if (filter.provinceCode !== undefined) where.push('province_code = ?');
        st = db.prepare(`SELECT * FROM units WHERE ${where.join(' AND ')} ORDER BY code`);
        unitStatements.set(key, st);
      }
      const args: unknown[] = [vintage];
      if (filter.level !== undefined) args.push(filter.level);
      if (filter.provinceCode !== undefined) args.push(filter.provinceCode);
      return (st.all(...args) as UnitRow[]).map(toUnit);
    },
    async unit(vintage, code) {
      const r = s.unit.get(vintage, code) as UnitRow | undefined;
      return r && toUnit(r);
    },
    async crosswalk() {
      return (s.crosswalk.all() as Parameters<typeof toLink>[0][]).map(toLink);
    },
    async years(vintage) {
      return (s.years.all({ v: vintage }) as { year: number }[]).map((r) => r.year);
    },
    async assessments(vintage, year, provinceCode) {
      if (provinceCode !== undefined) return (s.assessmentsInProvince.all(vintage, year, provinceCode) as AssessmentRow[]).map(toAssessment);
      return fromJsonRows(s.assessmentsJson.get(vintage, year) as string).map(toAssessment);
    },
    async history(vintage, communeCodes) {
      if (communeCodes.length === 0) return [];
      return (s.history.all(vintage, JSON.stringify(communeCodes)) as AssessmentRow[]).map(toAssessment);
    },
    async provinceReturns(vintage, year) {
      return (s.provinceReturns.all(vintage, year) as Parameters<typeof toReturn>[0][]).map(toReturn);
    },
    async batches() {
      return (s.batches.all() as Parameters<typeof toBatch>[0][]).map(toBatch);
    },
    async version() {
      return Number(s.meta.get('version'));
    },
    async counts(): Promise<StoreCounts> {
      const c = (t: string) => Number(s.count(t).get());
      return {
        units: c('units'),
        crosswalk: c('crosswalk'),
        batches: c('batches'),
        assessments: c('assessments'),
        provinceReturns: c('province_returns'),
        assessmentsByOrigin: {
          sample: 0,
          import: 0,
          ...Object.fromEntries((s.countByOrigin.all() as { origin: Origin; n: number }[]).map((r) => [r.origin, r.n])),
        },
      };
    },
  };
}
