// The portal as a GIS client sees it, checked with GDAL (Debian gdal-bin), which nobody here wrote: ogrinfo lists the
// OGC API's collections, ogr2ogr copies a year's communes into a GeoPackage with the figures /api/stats gives, and
// the downloaded GeoPackage and GeoJSON open with valid geometry, WGS 84 and the documented field types.
// Without GDAL these tests fail: they never skip.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../server/app.js';
import { paths } from '../server/config.js';
import type { CommuneFigures } from '../shared/domain/figures.js';
import { openSqliteStore, type SqliteStore } from '../server/store/sqlite.js';

const run = promisify(execFile);
const seeded = inject('seededDb');
const skip = !seeded && process.env.CI !== 'true';
if (skip) console.warn(`GDAL tests skipped: ${inject('seededDbSkip')}`);

/** GDAL's own output, and its error output on failure (a missing ogrinfo fails the test with ENOENT). */
async function gdal(cmd: 'ogrinfo' | 'ogr2ogr', args: string[]): Promise<string> {
  const { stdout } = await run(cmd, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GDAL_HTTP_TIMEOUT: '120' } });
  return stdout;
}

/** Runs SQL through ogrinfo (SQLite dialect, SpatiaLite functions) and reads back "name (Type) = value" lines. */
async function sql(file: string, query: string): Promise<Record<string, string>[]> {
  const out = await gdal('ogrinfo', ['-q', '-dialect', 'sqlite', '-sql', query, file]);
  const rows: Record<string, string>[] = [];
  for (const line of out.split('\n')) {
    if (/^OGRFeature/.test(line)) rows.push({});
    const m = /^\s+(\S+) \(.+?\)\)? = (.*)$/.exec(line);
    if (m && rows.length) rows[rows.length - 1][m[1]] = m[2];
  }
  return rows;
}

