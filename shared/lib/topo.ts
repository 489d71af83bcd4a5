import { feature } from 'topojson-client';
import type { FeatureCollection, Point, Polygon, MultiPolygon } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';

export interface CommuneProps {
  code: string;
  name: string;
  type: string;
  province_code: string;
}

/**
 * What the first map needs of the national layer: each unit's code in layer order and the labels' points. The
 * server sends it with the boundary manifest (/api/boundaries), so that the map opens without the layer's polygons.
 */
export interface NationalIndex {
  /** The communes' and provinces' codes in layer order, read without decoding any geometry. */
  codes: { communes: string[]; provinces: string[] };
  provinceLabels: FeatureCollection<Point, { code: string; name: string }>;
  islandLabels: FeatureCollection<Point, { name: string }>;
}

/**
 * The national layer: the units' geometry for outlines, fly-to, overlays and exports (the map's fills and borders
 * come as vector tiles). The polygons are decoded on first use.
 */
export interface NationalGeo extends NationalIndex {
  communes: FeatureCollection<Polygon | MultiPolygon, CommuneProps>;
  provinces: FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;
  outline: FeatureCollection<Polygon | MultiPolygon>;
}

type Objects = 'communes' | 'provinces' | 'outline' | 'province_labels' | 'island_labels';

function objects(topo: Topology): Record<Objects, GeometryCollection> {
  const o = topo.objects as Record<Objects, GeometryCollection>;
  for (const name of ['communes', 'provinces', 'outline', 'province_labels', 'island_labels'] as const) {
    if (!o[name]) throw new Error(`Lớp ranh giới thiếu đối tượng "${name}"`);
  }
  return o;
}

/** The codes and labels of the pipeline's national TopoJSON. */
export function nationalIndex(topo: Topology): NationalIndex {
  const o = objects(topo);
  const codes = (c: GeometryCollection) => c.geometries.map((g) => (g.properties as { code: string }).code);
  return {
    codes: { communes: codes(o.communes), provinces: codes(o.provinces) },
    provinceLabels: feature(topo, o.province_labels) as unknown as NationalIndex['provinceLabels'],
    islandLabels: feature(topo, o.island_labels) as unknown as NationalIndex['islandLabels'],
  };
}

/** Decodes the pipeline's national TopoJSON. */
export function decodeNational(topo: Topology): NationalGeo {
  const o = objects(topo);
  const communes = once(() => feature(topo, o.communes) as unknown as NationalGeo['communes']);
  const provinces = once(() => feature(topo, o.provinces) as unknown as NationalGeo['provinces']);
  const outline = once(() => feature(topo, o.outline) as unknown as NationalGeo['outline']);
  return {
    ...nationalIndex(topo),
    get communes() {
      return communes();
    },
    get provinces() {
      return provinces();
    },
    get outline() {
      return outline();
    },
  };
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** A province layer (finer geometry for drill-down): its communes. */
export function decodeProvince(topo: Topology): NationalGeo['communes'] {
  const o = topo.objects as Record<string, GeometryCollection>;
  if (!o.communes) throw new Error('Lớp ranh giới tỉnh thiếu đối tượng "communes"');
  return feature(topo, o.communes) as unknown as NationalGeo['communes'];
}
