// The sample-data generator: plausible, deterministic ANTT figures for every commune of both
// vintages (2017–2024 on the pre-2025 communes, 2025 on the new ones) that reproduce every figure
// the seed reports publish (data/seed-figures.json). Pure: takes the Reference, the settings and the
// seed figures, returns BatchWrites and a report. Every random draw is keyed by seed + unit + year +
// purpose (see prng.ts), so no figure depends on the order the units are visited in.

import { assessedUnits } from '../../shared/domain/assessed.js';
import type { Assessment, CrosswalkLink, ProvinceReturn, Status, Tally, Unit } from '../../shared/domain/types.js';
import type { BatchWrite, Reference } from '../../server/store/store.js';
import {
  closestCount,
  fmtInt,
  fmtPct,
  fmtRatio,
  pct,
  roundTo,
  TALLY_KEYS,
  TALLY_LABELS,
  totalForRate,
  type SampleSettings,
  type SeedEntry,
  type SeedFigure,
  type SeedFigures,
  type TallyKey,
} from './figures.js';
import { normalQuantile, rng } from '../../shared/lib/prng.js';

/** The generator reports every figure (no "not reported" nulls): a full assessment. */
export type SampleRow = Omit<Assessment, 'batchId' | TallyKey | 'models'> & Record<TallyKey, Tally> & { models: number };
type ReturnRow = Omit<ProvinceReturn, 'batchId'>;
type Metric = TallyKey | 'models';
const METRICS: readonly Metric[] = [...TALLY_KEYS, 'models'];
/** Every commune has at least one residential area, one agency (the People's Committee) and one school. */
const MIN_TOTAL: Record<Metric, number> = { residential: 1, agencies: 1, enterprises: 0, schools: 1, models: 0 };
/** When a report gives only a certified count over several kinds of bodies, totals are set this much higher. */
const CERTIFIED_SHARE_FOR_SUMS = 0.975;
/** Year the base sizes refer to; growth compounds from here. */
const BASE_YEAR = 2020;

export interface SampleResult {
  /** One batch per year (origin 'sample'), assessments and province returns of that year. */
  batches: (BatchWrite & { assessments: SampleRow[] })[];
  /** One line per published figure: how it was met. */
  report: string[];
  /** What the generator assumed (imputed populations, special cases). */
  notes: string[];
}

interface Commune {
  unit: Unit;
  /** Population used for sizes (imputed where the unit has none). */
  pop: number;
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

interface ProvinceParams {
  p0: number; // certification probability in the first year
  drift: number; // its yearly rise
  notAssessed: number;
  modelRate: number; // models per 10,000 residents
  firstYear: number;
}

interface Natural {
  status: Status;
  keyArea: boolean;
  hotSpot: boolean;
  exemplary: boolean;
  z: number; // status score: higher = more certifiable
  threshold: number; // certified when z > threshold (unless a hot spot or not assessed)
}

interface Override {
  status?: Status;
  hotSpot?: boolean;
  exemplary?: boolean;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function generateSample(ref: Reference, settings: SampleSettings, figures: SeedFigures): SampleResult {
  return new Generator(ref, settings, figures).run();
}

class Generator {
  private readonly seed: number;
  private readonly years: number[];
  private readonly communes = new Map<string, Commune>(); // pre2025 communes
  private readonly provincesPre: Unit[];
  private readonly factors = new Map<string, Partial<Record<Metric, number>>>(); // code → place calibration
  private readonly bodiesFactor = new Map<string, number>(); // province code → calibration
  private readonly zOffset = new Map<string, number>(); // code → shift of the status score (place calibration)
  private readonly overrides = new Map<string, Override>(); // code|year
  private readonly notes: string[] = [];
  private readonly rows = new Map<number, Map<string, SampleRow>>(); // year → code → row (pre2025)

  constructor(
    private readonly ref: Reference,
    private readonly settings: SampleSettings,
    private readonly figures: SeedFigures,
  ) {
    this.seed = settings.seed;
    this.years = [];
    for (let y = settings.pre2025Years.from; y <= settings.pre2025Years.to; y++) this.years.push(y);
    this.provincesPre = ref.units.filter((u) => u.vintage === 'pre2025' && u.level === 'province').sort(byCode);
  }

