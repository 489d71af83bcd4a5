/** The whole pipeline on the hand-made fixture (8 communes, 2 provinces, 2 archipelagos). */
import { booleanPointInPolygon } from '@turf/turf';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { dropCsvRow, makeSourceDir } from '../../test/fixtures/geo/make-source.js';
import { buildData, type BuildResult } from './build.js';
import { arcUse, asTopology, geometriesOf, type Topo } from './topology.js';
import { ValidationError } from './validate.js';

const read = (dir: string, rel: string) => JSON.parse(readFileSync(join(dir, rel), 'utf8')) as Topo;
const features = (t: Topo, name: string) => {
  const fc = feature(asTopology(t), asTopology(t).objects[name]);
  return 'features' in fc ? fc.features : [fc];
};
const polys = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
/** Arcs used by `layer` that no commune uses: where a dissolved border would not coincide with commune borders. */
const foreignArcs = (t: Topo, layer: string) => {
  const communes = arcUse(t, 'communes');
  return [...arcUse(t, layer).keys()].filter((i) => !communes.has(i));
};

describe('buildData on the fixture', () => {
  let src: string;
  let out: string;
  let geo: string;
  let r: BuildResult;
  let national: Topo;

  beforeAll(async () => {
    src = makeSourceDir();
    out = mkdtempSync(join(tmpdir(), 'antq-build-'));
    r = await buildData({ sourceDir: src, buildDir: out, sourcesManifest: null });
    geo = join(out, 'geo');
    national = read(geo, 'national.topo.json');
  });

  it('writes every file with a gzip sibling, listed in the manifest', () => {
    expect(r.status).toBe('built');
    const m = JSON.parse(readFileSync(join(geo, 'manifest.json'), 'utf8'));
    expect(Object.keys(m.files).sort()).toEqual(['national.topo.json', 'provinces/01.topo.json', 'provinces/02.topo.json']);
    for (const rel of Object.keys(m.files)) {
      expect(gunzipSync(readFileSync(join(geo, `${rel}.gz`))).equals(readFileSync(join(geo, rel)))).toBe(true);
      expect(readFileSync(join(geo, rel)).length).toBe(m.files[rel].bytes);
    }
    expect(m.counts).toEqual({ communes: 8, provinces: 2 });
    expect(m.provinces['01']).toEqual({ name: 'Thử Một', bbox: [105, 16.5, 112.301, 21.2], communes: 4 });
    expect(m.bbox).toEqual([105, 9.6, 114.401, 21.2]);
    expect(m.version).toBe(1);
    expect(m.inputsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('national: the five objects with exactly the contract properties', () => {
    expect(Object.keys(national.objects).sort()).toEqual(['communes', 'island_labels', 'outline', 'province_labels', 'provinces']);
    expect(national.transform).toBeDefined();
    const c = features(national, 'communes');
    expect(c.map((f) => f.id).sort()).toEqual(['00001', '00002', '00003', '00004', '00005', '00006', '20333', '22736']);
    // Typed by the official list 1027/CTK-CSCL (Xã), not the later list's Phường (documented in the code changes).
    expect(c.find((f) => f.id === '00005')!.properties).toEqual({ code: '00005', name: 'Năm', type: 'Xã', province_code: '02' });
    expect(features(national, 'provinces').map((f) => [f.id, f.properties])).toEqual([
      ['01', { code: '01', name: 'Thử Một' }],
      ['02', { code: '02', name: 'Thử Hai' }],
    ]);
    expect(features(national, 'outline')).toHaveLength(1);
    expect(features(national, 'island_labels').map((f) => f.properties)).toEqual([{ name: 'Quần đảo Hoàng Sa' }, { name: 'Quần đảo Trường Sa' }]);
  });

  it('dissolves provinces and outline from the commune arcs, filling the micro-gap', () => {
    expect(foreignArcs(national, 'provinces')).toEqual([]);
    expect(foreignArcs(national, 'outline')).toEqual([]);
    // the two provinces share their border
    const provinceUse = arcUse(national, 'provinces');
    expect([...provinceUse.values()].filter((n) => n === 2).length).toBeGreaterThan(0);
    // no holes: the 10 m gap between 00003 and 00005 was filled
    for (const f of [...features(national, 'provinces'), ...features(national, 'outline')]) {
      for (const p of polys(f.geometry as Polygon | MultiPolygon)) expect(p).toHaveLength(1);
    }
    // outline: mainland + 2 + 3 island polygons
    expect(polys(features(national, 'outline')[0].geometry as MultiPolygon)).toHaveLength(6);
  });

  it('keeps the tiny islands through simplification', () => {
    const g = geometriesOf(national, 'communes');
    expect((g.find((x) => x.id === '20333')!.arcs as unknown[]).length).toBe(2);
    expect((g.find((x) => x.id === '22736')!.arcs as unknown[]).length).toBe(3);
    expect(r.islandParts).toEqual({ '20333': { source: 2, national: 2, province: 2 }, '22736': { source: 3, national: 3, province: 3 } });
  });

  it('puts province labels inside their province and island labels at the archipelagos', () => {
    const provinces = features(national, 'provinces');
    for (const l of features(national, 'province_labels')) {
      const p = provinces.find((f) => f.id === l.id)!;
      expect(l.properties).toEqual(p.properties);
      expect(booleanPointInPolygon((l.geometry as Point).coordinates, p.geometry as MultiPolygon)).toBe(true);
    }
    const [hs, ts] = features(national, 'island_labels').map((f) => (f.geometry as Point).coordinates);
    expect(hs[0]).toBeCloseTo(112.1505, 3);
    expect(hs[1]).toBeCloseTo(16.6505, 3);
    expect(ts[0]).toBeCloseTo(114.1005, 3);
    expect(ts[1]).toBeCloseTo(9.95075, 3);
  });

  it('province files: their communes and the dissolved province, borders shared', () => {
    for (const code of ['01', '02']) {
      const t = read(geo, `provinces/${code}.topo.json`);
      expect(Object.keys(t.objects).sort()).toEqual(['communes', 'province']);
      const c = features(t, 'communes');
      expect(c).toHaveLength(4);
      expect(c.every((f) => f.properties!.province_code === code && /^\d{5}$/.test(String(f.id)))).toBe(true);
      expect(Object.keys(c[0].properties!)).toEqual(['code', 'name', 'type', 'province_code']);
      expect(features(t, 'province').map((f) => [f.id, f.properties])).toEqual([[code, { code, name: code === '01' ? 'Thử Một' : 'Thử Hai' }]]);
      expect(foreignArcs(t, 'province')).toEqual([]);
      // neighbouring communes share arcs
      expect([...arcUse(t, 'communes').values()].some((n) => n === 2)).toBe(true);
    }
  });

  it('skips an up-to-date build, rebuilds with force or changed inputs', async () => {
    const again = await buildData({ sourceDir: src, buildDir: out, sourcesManifest: null });
    expect(again.status).toBe('up-to-date');
    expect(again.manifest.builtAt).toBe(r.manifest.builtAt);
    const forced = await buildData({ sourceDir: src, buildDir: out, sourcesManifest: null, force: true });
    expect(forced).toMatchObject({ status: 'built', reason: 'forced' });
    writeFileSync(join(src, 'units/2025/provinces.csv'), readFileSync(join(src, 'units/2025/provinces.csv'), 'utf8').replace('Thử Hai', 'Thử Hai Mới'));
    const changed = await buildData({ sourceDir: src, buildDir: out, sourcesManifest: null });
    expect(changed).toMatchObject({ status: 'built', reason: 'inputs, settings or pipeline code changed' });
    expect(changed.manifest.provinces['02'].name).toBe('Thử Hai Mới');
    rmSync(join(geo, 'provinces/01.topo.json.gz'));
    expect(await buildData({ sourceDir: src, buildDir: out, sourcesManifest: null })).toMatchObject({ status: 'built', reason: expect.stringMatching(/missing/) });
  });

  it('warns (without failing) when the source dir differs from the sources manifest', async () => {
    const sources = join(out, 'sources.json');
    writeFileSync(sources, JSON.stringify({ files: [{ path: 'units/2025/communes.csv', bytes: 1, sha256: '0'.repeat(64) }, { path: 'gone.csv', bytes: 1, sha256: '0'.repeat(64) }] }));
    const lines: string[] = [];
    const w = await buildData({ sourceDir: src, buildDir: out, sourcesManifest: sources, log: (l) => lines.push(l) });
    expect(w.warnings).toEqual([
      `WARNING: the source directory ${src} differs from ${sources} (other data may be in use):`,
      'WARNING:   changed: units/2025/communes.csv',
      'WARNING:   missing: gone.csv',
      'WARNING:   not listed: boundaries/2025/communes.topo.json.gz',
      'WARNING:   not listed: crosswalk/code_changes_after_2025-07-01.csv',
      'WARNING:   not listed: units/2025/provinces.csv',
    ]);
    expect(lines.slice(0, 6)).toEqual(w.warnings);
  });

  it('fails loudly on a commune missing from the official list, and writes no manifest', async () => {
    const bad = makeSourceDir((f) => (f.communesCsv = dropCsvRow(f.communesCsv, '00005')));
    const dir = mkdtempSync(join(tmpdir(), 'antq-build-'));
    const err = await buildData({ sourceDir: bad, buildDir: dir, sourcesManifest: null }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(/boundaries\/2025\/communes\.topo\.json\.gz vs units\/2025\/communes\.csv/);
    expect((err as Error).message).toMatch(/code 00005 is not in the official list/);
    expect(existsSync(join(dir, 'geo/manifest.json'))).toBe(false);
  });

  it('fails on a missing input file', async () => {
    const bad = makeSourceDir();
    rmSync(join(bad, 'units/2025/provinces.csv'));
    await expect(buildData({ sourceDir: bad, buildDir: out, sourcesManifest: null })).rejects.toThrow(/Missing input .*provinces\.csv/);
  });
});
