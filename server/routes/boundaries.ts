import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import type { Topology } from 'topojson-specification';
import { nationalIndex } from '../../shared/lib/topo.js';
import { EncodedBody, respond } from '../lib/encodedBody.js';
import { notFound } from '../services/errors.js';
import { BoundaryTiles, TILE_MAX_ZOOM, isTileset } from '../services/tiles.js';

/** The pipeline's manifest (build/geo/manifest.json), as far as the server needs it. */
export interface GeoManifest {
  version: number | string;
  builtAt: string;
  counts: { communes: number; provinces: number };
  bbox: [number, number, number, number];
  provinces: Record<string, { name: string; bbox: [number, number, number, number]; communes: number }>;
  files: Record<string, { bytes: number; gzipBytes: number; sha256: string }>;
}

export function readGeoManifest(geoDir: string): GeoManifest {
  const file = join(geoDir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`Chưa có dữ liệu bản đồ: thiếu ${file}. Chạy "npm run data" trước.`);
  return JSON.parse(readFileSync(file, 'utf8')) as GeoManifest;
}

/**
 * Requests that prepare the first page's boundary answers: a tile that exists whatever the data (it builds the tile
 * index, about a second) and the manifest as a browser asks for it (its codes and labels, compressed once).
 */
export const WARM_REQUESTS: readonly [string, RequestInit][] = [
  ['/api/boundaries/tiles/communes/0/0/0.pbf', {}],
  ['/api/boundaries', { headers: { 'Accept-Encoding': 'br, gzip' } }],
];

interface Asset {
  gz: Buffer;
  etag: string;
}

/**
 * Serves the pipeline's precompressed TopoJSON: gzip as is to clients that accept it,
 * with a strong ETag so that a reload costs a 304, not the geometry again.
 */
export function boundariesRoutes(geoDir: string) {
  const manifest = readGeoManifest(geoDir);
  const assets = new Map<string, Asset>();
  const asset = (rel: string): Asset => {
    let a = assets.get(rel);
    if (!a) {
      const info = manifest.files[rel];
      if (!info) throw notFound(`Không có lớp ranh giới ${rel}`);
      const gz = readFileSync(join(geoDir, `${rel}.gz`));
      a = { gz, etag: `"${info.sha256.slice(0, 32)}"` };
      assets.set(rel, a);
    }
    return a;
  };
  const send = (c: Context, rel: string) => {
    const a = asset(rel);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      ETag: a.etag,
      'Cache-Control': 'public, max-age=3600, must-revalidate',
      Vary: 'Accept-Encoding',
    };
    if (c.req.header('If-None-Match') === a.etag) return c.body(null, 304, headers);
    if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
      return c.body(new Uint8Array(a.gz), 200, { ...headers, 'Content-Encoding': 'gzip' });
    }
    return c.body(new Uint8Array(gunzipSync(a.gz)), 200, headers);
  };
  // Parsed for each use below (each once per process) rather than kept: the parsed layer holds ~20 MB of heap.
  const national = () => JSON.parse(gunzipSync(asset('national.topo.json').gz).toString('utf8')) as Topology;
  // Cut from the national layer on first use (about a second), then from memory.
  let tiles: BoundaryTiles | null = null;
  const tileset = () => (tiles ??= new BoundaryTiles(national()));
  // The manifest, with what the first map needs of the national layer (codes and labels, ~6 KB compressed) so that
  // it opens without the 2.4 MB of polygons (the page asks for those once the map is coloured); compressed once.
  const manifestBody = () =>
    new EncodedBody({
      builtAt: manifest.builtAt,
      counts: manifest.counts,
      bbox: manifest.bbox,
      provinces: manifest.provinces,
      ...nationalIndex(national()),
      layers: {
        national: { url: '/api/boundaries/national.topo.json', ...manifest.files['national.topo.json'] },
        province: { url: '/api/boundaries/provinces/{code}.topo.json' },
        tiles: { url: '/api/boundaries/tiles/{set}/{z}/{x}/{y}.pbf', sets: ['communes', 'provinces'], maxzoom: TILE_MAX_ZOOM },
      },
    });
  let info: ReturnType<typeof manifestBody> | null = null;
  const tileEtag = (path: string) => `"${createHash('sha256').update(manifest.files['national.topo.json'].sha256 + path).digest('hex').slice(0, 32)}"`;

  return new Hono()
    .get('/', (c) => respond(c, (info ??= manifestBody()), 'public, max-age=60, must-revalidate'))
    .get('/national.topo.json', (c) => send(c, 'national.topo.json'))
    .get('/tiles/:set/:z/:x/:file', async (c) => {
      const { set, z, x, file } = c.req.param();
      const y = /^(\d+)\.pbf$/.exec(file)?.[1];
      if (!isTileset(set) || !/^\d+$/.test(z) || !/^\d+$/.test(x) || y === undefined) throw notFound(`Không có ô bản đồ ${c.req.path}`);
      const headers: Record<string, string> = { ETag: tileEtag(c.req.path), 'Cache-Control': 'public, max-age=3600, must-revalidate', Vary: 'Accept-Encoding' };
      if (c.req.header('If-None-Match') === headers.ETag) return c.body(null, 304, headers);
      const gz = await tileset().tile(set, Number(z), Number(x), Number(y));
      // An empty tile (open sea) is a normal answer for a tile source: no content, nothing to draw.
      if (!gz) return c.body(null, 204, headers);
      headers['Content-Type'] = 'application/x-protobuf';
      if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) return c.body(gz as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Encoding': 'gzip' });
      return c.body(new Uint8Array(gunzipSync(gz)), 200, headers);
    })
    .get('/provinces/:file', (c) => {
      const m = /^(\d{2})\.topo\.json$/.exec(c.req.param('file'));
      if (!m || !manifest.provinces[m[1]]) throw notFound(`Không có lớp ranh giới tỉnh ${c.req.param('file')}`, 'province');
      return send(c, `provinces/${m[1]}.topo.json`);
    });
}
