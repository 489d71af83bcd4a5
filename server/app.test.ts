import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { missingSeededApi, skipUnlessCi } from '../test/support/prerequisites.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from './app.js';
import { paths } from './config.js';
import type { AreaFigures, StatsResponse } from './services/stats.js';
import type { UnitDetail } from './services/units.js';
import type { CommuneFigures } from '../shared/domain/figures.js';
import { KINDS, kindSkip, seededStore, type TestStore } from '../test/support/databases.js';

const db = inject('seededDb');
const geoDir = join(paths().buildDir, 'geo');
const skip = skipUnlessCi('the API tests', missingSeededApi(db, inject('seededDbSkip')));

for (const kind of KINDS) describe.skipIf(skip || kindSkip(kind, true))(`the API on the seeded sample data (${kind})`, () => {
  let t: TestStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await seededStore(kind);
    app = createApp({ store: t.store, geoDir });
  });
  afterAll(() => t?.remove());
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
  const json = async <T>(path: string) => {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it('answers health and meta, saying the data are sample data', async () => {
    const health = await json<{ ok: boolean; storeVersion: number; db: string }>('/api/health');
    expect(health.ok).toBe(true);
    // The same database and version as the page's own poll names.
    expect(await json('/api/version')).toEqual({ version: health.storeVersion, db: health.db });
    const meta = await json<{ sample: boolean; dataLabel: string; vintages: { id: string; years: number[] }[]; provinces: unknown[] }>('/api/meta');
    expect(meta.sample).toBe(true);
    expect(meta.dataLabel).toBe('Dữ liệu minh họa');
    const years = Object.fromEntries(meta.vintages.map((v) => [v.id, v.years]));
    expect(years['2025']).toEqual(expect.arrayContaining([2020, 2021, 2022, 2023, 2024, 2025]));
    expect(years.pre2025).toEqual(expect.arrayContaining([2020, 2021, 2022, 2023, 2024]));
    expect(years.pre2025).not.toContain(2025);
    expect(meta.provinces).toHaveLength(34);
  });

  it('reads back Bắc Ninh 2023 (seed 002) on the pre-2025 units', async () => {
    const s = await json<StatsResponse>('/api/stats?year=2023&level=province&vintage=pre2025&province=27');
    expect(s.sample).toBe(true);
    const bn = s.units[0] as AreaFigures;
    expect(bn.code).toBe('27');
    // The 30/06/2025 list has 66 xã / 50 phường / 5 thị trấn where the report had 70 / 52 / 4: rates, not counts.
    expect(bn.communes.byType).toEqual({ Xã: { total: 66, certified: 65 }, Phường: { total: 50, certified: 46 }, 'Thị trấn': { total: 5, certified: 5 } });
    expect(bn.residential).toEqual({ total: 730, certified: 709 });
    expect(bn.agencies).toEqual({ total: 270, certified: 269 });
    expect(bn.enterprises).toEqual({ total: 94, certified: 83 });
    expect(bn.schools).toEqual({ total: 173, certified: 173 });
    expect(bn.provinceBodies).toEqual({ total: 213, certified: 194 });
  });

  it('reads back Nam Định 2020 (seed 001) as the published rates', async () => {
    const s = await json<StatsResponse>('/api/stats?year=2020&level=province&vintage=pre2025&province=36');
    const nd = s.units[0] as AreaFigures;
    const pct = (t: { total: number; certified: number }) => Math.round((t.certified / t.total) * 10000) / 100;
    expect(nd.residential.certified).toBe(3321);
    expect(pct(nd.residential)).toBe(94.75);
    expect(nd.agencies.certified).toBe(595);
    expect(nd.enterprises.certified).toBe(5027);
    expect(Math.abs(pct(nd.enterprises) - 92.25)).toBeLessThan(0.02); // no integer total gives 92,25 exactly
    expect(nd.schools.certified).toBe(772);
    expect(nd.models).toBe(37);
    expect(Math.abs(nd.rates.communes! * 100 - 97.37)).toBeLessThan(0.5); // 175 communes in the list, 229 in 2020
  });

  it('rolls a pre-2025 year up to the 2025 communes through the crosswalk, and says so', async () => {
    const s = await json<StatsResponse>('/api/stats?year=2023');
    expect(s.method).toBe('crosswalk');
    expect(s.note).toMatch(/phân bổ theo diện tích/);
    expect(s.units).toHaveLength(3321);
    const rows = s.units as CommuneFigures[];
    expect(rows.filter((u) => u.status === null)).toEqual([]);
    expect(rows.every((u) => u.predecessors && u.predecessors.total >= 1)).toBe(true);
    // Apportioning conserves the counts: the country's residential areas are the same on both maps.
    const old = await json<StatsResponse>('/api/stats?year=2023&vintage=pre2025&level=province');
    expect(s.total.residential.total).toBeCloseTo(old.total.residential.total, 0);
    const merged = rows.find((u) => u.predecessors!.total >= 3)!;
    expect(merged.predecessors!.certified + merged.predecessors!.notCertified + merged.predecessors!.notAssessed + merged.predecessors!.noData).toBe(
      merged.predecessors!.total,
    );
  });

  it("gives each province the sum over its communes", async () => {
    const provinces = await json<StatsResponse>('/api/stats?year=2025&level=province');
    expect(provinces.method).toBe('reported');
    expect(provinces.units).toHaveLength(34);
    for (const code of ['24', '01', '79']) {
      const p = provinces.units.find((u) => u.code === code) as AreaFigures;
      const c = await json<StatsResponse>(`/api/stats?year=2025&level=commune&province=${code}`);
      const rows = c.units as CommuneFigures[];
      expect(p.communes.total).toBe(rows.length);
      expect(p.communes.certified).toBe(rows.filter((r) => r.status === 'dat').length);
      expect(p.residential.total).toBe(rows.reduce((a, r) => a + (r.residential?.total ?? 0), 0));
      expect(p.models).toBe(rows.reduce((a, r) => a + (r.models ?? 0), 0));
      expect(c.total.communes).toEqual(p.communes);
    }
  });

  it("gives a 2025 commune's details, history across all years and predecessors", async () => {
    const d = await json<UnitDetail>('/api/units/09367');
    expect(d.kind).toBe('commune');
    if (d.kind !== 'commune') return;
    expect(d.unit.fullName).toBe('Phường Từ Sơn');
    expect(d.province?.code).toBe('24');
    expect(d.history.map((h) => h.year)).toEqual(expect.arrayContaining([2020, 2021, 2022, 2023, 2024, 2025]));
    expect(d.history.find((h) => h.year === 2025)!.method).toBe('reported');
    expect(d.history.find((h) => h.year === 2023)!.method).toBe('crosswalk');
    expect(d.predecessors.map((p) => p.fullName)).toContain('Phường Đông Ngàn');
    expect(d.predecessors.every((p) => p.statuses[2023] !== undefined)).toBe(true);
  });

  it("gives in a commune's panel, year by year, what the map's figures give it (read from its own returns alone)", async () => {
    const meta = await json<{ vintages: { id: string; years: number[] }[] }>('/api/meta');
    const years = (vintage: string) => meta.vintages.find((v) => v.id === vintage)!.years;
    // Each map's rows by code, every year.
    const maps = new Map<string, { method: string; rows: Map<string, CommuneFigures> }>();
    for (const vintage of ['2025', 'pre2025'])
      for (const y of years(vintage)) {
        const s = await json<StatsResponse>(`/api/stats?year=${y}&vintage=${vintage}`);
        maps.set(`${vintage} ${y}`, { method: s.method, rows: new Map((s.units as CommuneFigures[]).map((r) => [r.code, r])) });
      }
    for (const vintage of ['2025', 'pre2025'] as const) {
      const all = [...maps.get(`${vintage} ${years(vintage)[0]}`)!.rows.keys()];
      // Every 151st commune, and one rolled up from several old ones (or split among new ones).
      const codes = [...new Set([vintage === '2025' ? '09367' : '02287', ...all.filter((_, i) => i % 151 === 0)])];
      for (const code of codes) {
        const d = await json<UnitDetail>(`/api/units/${code}?vintage=${vintage}`);
        if (d.kind !== 'commune') throw new Error(`${code}: ${d.kind}`);
        const expected = years(vintage).flatMap((year) => {
          const { method, rows } = maps.get(`${vintage} ${year}`)!;
          const { code: _c, name: _n, type: _t, provinceCode: _p, districtCode: _d, population: _pop, areaKm2: _a, ...figures } = rows.get(code)!;
          return figures.status === null ? [] : [{ year, method, figures }];
        });
        expect(d.history, `${vintage} ${code}`).toEqual(expected);
        const other = vintage === '2025' ? 'pre2025' : '2025';
        for (const p of [...d.predecessors, ...d.successors])
          for (const [year, status] of Object.entries(p.statuses))
            expect(status, `${code} ← ${p.code} ${year}`).toBe(maps.get(`${other} ${year}`)!.rows.get(p.code)?.status ?? null);
      }
    }
  });

  it("gives in an area's panel, year by year, the area's row of the map (its old communes' before 2025 on the new map)", async () => {
    const meta = await json<{ vintages: { id: string; years: number[] }[] }>('/api/meta');
    for (const [vintage, level, codes] of [['2025', 'province', ['01', '24', '79']], ['pre2025', 'province', ['27', '01']], ['pre2025', 'district', ['001', '256']]] as const) {
      const years = meta.vintages.find((v) => v.id === vintage)!.years;
      const rows = new Map<number, { basis: string; rows: AreaFigures[] }>();
      for (const y of years) {
        const s = await json<StatsResponse>(`/api/stats?year=${y}&level=${level}&vintage=${vintage}`);
        rows.set(y, { basis: s.areaBasis, rows: s.units as AreaFigures[] });
      }
      for (const code of codes) {
        const d = await json<UnitDetail>(`/api/units/${code}?vintage=${vintage}`);
        if (d.kind !== 'area') throw new Error(`${code}: ${d.kind}`);
        expect(d.sample).toBe(true);
        expect(d.history.map((h) => [h.year, h.basis])).toEqual(years.map((y) => [y, rows.get(y)!.basis]));
        for (const h of d.history) {
          const row = rows.get(h.year)!.rows.find((r) => r.code === code)!;
          expect(row.communes.total, `${vintage} ${code} ${h.year}`).toBeGreaterThan(0);
          expect([h.total.communes, h.total.residential, h.total.models], `${vintage} ${code} ${h.year}`).toEqual([row.communes, row.residential, row.models]);
          expect(h.oldUnits).toEqual(row.oldUnits ?? null);
        }
      }
    }
  });

  it("gives an old commune's successors and an old province's history", async () => {
    const d = await json<UnitDetail>('/api/units/02287?vintage=pre2025');
    expect(d.kind === 'commune' && d.unit.fullName).toBe('Thị trấn Vĩnh Lộc');
    if (d.kind === 'commune') {
      expect(d.successors.map((s) => s.code)).toEqual(['02287']);
      expect(d.history.find((h) => h.year === 2024)!.figures.exemplary).toBe(true); // seed 004
    }
    const p = await json<UnitDetail>('/api/units/27?vintage=pre2025');
    expect(p.kind).toBe('area');
    if (p.kind === 'area') expect(p.history.find((h) => h.year === 2023)!.total.residential).toEqual({ total: 730, certified: 709 });
  });

  it.each([
    ['/api/stats', 400, 'year'],
    ['/api/stats?year=abcd', 400, 'year'],
    ['/api/stats?year=2024&level=district', 400, 'level'],
    ['/api/stats?year=2024&vintage=1999', 400, 'vintage'],
    ['/api/stats?year=2024&foo=1', 400, 'foo'],
    ['/api/stats?year=2030', 404, 'year'],
    ['/api/stats?year=2025&vintage=pre2025', 404, 'year'],
    ['/api/stats?year=2024&province=99', 404, 'province'],
    ['/api/units/99999', 404, 'code'],
    ['/api/units/x1', 400, 'code'],
  ])('%s → %i naming %s', async (path, status, field) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { message: string; field: string } };
    expect(body.error.field).toBe(field);
    expect(body.error.message.length).toBeGreaterThan(15);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/nothing-here/);
  });

  it('serves boundary layers gzipped with an ETag, and 304 on revalidation', async () => {
    const info = await json<{ counts: { communes: number; provinces: number }; provinces: Record<string, unknown> }>('/api/boundaries');
    expect(info.counts).toEqual({ communes: 3321, provinces: 34 });
    expect(Object.keys(info.provinces)).toHaveLength(34);
    const res = await get('/api/boundaries/national.topo.json', { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Cache-Control')).toMatch(/max-age/);
    const etag = res.headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await res.arrayBuffer()).byteLength).toBeLessThanOrEqual(1_000_000);
    expect((await get('/api/boundaries/national.topo.json', { 'If-None-Match': etag })).status).toBe(304);
    const plain = await get('/api/boundaries/provinces/24.topo.json');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(((await plain.json()) as { type: string }).type).toBe('Topology');
    expect((await get('/api/boundaries/provinces/99.topo.json')).status).toBe(404);
  });

  it('serves Vietnamese glyphs from the bundled font', async () => {
    const res = await get('/fonts/Noto%20Sans%20Regular/7680-7935.pbf'); // Latin Extended Additional: ạ ả ấ ầ …
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await get('/fonts/Noto%20Sans%20Regular/../../x.pbf')).status).toBe(404);
    // Latin Extended-A cut to its 12 Vietnamese letters (server/lib/glyphSubset.ts): 126 KB as the font has it.
    expect((await (await get('/fonts/Noto%20Sans%20Regular/256-511.pbf')).arrayBuffer()).byteLength).toBeLessThan(12_000);
    // Compressed when the browser accepts it (the map's three ranges are 336 KB as they are).
    const br = await get('/fonts/Noto%20Sans%20Regular/0-255.pbf', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    const packed = Buffer.from(await br.arrayBuffer());
    const plain = Buffer.from(await (await get('/fonts/Noto%20Sans%20Regular/0-255.pbf')).arrayBuffer());
    expect(packed.length).toBeLessThan(plain.length * 0.7);
    expect(brotliDecompressSync(packed).equals(plain)).toBe(true);
  });
});