  run(): SampleResult {
    this.buildCommunes();
    for (const v of ['pre2025', '2025'] as const) {
      for (const [code, why] of Object.entries(this.settings.notAssessed[v] ?? {})) {
        const u = this.ref.units.find((x) => x.vintage === v && x.code === code);
        if (u) this.notes.push(`${v} ${code} ${u.fullName}: Chưa đánh giá with no counts in every year (${why})`);
      }
    }
    const entries = this.figures.entries;
    for (const e of entries) this.calibrate(e);
    for (const e of entries) this.decideStatuses(e);
    for (const y of this.years) {
      const m = new Map<string, SampleRow>();
      for (const c of [...this.communes.values()]) m.set(c.unit.code, this.row(c, y));
      this.rows.set(y, m);
    }
    for (const e of entries) this.fixCounts(e);
    const returns = this.provinceReturnsPre();
    for (const e of entries) this.fixReturns(e, returns);
    const rows2025 = this.rows2025();
    const returns2025 = this.provinceReturns2025(returns);

    const source = (y: number) => `${this.settings.generator} seed=${this.seed} year=${y}`;
    const batches: SampleResult['batches'] = [];
    for (const y of this.years) {
      batches.push({
        origin: 'sample',
        source: source(y),
        note: this.settings.note,
        assessments: [...this.rows.get(y)!.values()].sort((a, b) => a.communeCode.localeCompare(b.communeCode)),
        provinceReturns: returns.filter((r) => r.year === y),
      });
    }
    batches.push({
      origin: 'sample',
      source: source(this.settings.year2025),
      note: this.settings.note,
      assessments: rows2025,
      provinceReturns: returns2025,
    });
    const report = entries.flatMap((e) => this.reportEntry(e, returns));
    return { batches, report, notes: this.notes };
  }

  // ------------------------------------------------------------ communes and their latent traits

  private provinceParams(key: string, firstYear: number): ProvinceParams {
    const r = rng(this.seed, 'province', key);
    const s = this.settings;
    return {
      p0: r.range(s.certification.baseMin, s.certification.baseMax),
      drift: r.range(s.certification.driftMin, s.certification.driftMax),
      notAssessed: r.range(s.notAssessedShare.min, s.notAssessedShare.max),
      modelRate: r.range(s.modelsPer10000.min, s.modelsPer10000.max),
      firstYear,
    };
  }

  private makeCommune(unit: Unit, pop: number, key: string, province: ProvinceParams): Commune {
    const r = rng(this.seed, 'commune', key);
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
    const exemplaryFrom = r.next() < this.settings.exemplaryShare && q > -0.5 ? 2018 + Math.floor(r.next() * 7) : null;
    return { unit, pop, q, keyScore, x, g, u, deficit, exemplaryFrom, province };
  }

  private buildCommunes() {
    const communes = this.ref.units.filter((u) => u.vintage === 'pre2025' && u.level === 'commune');
    // island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) are assessed
    // as commune-level units: they have crosswalk links of their own to their 2025 đặc khu
    const pre = assessedUnits(this.ref.units.filter((u) => u.vintage === 'pre2025')).sort(byCode);
    const islands = pre.filter((u) => u.level === 'district');
    // populations: the unit's own; for an island, its đặc khu's (when it is the only predecessor);
    // else the median of its district's known communes, else its province's
    const known = (f: (u: Unit) => boolean) => communes.filter((u) => f(u) && u.population !== null).map((u) => u.population!);
    const byDistrict = new Map<string, number>();
    const byProvince = new Map<string, number>();
    const successorPop = this.islandPopulations(new Set(islands.map((u) => u.code)));
    let imputed = 0;
    const provinceParams = new Map(this.provincesPre.map((p) => [p.code, this.provinceParams(`pre2025:${p.code}`, this.years[0])]));
    const all = median(known(() => true));
    for (const u of pre) {
      let pop = u.population ?? successorPop.get(u.code) ?? null;
      if (pop === null) {
        imputed++;
        if (!byDistrict.has(u.districtCode ?? '')) byDistrict.set(u.districtCode ?? '', median(known((v) => v.districtCode === u.districtCode)));
        pop = u.districtCode === null ? NaN : byDistrict.get(u.districtCode)!;
        if (Number.isNaN(pop)) {
          if (!byProvince.has(u.provinceCode)) byProvince.set(u.provinceCode, median(known((v) => v.provinceCode === u.provinceCode)));
          pop = byProvince.get(u.provinceCode)!;
        }
        if (Number.isNaN(pop)) pop = Number.isNaN(all) ? 8000 : all;
      }
      const params = provinceParams.get(u.provinceCode) ?? this.provinceParams(`pre2025:${u.provinceCode}`, this.years[0]);
      this.communes.set(u.code, this.makeCommune(u, pop, `pre2025:${u.code}`, params));
    }
    if (imputed > 0) this.notes.push(`${imputed} pre-2025 communes without a 2019 census population: sizes use their district's (else province's) median commune`);
    if (islands.length > 0) {
      this.notes.push(
        `${islands.length} island districts without communes (${islands.map((u) => u.code).join(', ')}) are assessed as commune-level units (rows with their 3-digit code), sized by their đặc khu's population`,
      );
    }
  }

