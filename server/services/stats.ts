import { assessedUnits } from '../../shared/domain/assessed.js';
import { aggregate, type Aggregate } from '../../shared/domain/aggregate.js';
import { packCodes, packStatuses, type PackedCodes } from '../../shared/domain/compactStatus.js';
import { noFigures, type CommuneFigures, type CountedFigures } from '../../shared/domain/figures.js';
import { OLD_UNITS_NOTE, oldUnitsByProvince, type OldUnitsArea } from '../../shared/domain/oldUnits.js';
import { yearBasis, type YearBasis } from '../../shared/domain/previousYear.js';
import { ROLLUP_NOTE, rollUp } from '../../shared/domain/rollup.js';
import { FIRST_2025_YEAR, type Assessment, type Batch, type Level, type Unit, type Vintage } from '../../shared/domain/types.js';
import { EncodedBody } from '../lib/encodedBody.js';
import type { Store, StoreReads } from '../store/store.js';
import { notFound } from './errors.js';

export const SAMPLE_LABEL = 'Dữ liệu minh họa';

export type Method = 'reported' | 'crosswalk';

/** A province or district row in /api/stats: its identity plus the sum over its communes. */
export interface AreaFigures extends Aggregate {
  code: string;
  name: string;
  fullName: string;
  type: string;
  provinceCode: string;
  /** Before 2025 on the 2025 map: the province's figures are its old communes' (see StatsResponse.areaBasis). */
  oldUnits?: { communes: number; split: number };
}

export interface StatsQuery {
  vintage: Vintage;
  year: number;
  level: Level;
  province?: string;
  /** 'status': only each unit's status, compact (StatusResponse); what the map colours from. */
  fields?: 'status';
}

export interface StatsResponse {
  sample: boolean;
  dataLabel: string | null;
  vintage: Vintage;
  year: number;
  level: Level;
  province: { code: string; name: string } | null;
  /** 'crosswalk': the year lives on the old communes and was rolled up to the 2025 ones. */
  method: Method;
  note: string | null;
  /**
   * How `total` and the province rows were built (shared/domain/previousYear): before 2025 on the 2025 map they are
   * the reported figures of the old communes that make each area up ('old-units'), never the communes' roll-up.
   */
  areaBasis: YearBasis;
  /** For 'old-units': how many old communes the total counts, how many of them only for a share, and why. */
  oldUnits: { communes: number; split: number; note: string } | null;
  total: Aggregate;
  units: (CommuneFigures | AreaFigures)[];
}

/** /api/stats?fields=status: the answer's header and total, and each unit's status packed (shared/domain/compactStatus). */
export interface StatusResponse extends Omit<StatsResponse, 'units'> {
  codes: PackedCodes;
  /** One character per unit, in the order of codes: d đạt, c chưa đạt, n chưa đánh giá, - no data. */
  status: string;
}

interface YearFigures {
  method: Method;
  communes: CommuneFigures[];
}

/** The snapshot a cache miss reads from, and the finished entries of the cache generation it fills. */
interface Reading {
  r: StoreReads;
  done: Map<string, unknown>;
}

/**
 * Reads the store and derives every figure the API serves; caches by the store's data version. Each cache
 * miss reads in one snapshot of the store (all its reads agree, whatever other processes write meanwhile),
 * and is kept only if that snapshot is of the version the cache generation is for.
 */
export class StatsService {
  private cacheVersion = -1;
  /** Entries being made or made, for concurrent callers; `done`: the finished ones, for nested reads. */
  private cache = new Map<string, Promise<unknown>>();
  private done = new Map<string, unknown>();

  constructor(private readonly store: Store) {}

  private async cached<T>(key: string, make: (x: Reading) => Promise<T>, inside?: Reading): Promise<T> {
    if (inside) {
      // Nested in a snapshot: reuse only a finished entry (waiting for one being made by another snapshot
      // could wait for this one), else make it on this snapshot.
      if (inside.done.has(key)) return inside.done.get(key) as T;
      const out = await make(inside);
      inside.done.set(key, out);
      return out;
    }
    const v = await this.store.version();
    if (v !== this.cacheVersion) {
      this.cache = new Map();
      this.done = new Map();
      this.cacheVersion = v;
    }
    if (this.done.has(key)) return this.done.get(key) as T;
    let entry = this.cache.get(key) as Promise<T> | undefined;
    if (!entry) {
      const [cache, done] = [this.cache, this.done];
      entry = this.store.snapshot(async (r) => {
        const seen = await r.version();
        // Another process wrote between version() and the snapshot: answer from the snapshot, cache nothing of it.
        const reading = { r, done: seen === v ? done : new Map<string, unknown>() };
        const out = await make(reading);
        if (seen === v) done.set(key, out);
        else if (cache.get(key) === entry) cache.delete(key);
        return out;
      });
      cache.set(key, entry);
      entry.catch(() => {
        if (cache.get(key) === entry) cache.delete(key);
      });
    }
    return entry;
  }

