import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { decodeNational, decodeProvince, type NationalGeo } from '../../shared/lib/topo.js';
import { ARCHIPELAGO_CODES } from '../../shared/export/inset.js';
import { bboxOfGeometry, type BBox } from '../../shared/lib/bbox.js';

export type Geometry = GeoJSON.Polygon | GeoJSON.MultiPolygon;
export interface Archipelago {
  code: string;
  provinceCode: string;
  geometry: Geometry;
  bbox: BBox;
}

/** The pipeline's boundary layers (build/geo), decoded once per process: the national layer and each province's. */
export class GeoLayers {
  private national: Promise<NationalGeo> | null = null;
  private provinces = new Map<string, Promise<NationalGeo['communes']>>();

  constructor(private readonly geoDir: string) {}

  nationalGeo(): Promise<NationalGeo> {
    return (this.national ??= readFile(join(this.geoDir, 'national.topo.json'), 'utf8').then((s) => decodeNational(JSON.parse(s) as Topology)));
  }

  /** A province's communes at the finer (10 m) simplification. */
  province(code: string): Promise<NationalGeo['communes']> {
    if (!/^\d{2}$/.test(code)) throw new Error(`bad province code ${code}`);
    let p = this.provinces.get(code);
    if (!p) this.provinces.set(code, (p = readFile(join(this.geoDir, 'provinces', `${code}.topo.json`), 'utf8').then((s) => decodeProvince(JSON.parse(s) as Topology))));
    return p;
  }

  /** Hoàng Sa and Trường Sa: on every map, in an inset when the view leaves them out. */
  async archipelagos(): Promise<Archipelago[]> {
    const geo = await this.nationalGeo();
    return ARCHIPELAGO_CODES.flatMap((code) => {
      const f = geo.communes.features.find((c) => c.properties.code === code);
      return f ? [{ code, provinceCode: f.properties.province_code, geometry: f.geometry, bbox: bboxOfGeometry(f.geometry) }] : [];
    });
  }
}