  /** Island district → population of the 2025 đặc khu it alone became. */
  private islandPopulations(islands: Set<string>): Map<string, number> {
    const preds = new Map<string, Set<string>>();
    for (const l of this.ref.crosswalk) preds.set(l.newCode, (preds.get(l.newCode) ?? new Set()).add(l.oldCode));
    const units2025 = new Map(this.ref.units.filter((u) => u.vintage === '2025').map((u) => [u.code, u]));
    const out = new Map<string, number>();
    for (const l of this.ref.crosswalk) {
      if (!islands.has(l.oldCode) || preds.get(l.newCode)!.size !== 1) continue;
      const pop = units2025.get(l.newCode)?.population;
      if (pop != null) out.set(l.oldCode, (out.get(l.oldCode) ?? 0) + pop * l.weight);
    }
    return out;
  }

  // ------------------------------------------------------------ one commune-year

  private real(c: Commune, m: Metric, year: number): number {
    const f = c.unit.vintage === 'pre2025' ? (this.factors.get(c.unit.code)?.[m] ?? 1) : 1;
    return c.x[m] * (1 + c.g[m]) ** (year - BASE_YEAR) * f;
  }

  private int(c: Commune, m: Metric, year: number): number {
    return Math.max(MIN_TOTAL[m], Math.floor(this.real(c, m, year) + c.u[m]));
  }

