import { useEffect, useEffectEvent, useLayoutEffect, useRef } from 'react';
import { Map as MapLibreMap, prewarm, setWorkerUrl, type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
import { bboxOfGeometry } from '../../shared/lib/bbox.js';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { CommuneProps, NationalGeo } from '../../shared/lib/topo.js';
import type { MapLevel, ViewState } from '../../shared/domain/view.js';
import { FILL_SOURCES, HIGHLIGHT_SOURCE, LAND_LAYER, baseStyle, boundaryLayers, featureTarget, fillLayer, hatchImage, hatchLayer, presentPaint, sourceLayers, vectorSource, type FillSource, type HighlightKind } from './style.js';

setWorkerUrl(workerUrl);
// The worker starts loading now, while the page fetches its data, rather than when the first map is made.
prewarm();

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface HoverInfo {
  kind: 'commune' | 'province';
  code: string;
  name: string;
  type: string | null;
  provinceCode: string;
  x: number;
  y: number;
}

export interface Drilldown {
  code: string;
  bbox: [number, number, number, number];
  communes: NationalGeo['communes'];
}

/** Maps shown side by side move together. */
export interface MapSync {
  maps: Set<MapLibreMap>;
  busy: boolean;
}

interface Props {
  /** Tells maps apart in tests and in the side-by-side comparison. */
  name: string;
  geo: NationalGeo;
  bbox: [number, number, number, number];
  level: MapLevel;
  drilldown: Drilldown | null;
  /** Colour of each unit of the shown level by code; a unit missing has no data. */
  fills: Map<string, string> | null;
  /** True while the figures for the chosen view are still loading (the old colours are stale). */
  stale?: boolean;
  selected: string | null;
  /** A commune to fly to (a search result); `at` makes choosing the same one again fly again. */
  focus?: { code: string; at: number } | null;
  /** Communes to outline (e.g. a search result or a worklist row). */
  marked?: string[];
  initialCamera: ViewState['at'];
  /** The province drilled into when the map is made (its communes may arrive after it); read once, as initialCamera. */
  initialProvince?: string | null;
  /**
   * A position asked for by the view (a deck's slide): the map goes there whenever `key` changes (fits
   * the country or province when `at` is null), and later fits for a drill-down or presentation keep to it.
   */
  camera?: { at: ViewState['at']; key: string } | null;
  sync?: MapSync;
  onHover: (h: HoverInfo | null) => void;
  onSelect: (kind: 'commune' | 'province', code: string | null) => void;
  onMove?: (at: NonNullable<ViewState['at']>) => void;
  /** Presentation mode: opaque fills and thicker borders for a projector. */
  present?: boolean;
  /** When the map is ready for outside use (tests, exports). */
  onMap?: (map: MapLibreMap | null) => void;
  /** Each time the map has drawn the colours it was given (data-map-ready="true"). */
  onReady?: () => void;
  /** What the map shows, in words: the map region's name for a screen reader. */
  label?: string;
}

declare global {
  interface Window {
    /** For end-to-end tests and the browser console: the main map, and every map by name. */
    antqMap?: MapLibreMap;
    antqMaps?: Record<string, MapLibreMap>;
  }
}

/** Which fill source is coloured for a level and a drill-down. */
function activeSource(level: MapLevel, drilldown: Drilldown | null): FillSource {
  return drilldown ? 'detail' : level === 'province' ? 'provinces' : 'communes';
}

/** The MapLibre map: geometry is added once; colours change only through feature-state. */
export function MapView(props: Props) {
  const { name, geo, bbox, level, drilldown, fills, selected, marked, initialCamera, sync } = props;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef(false);
  const pending = useRef<(() => void)[]>([]);
  // Work that waits for the style and sources: run at once when they are there.
  const whenLoaded = (fn: () => void) => (loaded.current ? fn() : pending.current.push(fn));
  const latest = useRef(props);
  latest.current = props;
  const source = activeSource(level, drilldown);
  const outlined = useRef<{ selected: string | null; hover: string | null; marked: string[] }>({ selected: null, hover: null, marked: [] });
  // The outlined units' geometry: a drilled-in province's finer communes first, else the national layer.
  const drawOutlines = useEffectEvent(() => {
    const map = mapRef.current;
    if (!map || !loaded.current) return;
    const { selected: sel, hover, marked: mk } = outlined.current;
    const find = (code: string) =>
      code.length === 2
        ? geo.provinces.features.find((f) => f.properties.code === code)
        : (latest.current.drilldown?.communes.features.find((f) => f.properties.code === code) ?? geo.communes.features.find((f) => f.properties.code === code));
    const wanted: [string, HighlightKind][] = [...mk.map((c): [string, HighlightKind] => [c, 'marked']), ...(hover ? [[hover, 'hover'] as [string, HighlightKind]] : []), ...(sel ? [[sel, 'selected'] as [string, HighlightKind]] : [])];
    const features = wanted.flatMap(([code, kind]) => {
      const f = find(code);
      return f ? [{ type: 'Feature' as const, geometry: f.geometry, properties: { kind } }] : [];
    });
    void map.getSource<GeoJSONSource>(HIGHLIGHT_SOURCE)?.setData({ type: 'FeatureCollection', features });
  });
  const applied = useRef<{ source: FillSource | null; units: unknown; fills: Map<string, string | null> }>({ source: null, units: null, fills: new Map() });

  useEffect(() => {
    const opening = latest.current.initialCamera;
    const map = new MapLibreMap({
      container: container.current!,
      style: baseStyle(),
      ...(opening
        ? { center: [opening.lng, opening.lat] as [number, number], zoom: opening.zoom }
        : { bounds: bbox, fitBoundsOptions: { padding: 20 } }),
      attributionControl: false,
      // Keeps the last frame readable for screenshots and image exports.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      dragRotate: false,
      // Labels appear at once: a fade-in (300 ms by default) would hold the map from being idle, i.e. ready.
      fadeDuration: 0,
      maxZoom: 14,
      minZoom: 3,
    });
    mapRef.current = map;
    applied.current = { source: null, units: null, fills: new Map() };
    window.antqMaps = { ...window.antqMaps, [name]: map };
    if (name === 'main') window.antqMap = map;
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    const canvas = map.getCanvas();
    canvas.setAttribute('aria-label', latest.current.label ?? 'Bản đồ');
    canvas.setAttribute('aria-roledescription', 'bản đồ');
    // The keyboard's map: the arrows and +/− move it (MapLibre); the unit under its centre is shown as a hover is,
    // and Enter opens it.
    const centre = () => {
      const { clientWidth: w, clientHeight: h } = canvas;
      const f = loaded.current ? (map.queryRenderedFeatures([w / 2, h / 2], { layers: fillLayers })[0] ?? null) : null;
      return { f, x: w / 2, y: h / 2 };
    };
    canvas.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      const { f } = centre();
      if (f) latest.current.onSelect(f.source === 'provinces' ? 'province' : 'commune', f.properties.code as string);
    });
    canvas.addEventListener('blur', () => setHover(null));
    map.on('load', () => {
      map.addImage('hatch', hatchImage(), { pixelRatio: 2 });
      // Vector tiles (borders and coast included); MapLibre loads the provinces' only while they are shown.
      map.addSource('communes', vectorSource('communes', bbox));
      map.addSource('provinces', vectorSource('provinces', bbox));
      map.addSource('detail', { type: 'geojson', data: EMPTY, promoteId: 'code' });
      map.addSource(HIGHLIGHT_SOURCE, { type: 'geojson', data: EMPTY });
      map.addSource('province-labels', { type: 'geojson', data: geo.provinceLabels });
      map.addSource('island-labels', { type: 'geojson', data: geo.islandLabels });
      for (const layer of boundaryLayers()) map.addLayer(layer);
      loaded.current = true;
      for (const fn of pending.current.splice(0)) fn();
      latest.current.onMap?.(map);
    });

    let hovered: { source: FillSource; code: string } | null = null;
    const setHover = (f: MapGeoJSONFeature | null, x = 0, y = 0) => {
      const code = (f?.properties.code as string | undefined) ?? null;
      const src = (f?.source as FillSource | undefined) ?? null;
      if (hovered?.code !== code || hovered?.source !== src) {
        if (hovered) map.setFeatureState(featureTarget(hovered.source, hovered.code), { hover: false });
        if (code && src) map.setFeatureState(featureTarget(src, code), { hover: true });
        hovered = code && src ? { source: src, code } : null;
        outlined.current.hover = code;
        drawOutlines();
      }
      map.getCanvas().style.cursor = code ? 'pointer' : '';
      if (!f || !code) return latest.current.onHover(null);
      const p = f.properties as Partial<CommuneProps> & { code: string; name: string };
      const isProvince = src === 'provinces';
      latest.current.onHover({
        kind: isProvince ? 'province' : 'commune',
        code,
        name: p.name,
        type: isProvince ? null : (p.type ?? null),
        provinceCode: isProvince ? code : (p.province_code ?? ''),
        x,
        y,
      });
    };
    const fillLayers = FILL_SOURCES.map(fillLayer);
    map.on('mousemove', (e) => {
      if (!loaded.current) return;
      const f = map.queryRenderedFeatures(e.point, { layers: fillLayers })[0] ?? null;
      setHover(f, e.point.x, e.point.y);
    });
    map.on('mouseout', () => setHover(null));
    map.on('click', (e) => {
      const f = map.queryRenderedFeatures(e.point, { layers: fillLayers })[0];
      if (!f) return latest.current.onSelect('commune', null);
      latest.current.onSelect(f.source === 'provinces' ? 'province' : 'commune', f.properties.code as string);
    });
    map.on('moveend', () => {
      if (document.activeElement === canvas) {
        const { f, x, y } = centre();
        setHover(f, x, y);
      }
      const c = map.getCenter();
      latest.current.onMove?.({ zoom: map.getZoom(), lat: c.lat, lng: c.lng });
    });
    return () => {
      loaded.current = false;
      latest.current.onMap?.(null);
      if (window.antqMaps) delete window.antqMaps[name];
      if (window.antqMap === map) delete window.antqMap;
      map.remove();
      mapRef.current = null;
    };
    // The map is made once per geometry; later prop changes go through the effects below.
  }, [geo, bbox, name]);

  // Side-by-side maps follow each other's camera.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !sync) return;
    sync.maps.add(map);
    const follow = () => {
      if (sync.busy) return;
      sync.busy = true;
      for (const other of sync.maps) if (other !== map) other.jumpTo({ center: map.getCenter(), zoom: map.getZoom() });
      sync.busy = false;
    };
    map.on('move', follow);
    return () => {
      map.off('move', follow);
      sync.maps.delete(map);
    };
  }, [sync, geo]);

  // Drill-down: the province's finer communes replace the national layer, and the map fits to it.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    whenLoaded(() => {
      const src = map.getSource('detail') as GeoJSONSource;
      void src.setData(drilldown ? drilldown.communes : EMPTY);
      map.setLayoutProperty('detail-labels', 'visibility', drilldown ? 'visible' : 'none');
    });
  }, [drilldown]);

  /** The country, or the drilled-in province; in presentation mode clear of the large legend on the left. */
  const fit = (duration: number) => {
    const map = mapRef.current!;
    const w = map.getContainer().clientWidth;
    const padding = latest.current.present ? { top: 30, bottom: 30, right: 30, left: Math.min(480, Math.round(w * 0.33)) } : 30;
    map.fitBounds(latest.current.drilldown?.bbox ?? bbox, { padding, duration });
  };
  /** The view's own position wins over fitting, when it has one. */
  const fitOrKeep = useEffectEvent((duration: number) => {
    const at = latest.current.camera?.at;
    if (at) mapRef.current!.jumpTo({ center: [at.lng, at.lat], zoom: at.zoom });
    else fit(duration);
  });
  const cameraKey = props.camera?.key;
  useEffect(() => {
    if (mapRef.current && latest.current.camera) whenLoaded(() => fitOrKeep(0));
  }, [cameraKey]);

  const fitKey = drilldown?.code ?? null;
  // The URL's position wins on load, also once the province it was opened on has its communes drawn; afterwards
  // drilling in or out fits the map.
  const keepOpened = useRef(initialCamera ? { province: props.initialProvince ?? null } : null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const opened = keepOpened.current;
    if (opened && (fitKey === null || fitKey === opened.province)) {
      if (fitKey === opened.province) keepOpened.current = null;
      return;
    }
    keepOpened.current = null;
    whenLoaded(() => fitOrKeep(600));
  }, [fitKey]);

  const present = !!props.present;
  const firstPaint = useRef(true);
  useEffect(() => {
    const map = mapRef.current;
    // The style starts in the normal look: nothing to change until presentation mode is entered.
    if (!map || (firstPaint.current && !present)) return;
    firstPaint.current = false;
    whenLoaded(() => {
      for (const [layer, prop, value] of presentPaint(present)) map.setPaintProperty(layer, prop as never, value as never);
      // The stage changed size: fit the country (or the province) again, clear of the large legend on the left.
      map.resize();
      fitOrKeep(0);
    });
  }, [present, geo]);

  // Layout effect: the map must read as not ready within the same task as the click that made it stale.
  useLayoutEffect(() => {
    if (props.stale) container.current?.setAttribute('data-map-ready', 'false');
  }, [props.stale]);

  const focusAt = props.focus?.at;
  useEffect(() => {
    const map = mapRef.current;
    const { focus, geo: shown } = latest.current;
    const f = focus && shown.communes.features.find((c) => c.properties.code === focus.code);
    if (!map || !f) return;
    whenLoaded(() => map.fitBounds(bboxOfGeometry(f.geometry), { padding: 80, maxZoom: 12, duration: 800 }));
  }, [focusAt]);

  // Recolour: one feature-state write per unit of the shown level, no geometry sent again.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !fills || props.stale) return;
    container.current?.setAttribute('data-map-ready', 'false');
    whenLoaded(() => {
      // The shown units' codes (the national ones without decoding their polygons), and the layer that holds them.
      const [units, codes] = source === 'detail' ? [drilldown, drilldown?.communes.features.map((f) => f.properties.code) ?? []] : [geo, geo.codes[source]];
      for (const s of FILL_SOURCES) for (const id of sourceLayers(s)) map.setLayoutProperty(id, 'visibility', s === source ? 'visible' : 'none');
      // The hatch costs a second fill of every feature: drawn only when some unit has no data. Through its layer
      // opacity, not its visibility: showing a hidden layer makes MapLibre cut all the source's tiles again (~0.2–0.6 s).
      map.setPaintProperty(hatchLayer(source), 'fill-layer-opacity', codes.some((code) => !fills.has(code)) ? 1 : 0);
      map.setLayoutProperty(LAND_LAYER, 'visibility', source === 'detail' ? 'visible' : 'none');
      // Only units whose colour changed: MapLibre rewrites paint data for every feature whose state is set.
      const last = applied.current.source === source && applied.current.units === units ? applied.current.fills : new Map<string, string | null>();
      const now = new Map<string, string | null>();
      for (const code of codes) {
        const fill = fills.get(code) ?? null;
        now.set(code, fill);
        if (!last.has(code) || last.get(code) !== fill) map.setFeatureState(featureTarget(source, code), { fill });
      }
      applied.current = { source, units, fills: now };
      map.once('idle', () => {
        container.current?.setAttribute('data-map-ready', 'true');
        latest.current.onReady?.();
        // Decodes the commune polygons (outlines, overlays) while the page is idle, before a hover needs them.
        (window.requestIdleCallback ?? window.setTimeout)(() => geo.communes);
      });
      map.triggerRepaint();
    });
  }, [fills, source, drilldown, props.stale, geo]);

  const markedKey = marked?.join(',');
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    outlined.current.selected = selected;
    outlined.current.marked = latest.current.marked ?? [];
    whenLoaded(() => {
      drawOutlines();
      // Also as feature-state, for whoever asks the map what is selected.
      if (selected) for (const s of targets(selected)) map.setFeatureState(featureTarget(s, selected), { selected: true });
    });
    return () => {
      if (!mapRef.current || !loaded.current || !selected) return;
      for (const s of targets(selected)) mapRef.current.setFeatureState(featureTarget(s, selected), { selected: false });
    };
  }, [selected, markedKey, drilldown]);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', props.label ?? 'Bản đồ');
  }, [props.label]);

  return <div ref={container} className="map" id={name === 'main' ? 'ban-do' : undefined} data-map={name} data-map-ready="false" />;
}

const targets = (code: string): FillSource[] => (code.length === 2 ? ['provinces'] : ['communes', 'detail']);
