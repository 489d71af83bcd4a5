import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const gz = promisify(gzip);

/**
 * The vector tilesets cut from the national layer, and the source layers in each. The province polygons
 * are a tileset of their own: the map loads them only while the province level is shown.
 */
const TILESETS = {
  communes: ['communes', 'province_borders', 'outline'],
  provinces: ['provinces'],
} as const;
export type Tileset = keyof typeof TILESETS;

/** Zoom levels cut; MapLibre over-zooms the last one (the national layer is simplified at 100 m anyway). */
export const TILE_MAX_ZOOM = 10;
/** Bounds the cache: the whole country down to TILE_MAX_ZOOM is far more tiles than anyone looks at. */
const CACHE_LIMIT = 4000;

export const isTileset = (s: string): s is Tileset => Object.hasOwn(TILESETS, s);

/**
 * Mapbox Vector Tiles of the national layer, cut on the server (geojson-vt, as MapLibre's worker would cut
 * GeoJSON) so that the browser only decodes and draws the few tiles in view. Each tile is cut and gzipped
 * once, then served from memory.
 */
export class BoundaryTiles {
  private readonly indexes: Record<string, GeoJSONVT>;
  private readonly cache = new Map<string, Promise<Uint8Array | null>>();

  constructor(topo: Topology) {
    const o = topo.objects as Record<string, GeometryCollection>;
    for (const name of ['communes', 'provinces', 'outline']) {
      if (!o[name]) throw new Error(`Lớp ranh giới thiếu đối tượng "${name}"`);
    }
    const options = { maxZoom: TILE_MAX_ZOOM, indexMaxZoom: 5, promoteId: null };
    const interior = (a: unknown, b: unknown) => a !== b;
    this.indexes = {
      communes: new GeoJSONVT(feature(topo, o.communes), options),
      provinces: new GeoJSONVT(feature(topo, o.provinces), options),
      // Interior province borders as lines, each drawn once (a polygon outline would draw every border twice).
      province_borders: new GeoJSONVT({ type: 'Feature', properties: {}, geometry: mesh(topo, o.provinces, interior) }, options),
      outline: new GeoJSONVT(feature(topo, o.outline), options),
    };
  }

  /** The gzipped tile, or null when it is outside the zoom range or holds nothing. */
  tile(set: Tileset, z: number, x: number, y: number): Promise<Uint8Array | null> {
    if (!(z >= 0 && z <= TILE_MAX_ZOOM && x >= 0 && y >= 0 && x < 2 ** z && y < 2 ** z)) return Promise.resolve(null);
    const key = `${set}/${z}/${x}/${y}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.cut(set, z, x, y);
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, p);
    }
    return p;
  }

  private async cut(set: Tileset, z: number, x: number, y: number): Promise<Uint8Array | null> {
    const layers: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
    for (const name of TILESETS[set]) {
      const t = this.indexes[name].getTile(z, x, y);
      if (t && t.features.length) layers[name] = t;
    }
    if (!Object.keys(layers).length) return null;
    return new Uint8Array(await gz(fromGeojsonVt(layers, { version: 2, extent: 4096 })));
  }
}
