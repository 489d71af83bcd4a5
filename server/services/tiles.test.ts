import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { BoundaryTiles, TILE_MAX_ZOOM } from './tiles.js';

// Two communes side by side (105–106°E and 106–107°E, 20–21°N), each its own province, sharing one arc.
const topo = {
  type: 'Topology',
  arcs: [
    [[106, 20], [106, 21]],
    [[106, 21], [105, 21], [105, 20], [106, 20]],
    [[106, 20], [107, 20], [107, 21], [106, 21]],
  ],
  objects: {
    communes: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { code: '00001', name: 'Xã A', type: 'Xã', province_code: '01' } },
        { type: 'Polygon', arcs: [[2, -1]], properties: { code: '00002', name: 'Phường B', type: 'Phường', province_code: '02' } },
      ],
    },
    provinces: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { code: '01', name: 'Tỉnh A' } },
        { type: 'Polygon', arcs: [[2, -1]], properties: { code: '02', name: 'Tỉnh B' } },
      ],
    },
    outline: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[1, 2]] }] },
  },
} as unknown as Topology;

/** The tile (x, y) holding a point at zoom z (Web Mercator). */
function tileAt(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

const decode = (gz: Uint8Array) => new VectorTile(new PbfReader(gunzipSync(gz)));
const features = (t: VectorTile, layer: string) => {
  const l = t.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
};

describe('BoundaryTiles', () => {
  const tiles = new BoundaryTiles(topo);

  it('cuts the communes tileset: commune polygons with their codes, interior province borders, the outline', async () => {
    const [x, y] = tileAt(106, 20.5, 4);
    const t = decode((await tiles.tile('communes', 4, x, y))!);
    expect(Object.keys(t.layers).sort()).toEqual(['communes', 'outline', 'province_borders']);
    const communes = features(t, 'communes');
    expect(communes.map((f) => f.properties.code).sort()).toEqual(['00001', '00002']);
    expect(communes.find((f) => f.properties.code === '00002')!.properties).toMatchObject({ name: 'Phường B', type: 'Phường', province_code: '02' });
    expect(communes.every((f) => f.type === 3)).toBe(true);
    // The shared border only, once, as a line.
    const borders = features(t, 'province_borders');
    expect(borders).toHaveLength(1);
    expect(borders[0].type).toBe(2);
    expect(features(t, 'outline')).toHaveLength(1);
  });

  it('keeps the provinces in a tileset of their own', async () => {
    const [x, y] = tileAt(106, 20.5, 6);
    const t = decode((await tiles.tile('provinces', 6, x, y))!);
    expect(Object.keys(t.layers)).toEqual(['provinces']);
    expect(features(t, 'provinces').map((f) => f.properties.code).sort()).toEqual(['01', '02']);
  });

  it('answers null for open sea and for tiles outside the zoom range, and cuts each tile once', async () => {
    const [sx, sy] = tileAt(-30, 0, 4);
    expect(await tiles.tile('communes', 4, sx, sy)).toBeNull();
    expect(await tiles.tile('communes', TILE_MAX_ZOOM + 1, 0, 0)).toBeNull();
    expect(await tiles.tile('communes', 2, 4, 0)).toBeNull();
    const [x, y] = tileAt(106, 20.5, 8);
    expect(tiles.tile('communes', 8, x, y)).toBe(tiles.tile('communes', 8, x, y));
  });

  it('refuses a topology without the layers it needs', () => {
    expect(() => new BoundaryTiles({ ...topo, objects: { communes: topo.objects.communes } })).toThrow(/provinces/);
  });
});