  units(vintage: Vintage, x?: Reading): Promise<Map<string, Unit>> {
    return this.cached(`units|${vintage}`, async ({ r }) => new Map((await r.units(vintage)).map((u) => [u.code, u])), x);
  }

  crosswalkLinks(x?: Reading) {
    return this.cached('crosswalk', ({ r }) => r.crosswalk(), x);
  }

  batches(x?: Reading): Promise<Map<number, Batch>> {
    return this.cached('batches', async ({ r }) => new Map((await r.batches()).map((b) => [b.id, b])), x);
  }

  /** Years that can be shown on a vintage: the 2025 map also shows earlier years through the crosswalk. */
  years(vintage: Vintage, x?: Reading): Promise<number[]> {
    return this.cached(
      `years|${vintage}`,
      async ({ r }) => {
        const own = await r.years(vintage);
        if (vintage === 'pre2025') return own.filter((y) => y < FIRST_2025_YEAR);
        const old = (await r.years('pre2025')).filter((y) => y < FIRST_2025_YEAR);
        return [...new Set([...old, ...own])].sort((a, b) => a - b);
      },
      x,
    );
  }

  async assertYear(vintage: Vintage, year: number, x?: Reading): Promise<void> {
    const years = await this.years(vintage, x);
    if (!years.includes(year)) {
      const hint = vintage === 'pre2025' && year >= FIRST_2025_YEAR ? ' (từ năm 2025 số liệu nằm trên địa giới mới: vintage=2025)' : '';
      throw notFound(`Không có số liệu năm ${year} trên địa giới ${vintage}${hint}. Các năm có số liệu: ${years.join(', ')}`, 'year');
    }
  }

  /** Every commune of a vintage with its figures for one year (no data → status null). */
  communeFigures(vintage: Vintage, year: number, x?: Reading): Promise<YearFigures> {
    return this.cached(
      `communes|${vintage}|${year}`,
      async (x) => {
        const units = await this.units(vintage, x);
        const batches = await this.batches(x);
        const communes = communeLevel(units);
        if (vintage === '2025' && year < FIRST_2025_YEAR) {
          const old = await x.r.assessments('pre2025', year);
          const links = await this.crosswalkLinks(x);
          const rolled = rollUp(old, links);
          const origins = new Set(old.map((a) => batches.get(a.batchId)?.origin ?? null));
          const origin = origins.has('import') ? 'import' : origins.has('sample') ? 'sample' : null;
          return {
            method: 'crosswalk' as const,
            communes: communes.map((u) => {
              const r = rolled.get(u.code);
              return identity(u, r ?? noFigures(), r && r.status !== null ? origin : null, r?.predecessors);
            }),
          };
        }
        const rows = new Map((await x.r.assessments(vintage, year)).map((a) => [a.communeCode, a]));
        return {
          method: 'reported' as const,
          communes: communes.map((u) => {
            const a = rows.get(u.code);
            return identity(u, a ? counted(a) : noFigures(), a ? (batches.get(a.batchId)?.origin ?? null) : null);
          }),
        };
      },
      x,
    );
  }

  async stats(q: StatsQuery, x?: Reading): Promise<StatsResponse> {
    return this.cached(
      `stats|${q.vintage}|${q.year}|${q.level}|${q.province ?? ''}`,
      async (x) => {
        await this.assertYear(q.vintage, q.year, x);
        const units = await this.units(q.vintage, x);
        let province: Unit | undefined;
        if (q.province !== undefined) {
          province = units.get(q.province);
          if (!province || province.level !== 'province') throw notFound(`Không có tỉnh mã ${q.province} trên địa giới ${q.vintage}`, 'province');
        }
        const { method, communes: all } = await this.communeFigures(q.vintage, q.year, x);
        const communes = province ? all.filter((c) => c.provinceCode === province.code) : all;
        const bodies = await this.provinceBodies(q.vintage, q.year, x);
        const areaBasis = q.vintage === '2025' ? yearBasis(province ? 'province' : 'country', q.year) : 'reported';
        const old = areaBasis === 'old-units' ? await this.oldUnitsAreas(q.year, x) : null;
        const oldArea = (code: string): OldUnitsArea => old!.provinces.get(code) ?? { total: aggregate([]), split: 0 };
        const areas = [...units.values()].filter((u) => u.level === q.level && (!province || u.provinceCode === province.code));
        const rows =
          q.level === 'commune'
            ? communes
            : old && q.level === 'province'
              ? areas.map((a) => {
                  const o = oldArea(a.code);
                  return { ...areaIdentity(a), ...o.total, oldUnits: { communes: o.total.communes.total, split: o.split } };
                })
              : groupAreas(areas, communes, q.level === 'province' ? bodies : new Map<string, { total: number; certified: number }>());
        const provinceTally = province ? (bodies.get(province.code) ?? null) : sumTallies([...bodies.values()]);
        const oldTotal = old ? (province ? oldArea(province.code) : old.country) : null;
        const sample = all.some((c) => c.origin === 'sample');
        return {
          sample,
          dataLabel: sample ? SAMPLE_LABEL : null,
          vintage: q.vintage,
          year: q.year,
          level: q.level,
          province: province ? { code: province.code, name: province.name } : null,
          method,
          note: method === 'crosswalk' ? ROLLUP_NOTE : null,
          areaBasis,
          oldUnits: oldTotal ? { communes: oldTotal.total.communes.total, split: oldTotal.split, note: OLD_UNITS_NOTE } : null,
          total: oldTotal?.total ?? aggregate(communes, provinceTally),
          units: rows,
        };
      },
      x,
    );
  }

