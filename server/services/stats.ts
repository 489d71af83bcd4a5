import { aggregate, type Aggregate } from '../../shared/domain/aggregate.js';
import { packCodes, packStatuses, type PackedCodes } from '../../shared/domain/compactStatus.js';
import type { CommuneFigures } from '../../shared/domain/figures.js';
import { noOldUnits, OLD_UNITS_NOTE, oldUnitsByProvince, type OldUnitsArea } from '../../shared/domain/oldUnits.js';
import { yearBasis, type YearBasis } from '../../shared/domain/previousYear.js';
import { ROLLUP_NOTE } from '../../shared/domain/rollup.js';
import { FIRST_2025_YEAR, type Assessment, type Batch, type Level, type Tally, type Unit, type Vintage } from '../../shared/domain/types.js';
import { EncodedBody } from '../lib/encodedBody.js';
import type { Store } from '../store/store.js';
import { notFound } from './errors.js';
import { SnapshotCache, type Reading } from './snapshotCache.js';
import { areaIdentity, communeLevel, groupAreas, reportedRows, rolledRows, sumTallies, type AreaFigures } from './statsRows.js';

export const SAMPLE_LABEL = 'Dữ liệu minh họa';

/** Assessments by year, in their order. */
function byYear(rows: readonly Assessment[]): Map<number, Assessment[]> {
  const out = new Map<number, Assessment[]>();
  for (const a of rows) {
    const list = out.get(a.year);
    if (list) list.push(a);
    else out.set(a.year, [a]);
  }
  return out;
}

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
        const communes = communeLevel(await this.units(vintage, x));
        const originOf = await this.originOf(x);
        if (vintage === '2025' && year < FIRST_2025_YEAR) {
          return { method: 'crosswalk' as const, communes: rolledRows(communes, await x.r.assessments('pre2025', year), await this.crosswalkLinks(x), originOf) };
        }
        return { method: 'reported' as const, communes: reportedRows(communes, await x.r.assessments(vintage, year), originOf) };
      },
      x,
    );
  }

  /**
   * One commune's row in each year of its vintage, as communeFigures gives it, from its own assessments (and its
   * predecessors') alone: a unit's panel does not wait for every year's figures of every commune.
   */
  communeHistory(vintage: Vintage, unit: Unit, x?: Reading): Promise<{ year: number; method: Method; row: CommuneFigures }[]> {
    return this.cached(
      `history|${vintage}|${unit.code}`,
      async (x) => {
        const years = await this.years(vintage, x);
        const originOf = await this.originOf(x);
        const own = byYear(await this.assessmentsOf(vintage, [unit.code], x));
        const links = vintage === '2025' ? (await this.crosswalkLinks(x)).filter((l) => l.newCode === unit.code) : [];
        const old = byYear(links.length ? await this.assessmentsOf('pre2025', links.map((l) => l.oldCode), x) : []);
        return years.map((year) =>
          vintage === '2025' && year < FIRST_2025_YEAR
            ? { year, method: 'crosswalk' as const, row: rolledRows([unit], old.get(year) ?? [], links, originOf)[0] }
            : { year, method: 'reported' as const, row: reportedRows([unit], own.get(year) ?? [], originOf)[0] },
        );
      },
      x,
    );
  }

  /** Every year's assessments of some communes of a vintage, as stored. */
  assessmentsOf(vintage: Vintage, codes: string[], x?: Reading): Promise<Assessment[]> {
    return this.cached(`assessments|${vintage}|${codes.join(',')}`, ({ r }) => r.history(vintage, codes), x);
  }

  /** Each 2025 commune's province. */
  private provinceOfNew(x: Reading): Promise<Map<string, string>> {
    return this.cached(
      'province-of-new',
      async (x) => new Map([...(await this.units('2025', x)).values()].filter((u) => u.level === 'commune').map((u) => [u.code, u.provinceCode])),
      x,
    );
  }

  private async originOf(x: Reading): Promise<(a: Assessment) => CommuneFigures['origin']> {
    const batches = await this.batches(x);
    return (a) => batches.get(a.batchId)?.origin ?? null;
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
        const oldArea = (code: string): OldUnitsArea => old!.provinces.get(code) ?? noOldUnits();
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
        return oldUnitsByProvince(old, await this.crosswalkLinks(x), await this.provinceOfNew(x));
      },
      x,
    );
  }

  /**
   * An area's communes' rows in each year they report in themselves (every year on the old map, from 2025 on the new),
   * from their returns alone.
   */
  areaCommuneRows(vintage: Vintage, area: Unit, x?: Reading): Promise<Map<number, CommuneFigures[]>> {
    return this.cached(
      `area-rows|${vintage}|${area.code}`,
      async (x) => {
        const inside = communeLevel(await this.units(vintage, x)).filter((u) => (area.level === 'province' ? u.provinceCode : u.districtCode) === area.code);
        const rows = byYear(await this.assessmentsOf(vintage, inside.map((u) => u.code), x));
        const originOf = await this.originOf(x);
        const years = (await this.years(vintage, x)).filter((y) => vintage === 'pre2025' || y >= FIRST_2025_YEAR);
        return new Map(years.map((y) => [y, reportedRows(inside, rows.get(y) ?? [], originOf)]));
      },
      x,
    );
  }

  /**
   * One 2025 province's figures on its old communes in each year before 2025, as oldUnitsAreas gives them, from those
   * communes' returns alone (one read of their history rather than every old commune's every year).
   */
  provinceOldUnits(code: string, x?: Reading): Promise<Map<number, OldUnitsArea>> {
    return this.cached(
      `old-units-of|${code}`,
      async (x) => {
        const provinceOfNew = await this.provinceOfNew(x);
        const all = await this.crosswalkLinks(x);
        const codes = new Set(all.filter((l) => provinceOfNew.get(l.newCode) === code).map((l) => l.oldCode));
        // Each of its old communes' every link: a commune split with another province counts for its share here.
        const links = all.filter((l) => codes.has(l.oldCode));
        const oldUnits = communeLevel(await this.units('pre2025', x)).filter((u) => codes.has(u.code));
        const rows = byYear(await this.assessmentsOf('pre2025', [...codes], x));
        const originOf = await this.originOf(x);
        const years = (await this.years('pre2025', x)).filter((y) => y < FIRST_2025_YEAR);
        return new Map(
          years.map((y) => {
            const old = reportedRows(oldUnits, rows.get(y) ?? [], originOf);
            return [y, oldUnitsByProvince(old, links, provinceOfNew).provinces.get(code) ?? noOldUnits()];
          }),
        );
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