  private natural(c: Commune, year: number, key = c.unit.code): Natural {
    const s = this.settings;
    const r = rng(this.seed, 'year', key, year);
    const rho = Math.sqrt(s.certification.persistence);
    const offset = c.unit.vintage === 'pre2025' ? (this.zOffset.get(c.unit.code) ?? 0) : 0;
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

  private certified(c: Commune, k: TallyKey, total: number, status: Status, hotSpot: boolean, year: number, key = c.unit.code): number {
    const r = rng(this.seed, 'certified', key, year, k);
    let d =
      status === 'chua_dat' ? 0.06 + 0.3 * r.next() : c.deficit[k] * (0.4 + 1.2 * r.next()) + (status === 'chua_danh_gia' ? 0.04 : 0);
    if (hotSpot && k === 'residential') d += 0.1;
    const uncertified = clamp(Math.floor(total * d + r.next()), 0, total);
    return total - uncertified;
  }

  private row(c: Commune, year: number): SampleRow {
    if (this.settings.notAssessed.pre2025[c.unit.code] !== undefined) return notAssessedRow('pre2025', c.unit.code, year);
    const n = this.natural(c, year);
    const o = this.overrides.get(`${c.unit.code}|${year}`) ?? {};
    const status = o.status ?? n.status;
    const hotSpot = o.hotSpot ?? n.hotSpot;
    const exemplary = o.exemplary ?? (n.exemplary && status === 'dat');
    const tally = (k: TallyKey) => {
      const total = this.int(c, k, year);
      return { total, certified: this.certified(c, k, total, status, hotSpot, year) };
    };
    return {
      vintage: 'pre2025',
      communeCode: c.unit.code,
      year,
      status,
      exemplary,
      residential: tally('residential'),
      agencies: tally('agencies'),
      enterprises: tally('enterprises'),
      schools: tally('schools'),
      models: this.int(c, 'models', year),
      keyArea: n.keyArea,
      hotSpot,
    };
  }

  // ------------------------------------------------------------ seed figures: places and targets

  private placeCommunes(e: SeedEntry): Commune[] {
    const p = e.place;
    if (p.vintage !== 'pre2025') throw new Error(`seed figures: ${e.seed}: only pre-2025 places are supported (${p.name})`);
    const unit = this.ref.units.find((u) => u.vintage === p.vintage && u.code === p.code && u.level === p.level);
    if (!unit) throw new Error(`seed figures: ${e.seed}: place ${p.level} ${p.code} (${p.name}) is not in the reference`);
    if (!this.years.includes(e.year)) throw new Error(`seed figures: ${e.seed}: year ${e.year} is outside the generated years`);
    const list = [...this.communes.values()].filter((c) =>
      p.level === 'province'
        ? c.unit.provinceCode === p.code
        : p.level === 'district'
          ? c.unit.districtCode === p.code || c.unit.code === p.code // an island district is its own commune
          : c.unit.code === p.code,
    );
    if (list.length === 0) throw new Error(`seed figures: ${e.seed}: place ${p.code} has no communes`);
    return list;
  }

  /** The total a tally figure asks for: the published total, or the one that gives the published rate. */
  private static tallyTarget(f: Extract<SeedFigure, { kind: 'tally' }>): { total: number; exact: boolean } {
    if (f.total !== undefined) return { total: f.total, exact: true };
    return totalForRate(f.count, f.rate!, f.rateDecimals ?? 2);
  }

  private setFactor(list: Commune[], m: Metric, year: number, target: number, e: SeedEntry) {
    const sum = list.reduce((s, c) => s + this.real(c, m, year), 0);
    if (!(sum > 0)) throw new Error(`seed figures: ${e.seed}: cannot scale ${m} (no base)`);
    const f = target / sum;
    for (const c of list) {
      const fs = this.factors.get(c.unit.code) ?? {};
      fs[m] = (fs[m] ?? 1) * f;
      this.factors.set(c.unit.code, fs);
    }
  }

  /** Scales the place's sizes (all years, so the series stays smooth) towards the published totals. */
  private calibrate(e: SeedEntry) {
    const list = this.placeCommunes(e);
    for (const f of e.figures) {
      if (f.kind === 'tally') this.setFactor(list, f.tally, e.year, Generator.tallyTarget(f).total, e);
      else if (f.kind === 'models') this.setFactor(list, 'models', e.year, f.count, e);
      else if (f.kind === 'tally_certified_sum') {
        const sum = f.tallies.reduce((s, k) => s + list.reduce((t, c) => t + this.real(c, k, e.year), 0), 0);
        const target = Math.ceil(f.count / CERTIFIED_SHARE_FOR_SUMS);
        for (const k of f.tallies) this.setFactor(list, k, e.year, (target * list.reduce((t, c) => t + this.real(c, k, e.year), 0)) / sum, e);
      } else if (f.kind === 'communes_certified') {
        // shift the group's status scores (all years) so that about the published share is certified
        // naturally around the seed's year; decideStatuses then makes the year exact
        const group = list.filter((c) => !f.unitTypes || f.unitTypes.includes(c.unit.type));
        const k = Generator.communeTarget(f, group.length);
        const margins = group.map((c) => {
          const n = this.natural(c, e.year);
          return n.z - n.threshold;
        });
        margins.sort((a, b) => b - a);
        const delta = k === 0 ? -margins[0] - 0.3 : k === group.length ? Math.max(0, 0.3 - margins[k - 1]) : -(margins[k - 1] + margins[k]) / 2;
        for (const c of group) this.zOffset.set(c.unit.code, (this.zOffset.get(c.unit.code) ?? 0) + delta);
      } else if (f.kind === 'province_bodies') {
        if (e.place.level !== 'province') throw new Error(`seed figures: ${e.seed}: province_bodies needs a province`);
        const x = this.bodiesReal(e.place.code, e.year);
        this.bodiesFactor.set(e.place.code, f.total / x);
      }
    }
  }

  private override(code: string, year: number, o: Override) {
    const key = `${code}|${year}`;
    this.overrides.set(key, { ...(this.overrides.get(key) ?? {}), ...o });
  }

  /** Which communes are certified, hot spots, exemplary in the seed's place and year. */
  private decideStatuses(e: SeedEntry) {
    const list = this.placeCommunes(e);
    const nat = new Map(list.map((c) => [c.unit.code, this.natural(c, e.year)]));
    // most certifiable first; a natural hot spot goes last
    const rank = (a: Commune, b: Commune) => {
      const na = nat.get(a.unit.code)!;
      const nb = nat.get(b.unit.code)!;
      return Number(na.hotSpot) - Number(nb.hotSpot) || nb.z - na.z || byCode(a.unit, b.unit);
    };
    for (const f of e.figures) {
      if (f.kind === 'communes_certified') {
        const group = list.filter((c) => !f.unitTypes || f.unitTypes.includes(c.unit.type)).sort(rank);
        const k = Generator.communeTarget(f, group.length);
        group.forEach((c, i) => {
          if (i < k) this.override(c.unit.code, e.year, { status: 'dat', ...(nat.get(c.unit.code)!.hotSpot ? { hotSpot: false } : {}) });
          else this.override(c.unit.code, e.year, { status: 'chua_dat' });
        });
      } else if (f.kind === 'hot_spots') {
        const sorted = [...list].sort(rank).reverse(); // least certifiable first
        sorted.forEach((c, i) => this.override(c.unit.code, e.year, { hotSpot: i < f.count }));
      } else if (f.kind === 'exemplary') {
        const sorted = [...list].sort(rank);
        sorted.forEach((c, i) => this.override(c.unit.code, e.year, i < f.count ? { exemplary: true, status: 'dat', hotSpot: false } : { exemplary: false }));
      }
    }
  }

  /** How many of `n` communes to certify: the count if the unit counts match, else the closest rate. */
  static communeTarget(f: Extract<SeedFigure, { kind: 'communes_certified' }>, n: number): number {
    if (f.total !== undefined && f.total === n) return f.count;
    const rate = f.total !== undefined ? pct(f.count, f.total) : f.rate!;
    return closestCount(rate, n);
  }

  /** Makes the place's sums exact after the rows exist. */
  private fixCounts(e: SeedEntry) {
    const list = this.placeCommunes(e);
    const rows = list.map((c) => this.rows.get(e.year)!.get(c.unit.code)!);
    for (const f of e.figures) {
      if (f.kind === 'tally') {
        const { total } = Generator.tallyTarget(f);
        this.fixTotals(list, rows, f.tally, e.year, total);
        this.fixCertified(rows, [f.tally], f.count);
      } else if (f.kind === 'models') {
        this.fixTotals(list, rows, 'models', e.year, f.count);
      } else if (f.kind === 'tally_certified_sum') {
        // totals: ~2.5 % above the certified count, shared as the sizes are; then the certified sum
        const target = Math.ceil(f.count / CERTIFIED_SHARE_FOR_SUMS);
        const sizes = f.tallies.map((k) => list.reduce((t, c) => t + this.real(c, k, e.year), 0));
        const all = sizes.reduce((a, b) => a + b, 0);
        let left = target;
        f.tallies.forEach((k, i) => {
          const t = i === f.tallies.length - 1 ? left : Math.round((target * sizes[i]) / all);
          left -= t;
          this.fixTotals(list, rows, k, e.year, t);
        });
        this.fixCertified(rows, f.tallies, f.count);
      }
    }
  }

  /** Adds or removes single units where the dithered rounding was closest to going the other way. */
  private fixTotals(list: Commune[], rows: SampleRow[], m: Metric, year: number, target: number) {
    const get = (r: SampleRow) => (m === 'models' ? r.models : r[m].total);
    const set = (r: SampleRow, v: number) => {
      if (m === 'models') r.models = v;
      else r[m] = { total: v, certified: Math.min(r[m].certified, v) };
    };
    let diff = target - rows.reduce((s, r) => s + get(r), 0);
    const frac = (i: number) => {
      const v = this.real(list[i], m, year) + list[i].u[m];
      return v - Math.floor(v);
    };
    const order = rows.map((_, i) => i).sort((a, b) => (diff > 0 ? frac(b) - frac(a) : frac(a) - frac(b)) || rows[a].communeCode.localeCompare(rows[b].communeCode));
    while (diff !== 0) {
      let moved = false;
      for (const i of order) {
        if (diff === 0) break;
        const v = get(rows[i]);
        if (diff > 0) {
          set(rows[i], v + 1);
          diff--;
          moved = true;
        } else if (v > MIN_TOTAL[m]) {
          set(rows[i], v - 1);
          diff++;
          moved = true;
        }
      }
      if (!moved) throw new Error(`sample: cannot bring ${m} to ${target}`);
    }
  }

  /** Certifies or un-certifies single units: certified communes gain first, uncertified ones lose first. */
  private fixCertified(rows: SampleRow[], tallies: TallyKey[], target: number) {
    let diff = target - rows.reduce((s, r) => s + tallies.reduce((t, k) => t + r[k].certified, 0), 0);
    const cells = rows.flatMap((r) => tallies.map((k) => ({ r, k })));
    const good = (r: SampleRow) => (r.status === 'dat' ? 0 : 1);
    if (diff > 0) {
      cells.sort((a, b) => good(a.r) - good(b.r) || (b.r[b.k].total - b.r[b.k].certified) - (a.r[a.k].total - a.r[a.k].certified) || a.r.communeCode.localeCompare(b.r.communeCode));
    } else {
      const share = (x: { r: SampleRow; k: TallyKey }) => x.r[x.k].certified / Math.max(1, x.r[x.k].total);
      cells.sort((a, b) => good(b.r) - good(a.r) || share(b) - share(a) || b.r[b.k].certified - a.r[a.k].certified || a.r.communeCode.localeCompare(b.r.communeCode));
    }
    while (diff !== 0) {
      let moved = false;
      for (const { r, k } of cells) {
        if (diff === 0) break;
        const t = r[k];
        if (diff > 0 && t.certified < t.total) {
          r[k] = { total: t.total, certified: t.certified + 1 };
          diff--;
          moved = true;
        } else if (diff < 0 && t.certified > 0) {
          r[k] = { total: t.total, certified: t.certified - 1 };
          diff++;
          moved = true;
        }
      }
      if (!moved) throw new Error(`sample: cannot bring certified ${tallies.join('+')} to ${target}`);
    }
  }

  // ------------------------------------------------------------ province returns (province-managed bodies)

  private bodiesReal(provinceCode: string, year: number): number {
    const p = this.provincesPre.find((u) => u.code === provinceCode);
    const r = rng(this.seed, 'bodies', `pre2025:${provinceCode}`);
    const pop = p?.population ?? 1_000_000;
    const base = (pop / 10_000) * r.range(1.2, 2.5);
    const g = r.range(0, 0.03);
    return base * (1 + g) ** (year - BASE_YEAR) * (this.bodiesFactor.get(provinceCode) ?? 1);
  }

  private bodiesShare(key: string, year: number): number {
    const r = rng(this.seed, 'bodies-share', key);
    const p0 = r.range(0.86, 0.95);
    const drift = r.range(0.002, 0.006);
    const y = rng(this.seed, 'bodies-year', key, year);
    return clamp(p0 + drift * (year - this.years[0]) + 0.01 * y.normal(), 0.8, 0.995);
  }

  private provinceReturnsPre(): ReturnRow[] {
    const out: ReturnRow[] = [];
    for (const p of this.provincesPre) {
      const u = rng(this.seed, 'bodies-dither', p.code).next();
      for (const y of this.years) {
        const total = Math.max(1, Math.floor(this.bodiesReal(p.code, y) + u));
        const certified = Math.round(total * this.bodiesShare(`pre2025:${p.code}`, y));
        out.push({ vintage: 'pre2025', provinceCode: p.code, year: y, bodies: { total, certified } });
      }
    }
    return out;
  }

  private fixReturns(e: SeedEntry, returns: ReturnRow[]) {
    for (const f of e.figures) {
      if (f.kind !== 'province_bodies') continue;
      const r = returns.find((x) => x.provinceCode === e.place.code && x.year === e.year)!;
      r.bodies = { total: f.total, certified: f.count };
    }
  }

  /** New provinces: the old provinces' 2024 bodies, shared out as their communes were. */
  private provinceReturns2025(returns: ReturnRow[]): ReturnRow[] {
    const year = this.settings.year2025;
    const last = this.years[this.years.length - 1];
    const newProvince = new Map(this.ref.units.filter((u) => u.vintage === '2025' && u.level === 'commune').map((u) => [u.code, u.provinceCode]));
    const oldCount = new Map<string, number>();
    for (const c of this.communes.values()) oldCount.set(c.unit.provinceCode, (oldCount.get(c.unit.provinceCode) ?? 0) + 1);
    const share = new Map<string, Map<string, number>>(); // new province → old province → share
    for (const l of this.ref.crosswalk) {
      const c = this.communes.get(l.oldCode);
      const np = newProvince.get(l.newCode);
      if (!c || !np) continue;
      const m = share.get(np) ?? new Map<string, number>();
      m.set(c.unit.provinceCode, (m.get(c.unit.provinceCode) ?? 0) + l.weight / oldCount.get(c.unit.provinceCode)!);
      share.set(np, m);
    }
    const provinces = this.ref.units.filter((u) => u.vintage === '2025' && u.level === 'province').sort(byCode);
    return provinces.map((p) => {
      let total = 0;
      let certified = 0;
      for (const [op, s] of share.get(p.code) ?? []) {
        const r = returns.find((x) => x.provinceCode === op && x.year === last);
        if (!r) continue;
        total += r.bodies.total * s;
        certified += r.bodies.certified * s;
      }
      const rr = rng(this.seed, 'bodies-2025', p.code);
      if (total === 0) total = ((p.population ?? 1_000_000) / 10_000) * rr.range(1.2, 2.5);
      const t = Math.max(1, Math.round(total * rr.range(0.97, 1.05)));
      const rate = certified > 0 ? certified / (total || 1) : this.bodiesShare(`2025:${p.code}`, year);
      const c = clamp(Math.round(t * clamp(rate + rr.range(0, 0.01), 0, 0.995)), 0, t);
      return { vintage: '2025' as const, provinceCode: p.code, year, bodies: { total: t, certified: c } };
    });
  }

  // ------------------------------------------------------------ 2025 on the new communes

  private rows2025(): SampleRow[] {
    const year = this.settings.year2025;
    const prev = this.rows.get(this.years[this.years.length - 1])!;
    const links = new Map<string, CrosswalkLink[]>();
    for (const l of this.ref.crosswalk) {
      const list = links.get(l.newCode) ?? [];
      list.push(l);
      links.set(l.newCode, list);
    }
    const units = this.ref.units.filter((u) => u.vintage === '2025' && u.level === 'commune').sort(byCode);
    const provinceParams = new Map<string, ProvinceParams>();
    const params = (code: string) => {
      if (!provinceParams.has(code)) provinceParams.set(code, this.provinceParams(`2025:${code}`, year));
      return provinceParams.get(code)!;
    };
    const out: SampleRow[] = [];
    const fresh: string[] = [];
    const s = this.settings;
    for (const u of units) {
      const key = `2025:${u.code}`;
      if (s.notAssessed['2025'][u.code] !== undefined) {
        out.push(notAssessedRow('2025', u.code, year));
        continue;
      }
      const preds = (links.get(u.code) ?? []).map((l) => ({ l, row: prev.get(l.oldCode), c: this.communes.get(l.oldCode) })).filter((p) => p.row && p.c);
      const w = preds.reduce((t, p) => t + p.l.weight, 0);
      if (w === 0) {
        // no predecessor with figures (đặc khu formed from an island district): generate from population
        fresh.push(u.code);
        const c = this.makeCommune(u, u.population ?? 5000, key, params(u.provinceCode));
        const n = this.natural(c, year, key);
        const tally = (k: TallyKey) => {
          const total = this.int(c, k, year);
          return { total, certified: this.certified(c, k, total, n.status, n.hotSpot, year, key) };
        };
        out.push({
          vintage: '2025', communeCode: u.code, year, status: n.status, exemplary: n.exemplary,
          residential: tally('residential'), agencies: tally('agencies'), enterprises: tally('enterprises'), schools: tally('schools'),
          models: this.int(c, 'models', year), keyArea: n.keyArea, hotSpot: n.hotSpot,
        });
        continue;
      }
      const r = rng(this.seed, 'year', key, year);
      const share = (f: (row: SampleRow) => boolean | null) => preds.reduce((t, p) => t + (f(p.row!) ? p.l.weight : 0), 0) / w;
      const certifiedShare = share((row) => row.status === 'dat');
      const keyShare = share((row) => row.keyArea);
      const hotShare = share((row) => row.hotSpot);
      const exemplaryShare = share((row) => row.exemplary);
      const keyArea = keyShare >= 0.5 || r.next() < keyShare * 0.6;
      const hotSpot = r.next() < (keyArea ? s.hotSpot.inKeyArea * 0.7 : s.hotSpot.elsewhere) + hotShare * 0.3;
      const p = clamp(0.55 + 0.43 * certifiedShare, 0, s.certification.max);
      let status: Status = r.next() < p ? 'dat' : 'chua_dat';
      if (hotSpot && status === 'dat' && r.next() >= s.hotSpot.certifiedAnyway) status = 'chua_dat';
      if (!hotSpot && r.next() < params(u.provinceCode).notAssessed * 0.8) status = 'chua_danh_gia';
      const exemplary = status === 'dat' && exemplaryShare >= 0.5;
      const growth = r.range(0.98, 1.04);
      const sizes = (m: Metric) => preds.reduce((t, p) => t + p.l.weight * (m === 'models' ? p.row!.models : p.row![m].total), 0);
      const tallies = {} as Record<TallyKey, { total: number; certified: number }>;
      // a pseudo-commune so that certified counts follow the same rule as before 2025
      const deficits = preds.reduce(
        (acc, p) => {
          for (const k of TALLY_KEYS) acc[k] += (p.l.weight * p.c!.deficit[k]) / w;
          return acc;
        },
        { residential: 0, agencies: 0, enterprises: 0, schools: 0 } as Record<TallyKey, number>,
      );
      const pseudo = { deficit: deficits } as Commune;
      for (const k of TALLY_KEYS) {
        const total = Math.max(MIN_TOTAL[k], Math.floor(sizes(k) * growth + r.next()));
        tallies[k] = { total, certified: this.certified(pseudo, k, total, status, hotSpot, year, key) };
      }
      out.push({
        vintage: '2025',
        communeCode: u.code,
        year,
        status,
        exemplary,
        ...tallies,
        models: Math.floor(sizes('models') * r.range(1.0, 1.08) + r.next()),
        keyArea,
        hotSpot,
      });
    }
    if (fresh.length > 0) this.notes.push(`2025 communes without predecessor figures, generated from their population: ${fresh.join(', ')}`);
    return out;
  }

  // ------------------------------------------------------------ report

  private reportEntry(e: SeedEntry, returns: ReturnRow[]): string[] {
    const list = this.placeCommunes(e);
    const rows = list.map((c) => this.rows.get(e.year)!.get(c.unit.code)!);
    const head = `${e.seed.slice(0, 3)} ${e.place.name} (${e.place.level} ${e.place.code}) ${e.year}`;
    return e.figures.map((f) => `${head} · ${f.published} → ${this.describe(f, list, rows, e, returns)}`);
  }

  private describe(f: SeedFigure, list: Commune[], rows: SampleRow[], e: SeedEntry, returns: ReturnRow[]): string {
    const sum = (g: (r: SampleRow) => number) => rows.reduce((s, r) => s + g(r), 0);
    switch (f.kind) {
      case 'not_modelled':
        return `not modelled: ${f.reason}`;
      case 'unit_count': {
        const n = list.filter((c) => !f.unitTypes || f.unitTypes.includes(c.unit.type)).length;
        return n === f.count ? `the list has the same ${n} communes` : `the list has ${n} communes, not ${f.count}`;
      }
      case 'communes_certified': {
        const group = list.filter((c) => !f.unitTypes || f.unitTypes.includes(c.unit.type)).map((c) => c.unit.code);
        const n = group.length;
        const k = rows.filter((r) => group.includes(r.communeCode) && r.status === 'dat').length;
        const label = f.unitTypes ? f.unitTypes.map((t) => t.toLocaleLowerCase('vi')).join(', ') : 'xã, phường, thị trấn';
        if (f.total !== undefined && f.total === n) return `exact count ${k}/${n}`;
        const publishedRate = f.total !== undefined ? pct(f.count, f.total) : f.rate!;
        const publishedText = f.total !== undefined ? `${fmtInt(f.count)}/${fmtInt(f.total)} = ${fmtPct(publishedRate)}` : fmtPct(publishedRate, f.rateDecimals ?? 2);
        const listed = f.total !== undefined ? `${n} ${label} in the list, ${f.total} in the report` : `${n} ${label} in the list, ~${Math.round((100 * f.count) / publishedRate)} implied by the report`;
        return `rate ${fmtPct(pct(k, n))} (${k}/${n} ${label}) for published ${publishedText} (${listed})`;
      }
      case 'tally': {
        const t = sum((r) => r[f.tally].total);
        const c = sum((r) => r[f.tally].certified);
        if (f.total !== undefined) return `exact count ${fmtInt(c)}/${fmtInt(t)} ${TALLY_LABELS[f.tally]}`;
        const d = f.rateDecimals ?? 2;
        const got = roundTo(pct(c, t), d);
        if (got === f.rate) return `exact count ${fmtInt(c)} of ${fmtInt(t)} ${TALLY_LABELS[f.tally]} = ${fmtPct(pct(c, t), d)}, as published`;
        return `exact count ${fmtInt(c)} of ${fmtInt(t)} ${TALLY_LABELS[f.tally]} = ${fmtPct(pct(c, t), d)}: no integer total gives ${fmtPct(f.rate!, d)}; closest, gap ${fmtPct(Math.abs(pct(c, t) - f.rate!), 2).replace(' %', ' pp')}`;
      }
      case 'tally_certified_sum': {
        const c = sum((r) => f.tallies.reduce((s, k) => s + r[k].certified, 0));
        const parts = f.tallies.map((k) => `${TALLY_LABELS[k]} ${fmtRatio(sum((r) => r[k].certified), sum((r) => r[k].total))}`).join(', ');
        return `exact count ${fmtInt(c)} certified (${parts})`;
      }
      case 'province_bodies': {
        const r = returns.find((x) => x.provinceCode === e.place.code && x.year === e.year)!;
        return `exact count ${r.bodies.certified}/${r.bodies.total} in the province return`;
      }
      case 'models':
        return `exact count ${fmtInt(sum((r) => r.models))} models summed over ${rows.length} communes`;
      case 'hot_spots':
        return `exact count ${rows.filter((r) => r.hotSpot).length} hot spots in ${rows.length} communes`;
      case 'exemplary': {
        const ex = rows.filter((r) => r.exemplary);
        return `exact count ${ex.length} exemplary (${ex.map((r) => r.communeCode).join(', ')}${ex.every((r) => r.status === 'dat') ? ', certified' : ''})`;
      }
    }
  }
}

function notAssessedRow(vintage: SampleRow['vintage'], communeCode: string, year: number): SampleRow {
  const zero = () => ({ total: 0, certified: 0 });
  return {
    vintage, communeCode, year, status: 'chua_danh_gia', exemplary: false,
    residential: zero(), agencies: zero(), enterprises: zero(), schools: zero(), models: 0, keyArea: false, hotSpot: false,
  };
}

function byCode(a: { code: string }, b: { code: string }) {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