  /** stats(q) serialised (and compressed on demand) once per query and store version: what the route sends. */
  statsBody(q: StatsQuery): Promise<EncodedBody<StatsResponse | StatusResponse>> {
    return this.cached(`stats-body|${q.vintage}|${q.year}|${q.level}|${q.province ?? ''}|${q.fields ?? ''}`, async (x) => {
      const s = await this.stats(q, x);
      if (q.fields !== 'status') return new EncodedBody<StatsResponse | StatusResponse>(s);
      const { units, ...head } = s;
      const compact: StatusResponse = { ...head, codes: packCodes(units.map((u) => u.code)), status: packStatuses(units.map((u) => ('status' in u ? u.status : null))) };
      return new EncodedBody(compact);
    });
  }

  /**
   * Each 2025 province's figures of a year before the reform on its old communes as reported (and the country's):
   * what an area's total is in such a year (shared/domain/previousYear).
   */
  oldUnitsAreas(year: number, x?: Reading) {
    return this.cached(
      `old-units|${year}`,
      async (x) => {
        const { communes: old } = await this.communeFigures('pre2025', year, x);
        const links = await this.crosswalkLinks(x);
        const units = await this.units('2025', x);
        const provinceOfNew = new Map([...units.values()].filter((u) => u.level === 'commune').map((u) => [u.code, u.provinceCode]));
        return oldUnitsByProvince(old, links, provinceOfNew);
      },
      x,
    );
  }

  private provinceBodies(vintage: Vintage, year: number, x?: Reading) {
    return this.cached(
      `bodies|${vintage}|${year}`,
      async ({ r }) => {
        // Province-managed bodies exist only where they were reported, on the vintage they were reported on.
        const rows = year < FIRST_2025_YEAR && vintage === '2025' ? [] : await r.provinceReturns(vintage, year);
        return new Map(rows.map((r) => [r.provinceCode, r.bodies]));
      },
      x,
    );
  }
}

/**
 * The units that carry yearly returns: communes, and the island districts that had no communes
 * (Bạch Long Vĩ, Hoàng Sa, Trường Sa, Côn Đảo, Lý Sơn before 2025), which report as communes do.
 */
function communeLevel(units: Map<string, Unit>): Unit[] {
  return assessedUnits(units.values()).map((u) => (u.level === 'district' ? { ...u, districtCode: u.code } : u));
}

function counted(a: Assessment): CountedFigures {
  const { status, exemplary, keyArea, hotSpot, residential, agencies, enterprises, schools, models } = a;
  return { status, exemplary, keyArea, hotSpot, residential, agencies, enterprises, schools, models };
}

function identity(u: Unit, f: CountedFigures, origin: CommuneFigures['origin'], predecessors?: CommuneFigures['predecessors']): CommuneFigures {
  return {
    code: u.code,
    name: u.name,
    type: u.type,
    provinceCode: u.provinceCode,
    districtCode: u.districtCode,
    population: u.population,
    areaKm2: u.areaKm2,
    origin,
    ...f,
    ...(predecessors ? { predecessors } : {}),
  };
}

function sumTallies(ts: { total: number; certified: number }[]) {
  return ts.length ? ts.reduce((a, t) => ({ total: a.total + t.total, certified: a.certified + t.certified }), { total: 0, certified: 0 }) : null;
}

const areaIdentity = (a: Unit) => ({ code: a.code, name: a.name, fullName: a.fullName, type: a.type, provinceCode: a.provinceCode });

function groupAreas(areas: Unit[], communes: CommuneFigures[], bodies: Map<string, { total: number; certified: number }>): AreaFigures[] {
  const groups = new Map<string, CommuneFigures[]>(areas.map((a) => [a.code, []]));
  const level = areas[0]?.level;
  for (const c of communes) {
    const k = level === 'province' ? c.provinceCode : c.districtCode;
    if (k !== null) groups.get(k)?.push(c);
  }
  return areas.map((a) => ({
    ...areaIdentity(a),
    ...aggregate(groups.get(a.code) ?? [], bodies.get(a.code) ?? null),
  }));
}
