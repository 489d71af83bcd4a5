import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { paths, ROOT } from '../../server/config.js';
import { COUNT_FIGURES, type Assessment as Stored, type ProvinceReturn, type Unit } from '../../shared/domain/types.js';
import { openMemoryStore } from '../../server/store/sqlite.js';
import type { Reference } from '../../server/store/store.js';
import { skipUnlessCi } from '../../test/support/prerequisites.js';
import { loadReference } from '../reference/load.js';
import { closestCount, loadSampleSettings, loadSeedFigures, pct, roundTo, totalForRate, type SeedFigure, type SeedFigures } from './figures.js';
import { generateSample, type SampleResult } from './generate.js';
import type { SampleRow as Assessment } from './model.js';

const settings = loadSampleSettings();
const FIXTURE = join(ROOT, 'test', 'fixtures', 'reference');

const place = (level: 'province' | 'district' | 'commune', code: string) => ({ name: `${level} ${code}`, vintage: 'pre2025' as const, level, code, provinceCode: '' });
const FIXTURE_FIGURES: SeedFigures = {
  entries: [
    {
      seed: 'fixture-a',
      place: place('province', '27'),
      year: 2023,
      figures: [
        { kind: 'communes_certified', unitTypes: ['Xã'], published: '1/2 xã', count: 1, total: 2 },
        { kind: 'communes_certified', unitTypes: ['Phường', 'Thị trấn'], published: '3/4 phường, thị trấn', count: 3, total: 4 },
        { kind: 'tally', tally: 'residential', published: '40/42 khu dân cư', count: 40, total: 42 },
        { kind: 'tally', tally: 'enterprises', published: '30 doanh nghiệp (92,25%)', count: 30, rate: 92.25, rateDecimals: 2 },
        { kind: 'models', published: '9 mô hình', count: 9 },
        { kind: 'hot_spots', published: 'không có điểm nóng', count: 0 },
        { kind: 'province_bodies', published: '50/55', count: 50, total: 55 },
        { kind: 'not_modelled', published: '12 nguồn tin', reason: 'tips are not in the schema' },
      ],
    },
    { seed: 'fixture-b', place: place('commune', '00006'), year: 2024, figures: [{ kind: 'exemplary', published: 'điển hình', count: 1 }] },
    {
      seed: 'fixture-c',
      place: place('district', '001'),
      year: 2017,
      figures: [
        { kind: 'communes_certified', published: '3/3', count: 3, total: 3 },
        { kind: 'tally_certified_sum', tallies: ['agencies', 'schools'], published: '30 cơ quan, trường học', count: 30 },
        { kind: 'unit_count', published: '3 phường', count: 3 },
      ],
    },
  ],
};

/** The generator reports every figure: a stored row with a figure unknown (null) fails here. */
function reportedAll(a: Stored): Assessment {
  const missing = COUNT_FIGURES.filter((f) => a[f] === null);
  if (missing.length > 0) throw new Error(`${a.communeCode} ${a.year}: sample figures not reported: ${missing.join(', ')}`);
  return a as Assessment;
}

/** Sums over a place's rows, read back from a store: what the portal will show. */
async function readBack(ref: Reference, result: SampleResult) {
  const store = openMemoryStore();
  await store.replaceReference(ref);
  await store.replaceOrigin('sample', result.batches);
  const pre = ref.units.filter((u) => u.vintage === 'pre2025');
  const rows = new Map<number, Assessment[]>();
  const returns = new Map<number, ProvinceReturn[]>();
  for (const y of await store.years('pre2025')) {
    rows.set(y, (await store.assessments('pre2025', y)).map(reportedAll));
    returns.set(y, await store.provinceReturns('pre2025', y));
  }
  const rows2025 = (await store.assessments('2025', 2025)).map(reportedAll);
  const returns2025 = await store.provinceReturns('2025', 2025);
  await store.close();
  return { pre, rows, returns, rows2025, returns2025 };
}

type ReadBack = Awaited<ReturnType<typeof readBack>>;

function placeRows(rb: ReadBack, level: string, code: string, year: number): { rows: Assessment[]; units: Unit[] } {
  const units = rb.pre.filter(
    (u) => u.level === 'commune' && (level === 'province' ? u.provinceCode === code : level === 'district' ? u.districtCode === code : u.code === code),
  );
  const codes = new Set(units.map((u) => u.code));
  return { rows: rb.rows.get(year)!.filter((r) => codes.has(r.communeCode)), units };
}

