// The embedded Store: one SQLite file (better-sqlite3, WAL, foreign keys on).
// Every write runs in one transaction and bumps meta.version; a failing write changes nothing.

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Assessment, Batch, CrosswalkLink, Level, Origin, ProvinceReturn, Status, Unit, Vintage } from '../domain/types.js';
import { migrate } from './migrations.js';
import type { BatchWrite, Reference, Store } from './store.js';

/** Row counts, for the seed CLI and health checks. */
export interface StoreCounts {
  units: number;
  crosswalk: number;
  batches: number;
  assessments: number;
  provinceReturns: number;
  /** Assessments by the origin of the batch that wrote them. */
  assessmentsByOrigin: Record<Origin, number>;
}

/** The SQLite store: the Store interface plus a few extras of this implementation. */
export interface SqliteStore extends Store {
  /** The underlying connection (for later additions such as the import history). */
  readonly db: Database.Database;
  /**
   * Atomically removes every batch of `origin` and writes `batches` in its place (one transaction:
   * readers never see a half-written sample). Returns the new batch ids.
   */
  replaceOrigin(origin: Origin, batches: BatchWrite[]): Promise<number[]>;
  counts(): Promise<StoreCounts>;
  /**
   * Runs `fn` in one write transaction that bumps the version, with this store's batch writer, so that
   * other tables (the import ledger) change together with the figures or not at all.
   */
  writeWith<T>(what: string, fn: (insertBatch: (batch: BatchWrite) => number) => T): T;
}

/** A write rejected before or while touching the database (nothing was changed). */
export class StoreWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreWriteError';
  }
}

type AssessmentRow = [
  vintage: Vintage,
  commune_code: string,
  year: number,
  status: Status,
  exemplary: number,
  rd_total: number,
  rd_certified: number,
  ag_total: number,
  ag_certified: number,
  en_total: number,
  en_certified: number,
  sc_total: number,
  sc_certified: number,
  models: number,
  key_area: number,
  hot_spot: number,
  batch_id: number,
];
const ASSESSMENT_COLUMNS =
  'vintage, commune_code, year, status, exemplary, rd_total, rd_certified, ag_total, ag_certified, en_total, en_certified, sc_total, sc_certified, models, key_area, hot_spot, batch_id';

function toAssessment(r: AssessmentRow): Assessment {
  return {
    vintage: r[0],
    communeCode: r[1],
    year: r[2],
    status: r[3],
    exemplary: r[4] === 1,
    residential: { total: r[5], certified: r[6] },
    agencies: { total: r[7], certified: r[8] },
    enterprises: { total: r[9], certified: r[10] },
    schools: { total: r[11], certified: r[12] },
    models: r[13],
    keyArea: r[14] === 1,
    hotSpot: r[15] === 1,
    batchId: r[16],
  };
}

interface UnitRow {
  vintage: Vintage;
  code: string;
  level: Level;
  name: string;
  full_name: string;
  type: string;
  province_code: string;
  district_code: string | null;
  population: number | null;
  area_km2: number | null;
}
const toUnit = (r: UnitRow): Unit => ({
  vintage: r.vintage,
  code: r.code,
  level: r.level,
  name: r.name,
  fullName: r.full_name,
  type: r.type,
  provinceCode: r.province_code,
  districtCode: r.district_code,
  population: r.population,
  areaKm2: r.area_km2,
});

const YEAR_CACHE_SIZE = 24;
/** How stale another process's write may be seen (see currentVersion()). */
export const VERSION_RECHECK_MS = 250;

function deepFreeze(a: Assessment): Assessment {
  Object.freeze(a.residential);
  Object.freeze(a.agencies);
  Object.freeze(a.enterprises);
  Object.freeze(a.schools);
  return Object.freeze(a);
}

const ORIGINS: readonly Origin[] = ['sample', 'import'];
const STATUSES: readonly Status[] = ['dat', 'chua_dat', 'chua_danh_gia'];
const VINTAGES: readonly Vintage[] = ['2025', 'pre2025'];

