import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { bboxOfGeometry } from '../../shared/lib/bbox.js';
import type { NationalGeo, NationalIndex } from '../../shared/lib/topo.js';
import type { MapLevel, ViewState } from '../../shared/domain/view.js';
import { EMPTY, addBoundaries, createMap } from './createMap.js';
import type { Cover } from '../lib/mapCover.js';
import { clearOfLegend, mapCamera } from './camera.js';
import { bindInteraction, type HoverInfo } from './interaction.js';
import { drawOutlines, type Outlined } from './outlines.js';
import { FILL_SOURCES, LAND_LAYER, featureTarget, fillLayer, hatchLayer, presentPaint, SEA, sourceLayers, type FillSource } from './style.js';

export type { HoverInfo } from './interaction.js';

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
  /** What the map is made from: the units' codes and the labels. */
  index: NationalIndex;
  /** The national polygons (outlines, fly-to), once loaded: they come after the first colours. */
  geo: NationalGeo | null;
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
  /** What panels over the map hide of it (a phone's sheets, a desktop's unit panel): fits and the centre keep clear. */
  covered?: Cover;
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
  const { name, index, geo, bbox, level, drilldown, fills, selected, marked, initialCamera, sync } = props;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef(false);
  const pending = useRef<(() => void)[]>([]);
  // Work that waits for the style and sources: run at once when they are there.
  const whenLoaded = (fn: () => void) => (loaded.current ? fn() : pending.current.push(fn));
  const latest = useRef(props);
  latest.current = props;
  const [camera] = useState(() =>
    mapCamera(() => {
      const p = latest.current;
      return { map: mapRef.current, name: p.name, bbox: p.bbox, drilled: p.drilldown?.bbox ?? null, present: !!p.present, at: p.camera?.at ?? null };
    }),
  );
  const source = activeSource(level, drilldown);
  const outlined = useRef<Outlined>({ selected: null, hover: null, marked: [] });
  const outline = useEffectEvent(() => {
    const map = mapRef.current;
    if (map && loaded.current && geo) drawOutlines(map, geo, latest.current.drilldown?.communes ?? null, outlined.current);
  });
  const applied = useRef<{ source: FillSource | null; units: unknown; fills: Map<string, string | null> }>({ source: null, units: null, fills: new Map() });

  useEffect(() => {
    const el = container.current!;
    const map = createMap({ container: el, index, bbox, opening: latest.current.initialCamera, padding: clearOfLegend({ width: el.clientWidth, height: el.clientHeight }, name, bbox, 20), label: latest.current.label ?? 'Bản đồ' });
    mapRef.current = map;
    camera.attach(map, !!latest.current.initialCamera);
    applied.current = { source: null, units: null, fills: new Map() };
    window.antqMaps = { ...window.antqMaps, [name]: map };
    if (name === 'main') window.antqMap = map;
    // The boundaries as soon as the style is there, before its first frame, which then asks for their tiles
    // (its 'load' waits for every source's tiles: the names' too).
    map.once('style.load', () => {
      addBoundaries(map, bbox, activeSource(latest.current.level, latest.current.drilldown));
      loaded.current = true;
      for (const fn of pending.current.splice(0)) fn();
      latest.current.onMap?.(map);
    });
    bindInteraction(map, {
      loaded: () => loaded.current,
      onHover: (h) => latest.current.onHover(h),
      onSelect: (kind, code) => latest.current.onSelect(kind, code),
      onMove: (at) => latest.current.onMove?.(at),
      onHoverCode: (code) => {
        outlined.current.hover = code;
        outline();
      },
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
  }, [index, bbox, name, camera]);

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
  }, [sync, index]);

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

  // Panels over the map: its padding, so that fits, fly-tos and the centre are in the part still seen.
  const { bottom = 0, right = 0 } = props.covered ?? {};
  useEffect(() => camera.keepClearOf(bottom, right), [camera, bottom, right]);

  const cameraKey = props.camera?.key;
  useEffect(() => {
    if (mapRef.current && latest.current.camera) whenLoaded(() => camera.fitOrKeep(0));
  }, [camera, cameraKey]);

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
    // Animated only where it is seen: until its first colours the canvas is hidden, and an animation there would
    // only hold the map from being ready (600 ms of frames on every load, the map made fitted already).
    whenLoaded(() => camera.fitOrKeep(container.current?.dataset.mapShown === 'true' ? 600 : 0));
  }, [camera, fitKey]);

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
      camera.fitOrKeep(0);
    });
  }, [camera, present, index]);

  // Layout effect: the map must read as not ready within the same task as the click that made it stale.
  useLayoutEffect(() => {
    if (props.stale) container.current?.setAttribute('data-map-ready', 'false');
  }, [props.stale]);

  const focusAt = props.focus?.at;
  const hasGeo = geo !== null;
  useEffect(() => {
    const map = mapRef.current;
    const { focus, geo: shown } = latest.current;
    const f = focus && shown?.communes.features.find((c) => c.properties.code === focus.code);
    if (!map || !f) return;
    whenLoaded(() => map.fitBounds(bboxOfGeometry(f.geometry), { padding: 80, maxZoom: 12, duration: 800 }));
    // Again when the polygons arrive, for a commune chosen before them.
  }, [focusAt, hasGeo]);

  // Recolour: one feature-state write per unit of the shown level, no geometry sent again.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !fills || props.stale) return;
    container.current?.setAttribute('data-map-ready', 'false');
    whenLoaded(() => {
      // The shown units' codes (the national ones without decoding their polygons), and the layer that holds them.
      const [units, codes] = source === 'detail' ? [drilldown, drilldown?.communes.features.map((f) => f.properties.code) ?? []] : [index, index.codes[source]];
      for (const s of FILL_SOURCES) for (const id of sourceLayers(s)) map.setLayoutProperty(id, 'visibility', s === source ? 'visible' : 'none');
      // The hatch costs a second fill of every feature: drawn only when some unit has no data. Through its layer
      // opacity, not its visibility: showing a hidden layer makes MapLibre cut all the source's tiles again (~0.2–0.6 s).
      map.setPaintProperty(hatchLayer(source), 'fill-layer-opacity', codes.some((code) => !fills.has(code)) ? 1 : 0);
      map.setPaintProperty(fillLayer(source), 'fill-layer-opacity', 1);
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
        // Colours drawn: the canvas, hidden until the first ones (styles.css), is shown with them.
        container.current?.setAttribute('data-map-shown', 'true');
        container.current?.setAttribute('data-map-ready', 'true');
        latest.current.onReady?.();
      });
      map.triggerRepaint();
    });
  }, [fills, source, drilldown, props.stale, index]);

  const markedKey = marked?.join(',');
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    outlined.current.selected = selected;
    outlined.current.marked = latest.current.marked ?? [];
    whenLoaded(() => {
      outline();
      // Also as feature-state, for whoever asks the map what is selected.
      if (selected) for (const s of targets(selected)) map.setFeatureState(featureTarget(s, selected), { selected: true });
    });
    return () => {
      if (!mapRef.current || !loaded.current || !selected) return;
      for (const s of targets(selected)) mapRef.current.setFeatureState(featureTarget(s, selected), { selected: false });
    };
    // Again when the polygons arrive (a unit selected from the URL).
  }, [selected, markedKey, drilldown, geo]);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', props.label ?? 'Bản đồ');
  }, [props.label]);

  return <div ref={container} className="map" id={name === 'main' ? 'ban-do' : undefined} data-map={name} data-map-ready="false" data-map-shown="false" style={{ background: SEA }} />;
}

const targets = (code: string): FillSource[] => (code.length === 2 ? ['provinces'] : ['communes', 'detail']);
