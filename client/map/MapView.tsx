import { useEffect, useRef } from 'react';
import { Map as MapLibreMap, setWorkerUrl, type MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Status } from '../../server/domain/types.js';
import type { CommuneProps, NationalGeo } from '../lib/topo.js';
import { LAYERS, baseStyle, boundaryLayers, hatchImage } from './style.js';

setWorkerUrl(workerUrl);

export interface HoverInfo {
  props: CommuneProps;
  x: number;
  y: number;
}

interface Props {
  geo: NationalGeo;
  bbox: [number, number, number, number];
  /** Status of every commune for the chosen year; a commune missing from the map has no data. */
  statuses: Map<string, Status | null> | null;
  selected: string | null;
  onHover: (h: HoverInfo | null) => void;
  onSelect: (code: string | null) => void;
}

declare global {
  interface Window {
    /** For end-to-end tests and the browser console. */
    antqMap?: MapLibreMap;
  }
}

/** The MapLibre map: geometry is added once; colours change only through feature-state. */
export function MapView({ geo, bbox, statuses, selected, onHover, onSelect }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  // Work that waits for the style and sources: run at once when they are there.
  const loaded = useRef(false);
  const pending = useRef<(() => void)[]>([]);
  const whenLoaded = (fn: () => void) => (loaded.current ? fn() : pending.current.push(fn));
  const handlers = useRef({ onHover, onSelect });
  handlers.current = { onHover, onSelect };

  useEffect(() => {
    const map = new MapLibreMap({
      container: container.current!,
      style: baseStyle(),
      bounds: bbox,
      fitBoundsOptions: { padding: 20 },
      attributionControl: false,
      // Keeps the last frame readable for screenshots and image exports.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      dragRotate: false,
      maxZoom: 14,
      minZoom: 3,
    });
    mapRef.current = map;
    window.antqMap = map;
    map.touchZoomRotate.disableRotation();
    map.on('load', () => {
      map.addImage('hatch', hatchImage(), { pixelRatio: 2 });
      map.addSource('communes', { type: 'geojson', data: geo.communes, promoteId: 'code' });
      map.addSource('commune-borders', { type: 'geojson', data: geo.communeBorders });
      map.addSource('province-borders', { type: 'geojson', data: geo.provinceBorders });
      map.addSource('outline', { type: 'geojson', data: geo.outline });
      map.addSource('province-labels', { type: 'geojson', data: geo.provinceLabels });
      map.addSource('island-labels', { type: 'geojson', data: geo.islandLabels });
      for (const layer of boundaryLayers()) map.addLayer(layer);
      loaded.current = true;
      for (const fn of pending.current.splice(0)) fn();
    });

    let hovered: string | null = null;
    const setHover = (f: MapGeoJSONFeature | null, x = 0, y = 0) => {
      const code = (f?.properties.code as string | undefined) ?? null;
      if (hovered !== code) {
        if (hovered) map.setFeatureState({ source: 'communes', id: hovered }, { hover: false });
        if (code) map.setFeatureState({ source: 'communes', id: code }, { hover: true });
        hovered = code;
      }
      map.getCanvas().style.cursor = code ? 'pointer' : '';
      handlers.current.onHover(f ? { props: f.properties as CommuneProps, x, y } : null);
    };
    map.on('mousemove', LAYERS.fill, (e) => setHover(e.features?.[0] ?? null, e.point.x, e.point.y));
    map.on('mouseleave', LAYERS.fill, () => setHover(null));
    map.on('click', (e) => {
      const f = map.queryRenderedFeatures(e.point, { layers: [LAYERS.fill] })[0];
      handlers.current.onSelect((f?.properties.code as string | undefined) ?? null);
    });
    return () => {
      loaded.current = false;
      map.remove();
      mapRef.current = null;
    };
  }, [geo, bbox]);

  // Recolour: one feature-state write per commune, no geometry sent again.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !statuses) return;
    const apply = () => {
      container.current?.setAttribute('data-map-ready', 'false');
      for (const f of geo.communes.features) {
        map.setFeatureState({ source: 'communes', id: f.properties.code }, { status: statuses.get(f.properties.code) ?? null });
      }
      map.once('idle', () => container.current?.setAttribute('data-map-ready', 'true'));
      map.triggerRepaint();
    };
    whenLoaded(apply);
  }, [statuses, geo]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !selected) return;
    const apply = () => map.setFeatureState({ source: 'communes', id: selected }, { selected: true });
    whenLoaded(apply);
    return () => {
      if (mapRef.current && loaded.current) mapRef.current.setFeatureState({ source: 'communes', id: selected }, { selected: false });
    };
  }, [selected]);

  return <div ref={container} className="map" data-map-ready="false" aria-label="Bản đồ các xã, phường" />;
}
