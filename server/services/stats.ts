import { aggregate, type Aggregate } from '../../shared/domain/aggregate.js';
import { packCodes, packStatuses, type PackedCodes } from '../../shared/domain/compactStatus.js';
import { noFigures, type CommuneFigures } from '../../shared/domain/figures.js';
import { OLD_UNITS_NOTE, oldUnitsByProvince, type OldUnitsArea } from '../../shared/domain/oldUnits.js';
import { yearBasis, type YearBasis } from '../../shared/domain/previousYear.js';
import { ROLLUP_NOTE, rollUp } from '../../shared/domain/rollup.js';
import { FIRST_2025_YEAR, type Batch, type Level, type Tally, type Unit, type Vintage } from '../../shared/domain/types.js';
import { EncodedBody } from '../lib/encodedBody.js';
import type { Store } from '../store/store.js';
import { notFound } from './errors.js';
import { SnapshotCache, type Reading } from './snapshotCache.js';
import { areaIdentity, communeLevel, communeRow, counted, groupAreas, sumTallies, type AreaFigures } from './statsRows.js';

export const SAMPLE_LABEL = 'Dữ liệu minh họa';

export type Method = 'reported' | 'crosswalk';

export type { AreaFigures };

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

/** Reads the store and derives every figure the API serves, cached by the store's data version (SnapshotCache). */
export class StatsService {
  private readonly cache: SnapshotCache;

  constructor(store: Store) {
    this.cache = new SnapshotCache(store);
  }

  private cached<T>(key: string, make: (x: Reading) => Promise<T>, inside?: Reading): Promise<T> {
    return this.cache.get(key, make, inside);
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
              return communeRow(u, r ?? noFigures(), r && r.status !== null ? origin : null, r?.predecessors);
            }),
          };
        }
        const rows = new Map((await x.r.assessments(vintage, year)).map((a) => [a.communeCode, a]));
        return {
          method: 'reported' as const,
          communes: communes.map((u) => {
            const a = rows.get(u.code);
            return communeRow(u, a ? counted(a) : noFigures(), a ? (batches.get(a.batchId)?.origin ?? null) : null);
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
              : groupAreas(areas, communes, q.level === 'province' ? bodies : new Map<string, Tally>());
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