/** "name: Type (w.p)" lines of ogrinfo -so, as name → Type. */
function fieldTypes(summary: string): Record<string, string> {
  return Object.fromEntries([...summary.matchAll(/^(\w+): ([\w()]+) \(/gm)].map((m) => [m[1], m[2]]));
}

// GDAL and the finer downloads take tens of seconds on a busy 2-core machine.
describe.skipIf(skip)('GDAL reads the portal', { timeout: 240_000 }, () => {
  let store: SqliteStore;
  let server: ServerType;
  let url: string;
  let dir: string;
  let stats2023: Map<string, CommuneFigures>;

  beforeAll(async () => {
    expect(seeded, 'seeded database (npm run seed)').toBeTruthy();
    // Fails here, before anything else, when GDAL is not installed.
    expect(await gdal('ogrinfo', ['--version'])).toMatch(/^GDAL \d/);
    store = openSqliteStore(seeded!);
    const app = createApp({ store, geoDir: join(paths().buildDir, 'geo') });
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'antq-gdal-'));
    const stats = (await (await fetch(`${url}/api/stats?year=2023&level=commune`)).json()) as { units: CommuneFigures[] };
    stats2023 = new Map(stats.units.map((u) => [u.code, u]));
  });
  afterAll(async () => {
    if (server) await new Promise((r) => server.close(r));
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ogrinfo lists the collections of the OGC API', async () => {
    const out = await gdal('ogrinfo', [`OAPIF:${url}/ogc`]);
    expect(out).toMatch(/using driver `OAPIF' successful/);
    expect(out).toMatch(/1: communes \(title: Xã, phường, đặc khu \(từ 01\/7\/2025\)\) \(Multi Polygon\)/);
    expect(out).toMatch(/2: provinces \(title: Tỉnh, thành phố \(từ 01\/7\/2025\)\) \(Multi Polygon\)/);
  });

  it('ogr2ogr copies the communes of 2023 into a GeoPackage with the figures of /api/stats', async () => {
    const out = join(dir, 'oapif-2023.gpkg');
    // GDAL sends the equality on "year" to the server as ?year=2023 (a query parameter of the items path in /ogc/api).
    await gdal('ogr2ogr', ['-f', 'GPKG', out, `OAPIF:${url}/ogc`, 'communes', '-oo', 'PAGE_SIZE=1000', '-where', 'year = 2023']);
    const [count] = await sql(out, 'SELECT count(*) AS n, count(DISTINCT code) AS codes, min(year) AS y0, max(year) AS y1 FROM communes');
    expect(count).toEqual({ n: '3321', codes: '3321', y0: '2023', y1: '2023' });
    // Field types from the collection's JSON Schema: apportioned counts of a rolled-up year are reals.
    const types = fieldTypes(await gdal('ogrinfo', ['-so', out, 'communes']));
    expect(types).toMatchObject({ code: 'String', year: 'Integer', residential_certified: 'Real', residential_rate: 'Real', key_area: 'Integer(Boolean)', data_date: 'Date' });
    // Every 400th commune, and the two archipelagos.
    const sample = [...new Set([...[...stats2023.keys()].sort().filter((_, i) => i % 400 === 0), '20333', '22736'])].sort();
    const rows = await sql(out, `SELECT code, status, residential_certified, residential_total, models, key_area, hot_spot, method FROM communes WHERE code IN (${sample.map((c) => `'${c}'`).join(',')}) ORDER BY code`);
    expect(rows.map((r) => r.code)).toEqual(sample);
    for (const r of rows) {
      const s = stats2023.get(r.code)!;
      expect(r.status === '(null)' ? null : r.status, r.code).toBe(s.status);
      expect(Number(r.residential_certified), r.code).toBeCloseTo(s.residential!.certified, 6);
      expect(Number(r.residential_total), r.code).toBeCloseTo(s.residential!.total, 6);
      expect(Number(r.models), r.code).toBeCloseTo(s.models ?? NaN, 6);
      expect(r.key_area, r.code).toBe(s.status === null ? '(null)' : s.keyArea ? '1' : '0');
      expect(r.method).toBe('crosswalk');
    }
    const [valid] = await sql(out, 'SELECT sum(ST_IsValid(geom)) AS valid FROM communes');
    expect(valid.valid).toBe('3321');
  });

  async function download(path: string, name: string): Promise<string> {
    const res = await fetch(`${url}${path}`);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="antq-/);
    const file = join(dir, name);
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    return file;
  }

  it('the downloaded GeoPackage opens in GDAL: valid geometry, EPSG:4326, field types, spatial index, aliases', async () => {
    const file = await download('/ogc/collections/communes/download?f=gpkg&year=2025', 'xa.gpkg');
    const info = await gdal('ogrinfo', ['-so', file, 'xa_phuong']);
    expect(info).toMatch(/Geometry: Multi Polygon/);
    expect(info).toMatch(/Feature Count: 3321/);
    expect(info).toMatch(/ID\["EPSG",4326\]/);
    expect(info).toMatch(/DESCRIPTION=.*số liệu năm 2025.*DỮ LIỆU MINH HỌA/);
    expect(fieldTypes(info)).toMatchObject({ code: 'String', year: 'Integer64', status: 'String', exemplary: 'Integer(Boolean)', residential_total: 'Real', population: 'Integer64', density: 'Real', data_date: 'Date' });
    expect(info).toMatch(/status: String \(0\.0\), domain name=xa_phuong_status/);
    const [v] = await sql(file, 'SELECT count(*) AS n, sum(ST_IsValid(geom)) AS valid, sum(ST_SRID(geom) = 4326) AS srid FROM xa_phuong');
    expect(v).toEqual({ n: '3321', valid: '3321', srid: '3321' });
    // The R-tree GDAL uses for spatial filters, and the aliases QGIS shows (schema extension), read with SQLite itself.
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM rtree_xa_phuong_geom').get()).toEqual({ n: 3321 });
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all().map((r) => (r as { name: string }).name)).toHaveLength(6);
      expect(db.prepare("SELECT title FROM gpkg_data_columns WHERE column_name = 'residential_rate'").get()).toEqual({ title: 'Tỷ lệ khu dân cư đạt chuẩn (%)' });
      expect(db.pragma('application_id', { simple: true })).toBe(0x47504b47);
    } finally {
      db.close();
    }
    // A spatial filter through the index: Hà Nội's centre holds Phường Ba Đình.
    const hits = await sql(file, "SELECT code FROM xa_phuong WHERE fid IN (SELECT id FROM rtree_xa_phuong_geom WHERE minx <= 105.84 AND maxx >= 105.83 AND miny <= 21.04 AND maxy >= 21.03) AND code = '00004'");
    expect(hits).toHaveLength(1);
  });

  it('the downloaded GeoJSON and the finer provinces open in GDAL with valid geometry in WGS 84', async () => {
    const file = await download('/ogc/collections/communes/download?f=geojson&year=2025', 'xa.geojson');
    const info = await gdal('ogrinfo', ['-so', file, 'antq-xa-phuong-2025']);
    expect(info).toMatch(/Feature Count: 3321/);
    expect(info).toMatch(/ID\["EPSG",4326\]/);
    expect(fieldTypes(info)).toMatchObject({ code: 'String', year: 'Integer', key_area: 'Integer(Boolean)', residential_rate: 'Real' });
    const [v] = await sql(file, 'SELECT count(*) AS n, sum(ST_IsValid(geometry)) AS valid FROM "antq-xa-phuong-2025"');
    expect(v).toEqual({ n: '3321', valid: '3321' });
    const fine = await download('/ogc/collections/provinces/download?f=gpkg&year=2025&detail=fine', 'tinh.gpkg');
    const [p] = await sql(fine, 'SELECT count(*) AS n, sum(ST_IsValid(geom)) AS valid, sum(communes_total) AS communes FROM tinh_thanh');
    expect(p).toEqual({ n: '34', valid: '34', communes: '3321' });
    // Each province says how many of its communes with data reported each figure ("báo cáo 97/99 xã").
    const [c] = await sql(fine, `SELECT ${['residential', 'models'].map((f) => `sum(${f}_reported > 0 AND ${f}_reported <= communes_total - communes_no_data) AS ${f}`).join(', ')} FROM tinh_thanh`);
    expect(c).toEqual({ residential: '34', models: '34' });
    const province = await download('/ogc/collections/communes/download?f=gpkg&year=2025&detail=fine&province=24', 'bac-ninh.gpkg');
    const [b] = await sql(province, "SELECT count(*) AS n, sum(ST_IsValid(geom)) AS valid, sum(province = '24') AS inside FROM xa_phuong");
    expect(b).toEqual({ n: '99', valid: '99', inside: '99' });
  });

  it('the pre-2025 districts download as a valid GeoPackage with the figures reported on them', async () => {
    const file = await download('/ogc/collections/districts-pre2025/download?f=gpkg&year=2023&detail=fine', 'huyen.gpkg');
    const [d] = await sql(file, "SELECT count(*) AS n, sum(ST_IsValid(geom)) AS valid, sum(province = '22') AS quang_ninh FROM huyen_cu");
    // 692 polygons in the source, less the 11 districts abolished before 30/06/2025; Quảng Ninh has none.
    expect(d).toEqual({ n: '681', valid: '681', quang_ninh: '0' });
    const stats = (await (await fetch(`${url}/api/stats?year=2023&vintage=pre2025&level=district&province=27`)).json()) as { units: { code: string; communes: { certified: number } }[] };
    const rows = await sql(file, "SELECT code, communes_certified FROM huyen_cu WHERE province = '27' ORDER BY code");
    expect(rows.map((r) => [r.code, Number(r.communes_certified)])).toEqual(stats.units.map((u) => [u.code, u.communes.certified]));
  });
});