/** An independent check of one published figure against the rows; returns what it found. */
function check(rb: ReadBack, entry: SeedFigures['entries'][number], f: SeedFigure) {
  const { rows, units } = placeRows(rb, entry.place.level, entry.place.code, entry.year);
  const sum = (g: (r: Assessment) => number) => rows.reduce((s, r) => s + g(r), 0);
  const typeOf = new Map(units.map((u) => [u.code, u.type]));
  switch (f.kind) {
    case 'communes_certified': {
      const group = rows.filter((r) => !f.unitTypes || f.unitTypes.includes(typeOf.get(r.communeCode)!));
      const k = group.filter((r) => r.status === 'dat').length;
      const n = group.length;
      if (f.total === n) expect(k).toBe(f.count);
      else expect(k).toBe(closestCount(f.total !== undefined ? pct(f.count, f.total) : f.rate!, n));
      // everyone in the place was assessed that year
      expect(group.every((r) => r.status !== 'chua_danh_gia')).toBe(true);
      return `${k}/${n}`;
    }
    case 'tally': {
      const c = sum((r) => r[f.tally].certified);
      const t = sum((r) => r[f.tally].total);
      expect(c).toBe(f.count);
      if (f.total !== undefined) expect(t).toBe(f.total);
      else {
        const best = totalForRate(f.count, f.rate!, f.rateDecimals ?? 2);
        expect(t).toBe(best.total);
        if (best.exact) expect(roundTo(pct(c, t), f.rateDecimals ?? 2)).toBe(f.rate);
        else {
          // no total prints as the published rate: no other total comes closer
          const gap = Math.abs(pct(c, t) - f.rate!);
          for (let other = c; other <= 2 * c; other++) expect(Math.abs(pct(c, other) - f.rate!)).toBeGreaterThanOrEqual(gap - 1e-12);
        }
      }
      return `${c}/${t}`;
    }
    case 'tally_certified_sum': {
      const c = sum((r) => f.tallies.reduce((s, k) => s + r[k].certified, 0));
      expect(c).toBe(f.count);
      return `${c}`;
    }
    case 'province_bodies': {
      const r = rb.returns.get(entry.year)!.find((x) => x.provinceCode === entry.place.code)!;
      expect(r.bodies).toEqual({ total: f.total, certified: f.count });
      return `${r.bodies.certified}/${r.bodies.total}`;
    }
    case 'models':
      expect(sum((r) => r.models)).toBe(f.count);
      return `${sum((r) => r.models)}`;
    case 'hot_spots':
      expect(rows.filter((r) => r.hotSpot).length).toBe(f.count);
      return `${f.count}`;
    case 'exemplary': {
      const ex = rows.filter((r) => r.exemplary);
      expect(ex.length).toBe(f.count);
      expect(ex.every((r) => r.status === 'dat')).toBe(true);
      return `${ex.length}`;
    }
    case 'unit_count':
      expect(units.length).toBe(f.count);
      return `${units.length}`;
    case 'not_modelled':
      return 'not modelled';
  }
}

function checkInvariants(result: SampleResult) {
  for (const b of result.batches) {
    expect(b.origin).toBe('sample');
    expect(b.note).toBe('Dữ liệu minh họa');
    expect(b.source).toMatch(new RegExp(`^sample-generator v1 seed=${settings.seed} year=\\d{4}$`));
    for (const a of b.assessments) {
      for (const k of ['residential', 'agencies', 'enterprises', 'schools'] as const) {
        expect(Number.isInteger(a[k].total) && a[k].certified >= 0 && a[k].certified <= a[k].total).toBe(true);
      }
      expect(a.models >= 0 && Number.isInteger(a.models)).toBe(true);
      if (a.exemplary) expect(a.status).toBe('dat');
    }
  }
}

