import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { Hono } from 'hono';
import { missingGeo, skipUnlessCi } from '../../test/support/prerequisites.js';
import { describe, expect, it } from 'vitest';
import { paths } from '../config.js';
import { ApiError } from '../services/errors.js';
import { boundariesRoutes } from './boundaries.js';

const geoDir = join(paths().buildDir, 'geo');
const skip = skipUnlessCi('the boundary tile tests', missingGeo());

describe.skipIf(skip)('vector tiles of the national layer', () => {
  // As the app mounts them: an ApiError answers with its status.
  const routes = new Hono().route('/', boundariesRoutes(geoDir)).onError((e, c) => c.text(e.message, e instanceof ApiError ? e.status : 500));
  const get = (path: string, headers: Record<string, string> = {}) => routes.request(path, { headers });

  it('serves a tile over the North gzipped, with the communes, their codes, and an ETag for 304s', async () => {
    const info = (await (await get('/')).json()) as { layers: { tiles: { url: string; sets: string[]; maxzoom: number } } };
    expect(info.layers.tiles).toEqual({ url: '/api/boundaries/tiles/{set}/{z}/{x}/{y}.pbf', sets: ['communes', 'provinces'], maxzoom: 10 });
    const res = await get('/tiles/communes/5/25/14.pbf', { 'Accept-Encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/x-protobuf');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    const tile = new VectorTile(new PbfReader(gunzipSync(new Uint8Array(await res.arrayBuffer()))));
    const communes = tile.layers.communes;
    const codes = new Set(Array.from({ length: communes.length }, (_, i) => communes.feature(i).properties.code));
    expect(codes.size).toBeGreaterThan(1000);
    expect(codes.has('00004')).toBe(true); // Phường Ba Đình, Hà Nội
    expect(tile.layers.province_borders.length).toBeGreaterThan(0);
    const etag = res.headers.get('ETag')!;
    expect((await get('/tiles/communes/5/25/14.pbf', { 'If-None-Match': etag })).status).toBe(304);
    // Without gzip accepted: the same tile, plain.
    const plain = await get('/tiles/communes/5/25/14.pbf');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(new VectorTile(new PbfReader(new Uint8Array(await plain.arrayBuffer()))).layers.communes.length).toBe(communes.length);
  });

  it("sends with the manifest what the first map needs of the national layer (codes in layer order, labels), compressed, with an ETag for 304s", async () => {
    const res = await get('/', { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    const info = JSON.parse(brotliDecompressSync(new Uint8Array(await res.arrayBuffer())).toString('utf8')) as {
      counts: { communes: number; provinces: number };
      codes: { communes: string[]; provinces: string[] };
      provinceLabels: { features: { properties: { code: string; name: string }; geometry: { type: string } }[] };
      islandLabels: { features: { properties: { name: string } }[] };
    };
    expect(info.codes.communes).toHaveLength(info.counts.communes);
    expect(new Set(info.codes.communes).size).toBe(info.counts.communes);
    expect(info.codes.communes).toContain('00004'); // Phường Ba Đình, Hà Nội
    expect(info.codes.provinces).toHaveLength(info.counts.provinces);
    expect(info.provinceLabels.features).toHaveLength(info.counts.provinces);
    expect(info.provinceLabels.features.find((f) => f.properties.code === '01')?.properties.name).toBe('Hà Nội');
    expect(info.provinceLabels.features.every((f) => f.geometry.type === 'Point')).toBe(true);
    expect(info.islandLabels.features.map((f) => f.properties.name)).toEqual(expect.arrayContaining(['Quần đảo Hoàng Sa', 'Quần đảo Trường Sa']));
    expect((await get('/', { 'If-None-Match': res.headers.get('ETag')! })).status).toBe(304);
  });

  it('answers 204 for open sea and 404 for what is not a tile', async () => {
    expect((await get('/tiles/communes/5/0/0.pbf')).status).toBe(204);
    expect((await get('/tiles/provinces/11/1630/900.pbf')).status).toBe(204);
    for (const path of ['/tiles/rivers/5/25/14.pbf', '/tiles/communes/5/25/14.png', '/tiles/communes/x/25/14.pbf']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});