/** Opens (creating if needed) the store at `path`; ':memory:' gives a private in-memory store. */
export function openSqliteStore(path: string): SqliteStore {
  const memory = path === ':memory:' || path === '';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 5000 });
  if (!memory) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return new SqliteStoreImpl(db);
}

/** A fresh in-memory store (tests). */
export function openMemoryStore(): SqliteStore {
  return openSqliteStore(':memory:');
}

function prepareStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    unit: p('SELECT * FROM units WHERE vintage = ? AND code = ?'),
    crosswalk: p('SELECT old_code, new_code, relation, weight FROM crosswalk ORDER BY old_code, new_code'),
    // skip-scan over the primary key: one seek per distinct year instead of reading every row
    years: p(
      `WITH RECURSIVE y(year) AS (
         SELECT min(year) FROM assessments WHERE vintage = @v
         UNION ALL
         SELECT (SELECT min(year) FROM assessments WHERE vintage = @v AND year > y.year) FROM y WHERE y.year IS NOT NULL)
       SELECT year FROM y WHERE year IS NOT NULL`,
    ),
    // one JSON string per year: ~2x faster than 10,000 rows of 17 columns through the driver
    assessmentsJson: p(
      `SELECT json_group_array(json_array(${ASSESSMENT_COLUMNS}) ORDER BY commune_code)
       FROM assessments WHERE vintage = ? AND year = ?`,
    ).pluck(),
    assessmentsInProvince: p(
      `SELECT ${ASSESSMENT_COLUMNS} FROM assessments WHERE vintage = ? AND year = ? AND province_code = ? ORDER BY commune_code`,
    ).raw(),
    history: p(
      `SELECT ${ASSESSMENT_COLUMNS} FROM assessments
       WHERE vintage = ? AND commune_code IN (SELECT value FROM json_each(?)) ORDER BY commune_code, year`,
    ).raw(),
    provinceReturns: p(
      `SELECT vintage, province_code, year, bodies_total, bodies_certified, batch_id FROM province_returns
       WHERE vintage = ? AND year = ? ORDER BY province_code`,
    ),
    batches: p('SELECT id, origin, source, created_at, note FROM batches ORDER BY id'),
    meta: p('SELECT value FROM meta WHERE key = ?').pluck(),
    bump: p("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version'"),
    bumpReference: p("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'reference_version'"),
    deleteUnits: p('DELETE FROM units'),
    deleteCrosswalk: p('DELETE FROM crosswalk'),
    insertUnit: p(
      `INSERT INTO units (vintage, code, level, name, full_name, type, province_code, district_code, population, area_km2)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertLink: p('INSERT INTO crosswalk (old_code, new_code, relation, weight) VALUES (?, ?, ?, ?)'),
    refreshProvinces: p(
      `UPDATE assessments SET province_code = u.province_code FROM units u
       WHERE u.vintage = assessments.vintage AND u.code = assessments.commune_code AND u.province_code <> assessments.province_code`,
    ),
    assessableUnits: p(
      `SELECT vintage, code, province_code FROM units c
       WHERE level = 'commune'
          OR (level = 'district' AND NOT EXISTS (
                SELECT 1 FROM units k WHERE k.vintage = c.vintage AND k.level = 'commune' AND k.district_code = c.code))`,
    ).raw(),
    provinceCodes: p("SELECT vintage, code FROM units WHERE level = 'province'").raw(),
    insertBatch: p('INSERT INTO batches (origin, source, created_at, note) VALUES (?, ?, ?, ?)'),
    // An import replaces any row; a sample row never replaces an imported one.
    upsertAssessment: p(`
      INSERT INTO assessments (vintage, commune_code, year, province_code, status, exemplary, rd_total, rd_certified,
        ag_total, ag_certified, en_total, en_certified, sc_total, sc_certified, models, key_area, hot_spot, batch_id)
      VALUES (@vintage, @code, @year, @province, @status, @exemplary, @rdT, @rdC, @agT, @agC, @enT, @enC, @scT, @scC,
        @models, @keyArea, @hotSpot, @batch)
      ON CONFLICT (vintage, year, commune_code) DO UPDATE SET
        province_code = excluded.province_code, status = excluded.status, exemplary = excluded.exemplary,
        rd_total = excluded.rd_total, rd_certified = excluded.rd_certified, ag_total = excluded.ag_total,
        ag_certified = excluded.ag_certified, en_total = excluded.en_total, en_certified = excluded.en_certified,
        sc_total = excluded.sc_total, sc_certified = excluded.sc_certified, models = excluded.models,
        key_area = excluded.key_area, hot_spot = excluded.hot_spot, batch_id = excluded.batch_id
      WHERE @origin = 'import' OR (SELECT origin FROM batches b WHERE b.id = assessments.batch_id) <> 'import'`),
    upsertReturn: p(`
      INSERT INTO province_returns (vintage, province_code, year, bodies_total, bodies_certified, batch_id)
      VALUES (@vintage, @province, @year, @total, @certified, @batch)
      ON CONFLICT (vintage, year, province_code) DO UPDATE SET
        bodies_total = excluded.bodies_total, bodies_certified = excluded.bodies_certified, batch_id = excluded.batch_id
      WHERE @origin = 'import' OR (SELECT origin FROM batches b WHERE b.id = province_returns.batch_id) <> 'import'`),
    deleteOrigin: p('DELETE FROM batches WHERE origin = ?'),
    count: (table: string) => p(`SELECT count(*) FROM ${table}`).pluck(),
    countByOrigin: p('SELECT b.origin, count(*) AS n FROM assessments a JOIN batches b ON b.id = a.batch_id GROUP BY b.origin'),
  };
}

class SqliteStoreImpl implements SqliteStore {
  private readonly s: ReturnType<typeof prepareStatements>;
  private readonly unitStatements = new Map<string, Database.Statement>();
  /** Assessable codes (communes, and districts without communes) → province, per vintage. */
  private assessable: { refVersion: number; byVintage: Map<Vintage, Map<string, string>>; provinces: Map<Vintage, Set<string>> } | undefined;
  private closed = false;
  /** meta.version as last read, and when (performance.now()); see currentVersion(). */
  private versionSeen = { value: 0, at: -Infinity };
  private readonly yearCache = new Map<string, { version: number; list: Assessment[]; byProvince: Map<string, Assessment[]> }>();

  constructor(readonly db: Database.Database) {
    this.s = prepareStatements(db);
  }

  // ---------------------------------------------------------------- reads

  async units(vintage: Vintage, filter: { level?: Level; provinceCode?: string } = {}): Promise<Unit[]> {
    const key = `${filter.level !== undefined ? 'l' : ''}${filter.provinceCode !== undefined ? 'p' : ''}`;
    let st = this.unitStatements.get(key);
    if (!st) {
      const where = ['vintage = ?'];
      if (filter.level !== undefined) where.push('level = ?');
      if (filter.provinceCode !== undefined) where.push('province_code = ?');
      st = this.db.prepare(`SELECT * FROM units WHERE ${where.join(' AND ')} ORDER BY code`);
      this.unitStatements.set(key, st);
    }
    const args: unknown[] = [vintage];
    if (filter.level !== undefined) args.push(filter.level);
    if (filter.provinceCode !== undefined) args.push(filter.provinceCode);
    return (st.all(...args) as UnitRow[]).map(toUnit);
  }

  async unit(vintage: Vintage, code: string): Promise<Unit | undefined> {
    const r = this.s.unit.get(vintage, code) as UnitRow | undefined;
    return r && toUnit(r);
  }

  async crosswalk(): Promise<CrosswalkLink[]> {
    return (this.s.crosswalk.all() as { old_code: string; new_code: string; relation: 'full' | 'partial'; weight: number }[]).map((r) => ({
      oldCode: r.old_code,
      newCode: r.new_code,
      relation: r.relation,
      weight: r.weight,
    }));
  }

  async years(vintage: Vintage): Promise<number[]> {
    return (this.s.years.all({ v: vintage }) as { year: number }[]).map((r) => r.year);
  }

  /**
   * One year of a vintage. Whole years are cached (frozen objects, so treat them as read-only)
   * until the next write by any process (see currentVersion()).
   */
  async assessments(vintage: Vintage, year: number, provinceCode?: string): Promise<Assessment[]> {
    const version = this.currentVersion();
    const key = `${vintage}|${year}`;
    let cached = this.yearCache.get(key);
    if (cached && cached.version !== version) {
      this.yearCache.delete(key);
      cached = undefined;
    }
    if (!cached && provinceCode !== undefined) {
      return (this.s.assessmentsInProvince.all(vintage, year, provinceCode) as AssessmentRow[]).map(toAssessment);
    }
    if (!cached) {
      const rows = JSON.parse(this.s.assessmentsJson.get(vintage, year) as string) as AssessmentRow[];
      const list = rows.map((r) => deepFreeze(toAssessment(r)));
      const byProvince = new Map<string, Assessment[]>();
      const provinceOf = this.communeProvinces(vintage);
      for (const a of list) {
        const p = provinceOf.get(a.communeCode) ?? '';
        const l = byProvince.get(p);
        if (l) l.push(a);
        else byProvince.set(p, [a]);
      }
      cached = { version, list, byProvince };
      this.yearCache.set(key, cached);
      while (this.yearCache.size > YEAR_CACHE_SIZE) this.yearCache.delete(this.yearCache.keys().next().value!);
    } else {
      // LRU: move to the end
      this.yearCache.delete(key);
      this.yearCache.set(key, cached);
    }
    if (provinceCode === undefined) return cached.list.slice();
    return (cached.byProvince.get(provinceCode) ?? []).slice();
  }

  async history(vintage: Vintage, communeCodes: string[]): Promise<Assessment[]> {
    if (communeCodes.length === 0) return [];
    return (this.s.history.all(vintage, JSON.stringify(communeCodes)) as AssessmentRow[]).map(toAssessment);
  }

  async provinceReturns(vintage: Vintage, year: number): Promise<ProvinceReturn[]> {
    const rows = this.s.provinceReturns.all(vintage, year) as {
      vintage: Vintage;
      province_code: string;
      year: number;
      bodies_total: number;
      bodies_certified: number;
      batch_id: number;
    }[];
    return rows.map((r) => ({
      vintage: r.vintage,
      provinceCode: r.province_code,
      year: r.year,
      bodies: { total: r.bodies_total, certified: r.bodies_certified },
      batchId: r.batch_id,
    }));
  }

  async batches(): Promise<Batch[]> {
    return (this.s.batches.all() as { id: number; origin: Origin; source: string; created_at: string; note: string }[]).map((r) => ({
      id: r.id,
      origin: r.origin,
      source: r.source,
      createdAt: r.created_at,
      note: r.note,
    }));
  }

  async version(): Promise<number> {
    return this.currentVersion();
  }

  /**
   * meta.version, read from the database at most every VERSION_RECHECK_MS: a read in WAL mode takes locks, and
   * the API asks on every request (~10 % of a cached /api/stats answer's CPU). This connection's own writes are
   * seen at once (write() forgets the last read); another process's (the import CLI) within VERSION_RECHECK_MS.
   */
  private currentVersion(): number {
    const now = performance.now();
    if (now - this.versionSeen.at >= VERSION_RECHECK_MS) this.versionSeen = { value: Number(this.s.meta.get('version')), at: now };
    return this.versionSeen.value;
  }

  async counts(): Promise<StoreCounts> {
    const c = (t: string) => Number(this.s.count(t).get());
    return {
      units: c('units'),
      crosswalk: c('crosswalk'),
      batches: c('batches'),
      assessments: c('assessments'),
      provinceReturns: c('province_returns'),
      assessmentsByOrigin: {
        sample: 0,
        import: 0,
        ...Object.fromEntries((this.s.countByOrigin.all() as { origin: Origin; n: number }[]).map((r) => [r.origin, r.n])),
      },
    };
  }

  // ---------------------------------------------------------------- writes

  async replaceReference(ref: Reference): Promise<void> {
    const codes = new Map<Vintage, Set<string>>(VINTAGES.map((v) => [v, new Set<string>()]));
    for (const u of ref.units) {
      if (!VINTAGES.includes(u.vintage)) throw new StoreWriteError(`replaceReference: unit ${u.code} has an unknown vintage ${JSON.stringify(u.vintage)}`);
      codes.get(u.vintage)!.add(u.code);
    }
    for (const l of ref.crosswalk) {
      if (!codes.get('pre2025')!.has(l.oldCode)) throw new StoreWriteError(`replaceReference: crosswalk old code ${l.oldCode} is not a pre2025 unit`);
      if (!codes.get('2025')!.has(l.newCode)) throw new StoreWriteError(`replaceReference: crosswalk new code ${l.newCode} is not a 2025 unit`);
    }
    this.write(() => {
      this.s.deleteUnits.run();
      this.s.deleteCrosswalk.run();
      for (const u of ref.units) {
        this.s.insertUnit.run(u.vintage, u.code, u.level, u.name, u.fullName, u.type, u.provinceCode, u.districtCode, u.population, u.areaKm2);
      }
      for (const l of ref.crosswalk) this.s.insertLink.run(l.oldCode, l.newCode, l.relation, l.weight);
      this.s.refreshProvinces.run();
      this.s.bumpReference.run();
    }, 'replaceReference');
    this.assessable = undefined;
  }

  async writeBatch(batch: BatchWrite): Promise<number> {
    return this.write(() => this.insertBatch(batch), 'writeBatch');
  }

  async deleteOrigin(origin: Origin): Promise<void> {
    if (!ORIGINS.includes(origin)) throw new StoreWriteError(`deleteOrigin: unknown origin ${JSON.stringify(origin)}`);
    this.write(() => {
      this.s.deleteOrigin.run(origin);
    }, 'deleteOrigin');
  }

  async replaceOrigin(origin: Origin, batches: BatchWrite[]): Promise<number[]> {
    if (!ORIGINS.includes(origin)) throw new StoreWriteError(`replaceOrigin: unknown origin ${JSON.stringify(origin)}`);
    const wrong = batches.find((b) => b.origin !== origin);
    if (wrong) throw new StoreWriteError(`replaceOrigin(${origin}): a batch has origin ${wrong.origin}`);
    return this.write(() => {
      this.s.deleteOrigin.run(origin);
      return batches.map((b) => this.insertBatch(b));
    }, 'replaceOrigin');
  }

  writeWith<T>(what: string, fn: (insertBatch: (batch: BatchWrite) => number) => T): T {
    return this.write(() => fn((b) => this.insertBatch(b)), what);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  /** Runs `fn` in one IMMEDIATE transaction that also bumps the version. */
  private write<T>(fn: () => T, what: string): T {
    try {
      return this.db
        .transaction(() => {
          const out = fn();
          this.s.bump.run();
          return out;
        })
        .immediate();
    } catch (e) {
      if (e instanceof StoreWriteError) throw e;
      throw new StoreWriteError(`${what}: ${(e as Error).message}`);
    } finally {
      this.versionSeen.at = -Infinity;
    }
  }

  /** commune code → province code, as stored with the assessments (from the units). */
  private communeProvinces(vintage: Vintage): Map<string, string> {
    return this.assessableCodes().byVintage.get(vintage) ?? new Map();
  }

  private assessableCodes() {
    const refVersion = Number(this.s.meta.get('reference_version'));
    if (!this.assessable || this.assessable.refVersion !== refVersion) {
      const byVintage = new Map<Vintage, Map<string, string>>(VINTAGES.map((v) => [v, new Map<string, string>()]));
      for (const [v, code, province] of this.s.assessableUnits.all() as [Vintage, string, string][]) byVintage.get(v)!.set(code, province);
      const provinces = new Map<Vintage, Set<string>>(VINTAGES.map((v) => [v, new Set<string>()]));
      for (const [v, code] of this.s.provinceCodes.all() as [Vintage, string][]) provinces.get(v)!.add(code);
      this.assessable = { refVersion, byVintage, provinces };
    }
    return this.assessable;
  }

  /** Inserts one batch and its rows; must run inside a transaction. */
  private insertBatch(batch: BatchWrite): number {
    if (!ORIGINS.includes(batch.origin)) throw new StoreWriteError(`writeBatch: unknown origin ${JSON.stringify(batch.origin)}`);
    const { byVintage, provinces } = this.assessableCodes();
    const batchId = Number(this.s.insertBatch.run(batch.origin, batch.source, new Date().toISOString(), batch.note ?? '').lastInsertRowid);
    const seen = new Set<string>();
    batch.assessments.forEach((a, k) => {
      const where = () => `writeBatch: assessment #${k} (${a.vintage} ${a.communeCode} ${a.year})`;
      const communes = byVintage.get(a.vintage);
      if (!communes) throw new StoreWriteError(`${where()}: unknown vintage`);
      const province = communes.get(a.communeCode);
      if (province === undefined) throw new StoreWriteError(`${where()}: ${a.communeCode} is not a commune of the ${a.vintage} units`);
      if (!STATUSES.includes(a.status)) throw new StoreWriteError(`${where()}: unknown status ${JSON.stringify(a.status)}`);
      if (!Number.isInteger(a.year)) throw new StoreWriteError(`${where()}: year is not an integer`);
      const counts = [a.residential.total, a.residential.certified, a.agencies.total, a.agencies.certified, a.enterprises.total,
        a.enterprises.certified, a.schools.total, a.schools.certified, a.models];
      if (!counts.every((x) => Number.isInteger(x))) throw new StoreWriteError(`${where()}: counts must be integers`);
      const key = `${a.vintage}|${a.communeCode}|${a.year}`;
      if (seen.has(key)) throw new StoreWriteError(`${where()}: the same commune and year appears twice in the batch`);
      seen.add(key);
      try {
        this.s.upsertAssessment.run({
          vintage: a.vintage,
          code: a.communeCode,
          year: a.year,
          province,
          status: a.status,
          exemplary: a.exemplary ? 1 : 0,
          rdT: a.residential.total,
          rdC: a.residential.certified,
          agT: a.agencies.total,
          agC: a.agencies.certified,
          enT: a.enterprises.total,
          enC: a.enterprises.certified,
          scT: a.schools.total,
          scC: a.schools.certified,
          models: a.models,
          keyArea: a.keyArea ? 1 : 0,
          hotSpot: a.hotSpot ? 1 : 0,
          batch: batchId,
          origin: batch.origin,
        });
      } catch (e) {
        throw new StoreWriteError(`${where()}: ${(e as Error).message}`);
      }
    });
    const seenReturns = new Set<string>();
    batch.provinceReturns.forEach((r, k) => {
      const where = () => `writeBatch: province return #${k} (${r.vintage} ${r.provinceCode} ${r.year})`;
      if (!provinces.get(r.vintage)?.has(r.provinceCode)) throw new StoreWriteError(`${where()}: ${r.provinceCode} is not a province of the ${r.vintage} units`);
      const key = `${r.vintage}|${r.provinceCode}|${r.year}`;
      if (!Number.isInteger(r.year) || !Number.isInteger(r.bodies.total) || !Number.isInteger(r.bodies.certified)) {
        throw new StoreWriteError(`${where()}: year and counts must be integers`);
      }
      if (seenReturns.has(key)) throw new StoreWriteError(`${where()}: the same province and year appears twice in the batch`);
      seenReturns.add(key);
      try {
        this.s.upsertReturn.run({
          vintage: r.vintage,
          province: r.provinceCode,
          year: r.year,
          total: r.bodies.total,
          certified: r.bodies.certified,
          batch: batchId,
          origin: batch.origin,
        });
      } catch (e) {
        throw new StoreWriteError(`${where()}: ${(e as Error).message}`);
      }
    });
    return batchId;
  }
}