describe('generator on the fixture', () => {
  const { reference } = loadReference(FIXTURE);
  const result = generateSample(reference, settings, FIXTURE_FIGURES);

  it('writes one batch per year, 2017–2024 on the old communes and 2025 on the new ones', () => {
    expect(result.batches.map((b) => [b.source.slice(-4), b.assessments.length, b.provinceReturns.length])).toEqual([
      ...[2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => [String(y), 8, 3]),
      ['2025', 5, 3],
    ]);
    for (const b of result.batches.slice(0, 8)) {
      expect(b.assessments.every((a) => a.vintage === 'pre2025')).toBe(true);
      // the island district without communes is assessed as a commune-level unit
      expect(b.assessments.map((a) => a.communeCode)).toEqual(['00001', '00004', '00006', '09169', '09172', '09175', '09178', '755']);
    }
    expect(result.batches[8].assessments.map((a) => [a.vintage, a.year, a.communeCode])).toEqual(
      ['00004', '00008', '09187', '09998', '26732'].map((c) => ['2025', 2025, c]),
    );
    checkInvariants(result);
  });

  it('reproduces the figures it is given, read back from a store', async () => {
    const rb = await readBack(reference, result);
    const found = FIXTURE_FIGURES.entries.flatMap((e) => e.figures.map((f) => check(rb, e, f)));
    expect(found).toEqual(['1/2', '2/2', '40/42', '30/33', '9', '0', '50/55', 'not modelled', '1', '3/3', '30', '3']);
    expect(result.report).toHaveLength(12);
    expect(result.report[1]).toMatch(/rate 100,00 % \(2\/2 phường, thị trấn\) for published 3\/4 = 75,00 %/);
    expect(result.report[3]).toMatch(/exact count 30 of 33 doanh nghiệp = 90,91 %: no integer total gives 92,25 %; closest/);
    expect(result.report[7]).toMatch(/not modelled: tips are not in the schema/);
  });

  it('is deterministic and independent of the order of the units and links', () => {
    const again = generateSample(reference, settings, FIXTURE_FIGURES);
    expect(again).toEqual(result);
    const shuffled: Reference = { units: [...reference.units].reverse(), crosswalk: [...reference.crosswalk].reverse() };
    expect(generateSample(shuffled, settings, FIXTURE_FIGURES).batches).toEqual(result.batches);
    const other = generateSample(reference, { ...settings, seed: settings.seed + 1 }, FIXTURE_FIGURES);
    expect(other.batches).not.toEqual(result.batches);
  });

  it('fails clearly when a seed place is not in the reference', () => {
    const bad: SeedFigures = { entries: [{ seed: 'x', place: place('province', '36'), year: 2020, figures: [] }] };
    expect(() => generateSample(reference, settings, bad)).toThrow(/place province 36 .* is not in the reference/);
  });
});

const SOURCE = paths().sourceDir;
const haveSource = existsSync(join(SOURCE, 'units', '2025', 'communes.csv'));

describe.skipIf(skipUnlessCi('the seed-figure test on the real units', haveSource ? null : `no source data at ${SOURCE} (set ANTQ_SOURCE_DIR)`))('generator on the real units (../shared/data)', () => {
  let reference: Reference;
  let result: SampleResult;
  let rb: ReadBack;
  const figures = loadSeedFigures();
  beforeAll(async () => {
    reference = loadReference(SOURCE).reference;
    result = generateSample(reference, settings, figures);
    rb = await readBack(reference, result);
  }, 60_000);

  it('reproduces every published seed figure (read back from the store)', () => {
    const found = figures.entries.map((e) => [e.seed.slice(0, 3), e.figures.map((f) => check(rb, e, f))]);
    expect(found).toEqual([
      ['000', ['8', '25', '0', 'not modelled']],
      ['001', ['3321/3505', '170/175', '595/612', '5027/5449', '772/781', '37', ...Array(6).fill('not modelled')]],
      ['002', ['194/213', '65/66', '46/50', '5/5', '269/270', '83/94', '173/173', '709/730']],
      ['003', ['11/11', '110', '0', ...Array(4).fill('not modelled')]],
      ['004', ['1', 'not modelled']],
    ]);
  });

  it('reports one line per published figure', () => {
    const n = figures.entries.reduce((s, e) => s + e.figures.length, 0);
    expect(result.report).toHaveLength(n);
    const line = (needle: string) => result.report.find((l) => l.includes(needle)) ?? '';
    expect(line('69/70 xã')).toMatch(/rate 98,48 % \(65\/66 xã\) for published 69\/70 = 98,57 %/);
    expect(line('48/52 phường')).toMatch(/rate 92,00 % \(46\/50 phường\)/);
    expect(line('709/730')).toMatch(/exact count 709\/730/);
    expect(line('223 xã')).toMatch(/rate 97,14 % \(170\/175/);
    expect(line('3.321 khu dân cư')).toMatch(/3\.321 of 3\.505 khu dân cư = 94,75 %, as published/);
    expect(line('595 cơ quan')).toMatch(/gap 0,03 pp/);
    expect(line('Khu dân cư 5 không')).toMatch(/not modelled/);
    expect(line('Vĩnh Lộc điển hình')).toMatch(/exact count 1 exemplary \(02287, certified\)/);
  });

  it('is plausible elsewhere', () => {
    const share = (rows: Assessment[], f: (a: Assessment) => boolean | null) => rows.filter(f).length / rows.length;
    let prev: Map<string, Assessment> | undefined;
    for (const [year, rows] of rb.rows) {
      expect(rows).toHaveLength(10_035 + 5); // + the 5 island districts without communes
      const dat = share(rows, (a) => a.status === 'dat');
      expect(dat).toBeGreaterThan(0.9);
      expect(dat).toBeLessThan(0.97);
      const na = share(rows, (a) => a.status === 'chua_danh_gia');
      expect(na).toBeGreaterThan(0.008);
      expect(na).toBeLessThan(0.025);
      expect(share(rows, (a) => a.keyArea)).toBeGreaterThan(0.02);
      expect(share(rows, (a) => a.keyArea)).toBeLessThan(0.07);
      const hot = rows.filter((a) => a.hotSpot);
      expect(hot.length).toBeLessThan(rows.length * 0.012);
      expect(hot.filter((a) => a.status === 'dat').length).toBeLessThanOrEqual(Math.ceil(hot.length * 0.2));
      expect(rows.filter((a) => a.exemplary).length).toBeLessThan(60);
      const rd = rows.reduce((s, a) => s + a.residential.total, 0) / rows.length;
      expect(rd).toBeGreaterThan(5);
      expect(rd).toBeLessThan(25);
      const models = rows.reduce((s, a) => s + a.models, 0);
      expect(models).toBeGreaterThan(10_000); // 1–4 per 10,000 of ~96 M residents
      expect(models).toBeLessThan(40_000);
      if (prev) {
        // persistence: few communes change status, but some do
        const changed = rows.filter((a) => (a.status === 'dat') !== (prev!.get(a.communeCode)!.status === 'dat')).length;
        expect(changed / rows.length).toBeGreaterThan(0.02);
        expect(changed / rows.length).toBeLessThan(0.12);
      }
      prev = new Map(rows.map((a) => [a.communeCode, a]));
      expect(rb.returns.get(year)).toHaveLength(63);
    }
    const first = share(rb.rows.get(2017)!, (a) => a.status === 'dat');
    const last = share(rb.rows.get(2024)!, (a) => a.status === 'dat');
    expect(last).toBeGreaterThan(first); // drifting up
  });

  it('continues on the 2025 communes from their predecessors', () => {
    expect(rb.rows2025).toHaveLength(3_321);
    expect(rb.returns2025).toHaveLength(34);
    const sum = (rows: Assessment[], f: (a: Assessment) => number) => rows.reduce((s, a) => s + f(a), 0);
    const last = rb.rows.get(2024)!;
    for (const k of ['residential', 'agencies', 'enterprises', 'schools'] as const) {
      const ratio = sum(rb.rows2025, (a) => a[k].total) / sum(last, (a) => a[k].total);
      expect(ratio).toBeGreaterThan(0.97);
      expect(ratio).toBeLessThan(1.06);
    }
    const dat = rb.rows2025.filter((a) => a.status === 'dat').length / rb.rows2025.length;
    expect(dat).toBeGreaterThan(0.9);
    // a commune whose predecessors were all certified is almost always certified
    const prev = new Map(last.map((a) => [a.communeCode, a]));
    const preds = new Map<string, string[]>();
    for (const l of reference.crosswalk) preds.set(l.newCode, [...(preds.get(l.newCode) ?? []), l.oldCode]);
    const allCertified = rb.rows2025.filter((a) => (preds.get(a.communeCode) ?? []).every((c) => prev.get(c)?.status === 'dat') && preds.has(a.communeCode));
    expect(allCertified.filter((a) => a.status === 'dat').length / allCertified.length).toBeGreaterThan(0.93);
    // Hoàng Sa: not assessed, no counts, on both maps
    expect(rb.rows2025.find((a) => a.communeCode === '20333')).toMatchObject({ status: 'chua_danh_gia', models: 0, residential: { total: 0 } });
    for (const rows of rb.rows.values()) expect(rows.find((a) => a.communeCode === '498')).toMatchObject({ status: 'chua_danh_gia', models: 0 });
    // every 2025 commune has predecessors with figures in 2024 (island districts included)
    const withRows = new Set(last.map((a) => a.communeCode));
    const orphans = rb.rows2025.filter((a) => !(preds.get(a.communeCode) ?? []).some((c) => withRows.has(c)));
    expect(orphans).toEqual([]);
  });
});
