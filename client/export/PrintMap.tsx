import type { Map as MapLibreMap } from 'maplibre-gl';
import { createPortal } from 'react-dom';
import type { NationalGeo } from '../../shared/lib/topo.js';
import { MapView, type Drilldown } from '../map/MapView.js';
import type { MapLevel } from '../../shared/domain/view.js';

/** What the map drawn for print shows, and its size in CSS pixels. */
export interface PrintMapSpec {
  cssWidth: number;
  cssHeight: number;
  geo: NationalGeo;
  bbox: [number, number, number, number];
  level: MapLevel;
  drilldown: Drilldown | null;
  fills: Map<string, string>;
}

const noop = () => undefined;

/**
 * A second map, off screen, at the size of the page's map box: pages are drawn and captured on it, so the map on
 * screen keeps its view, and a cancelled export leaves nothing changed. Presentation look: opaque fills, firm borders.
 */
export function PrintMap({ spec, onMap }: { spec: PrintMapSpec; onMap: (map: MapLibreMap | null, container: HTMLElement | null) => void }) {
  return createPortal(
    <div className="print-map" aria-hidden="true" style={{ width: spec.cssWidth, height: spec.cssHeight }}>
      <MapView
        name="print"
        index={spec.geo}
        geo={spec.geo}
        bbox={spec.bbox}
        level={spec.level}
        drilldown={spec.drilldown}
        fills={spec.fills}
        selected={null}
        initialCamera={null}
        present
        onHover={noop}
        onSelect={noop}
        onMap={(m) => onMap(m, m ? m.getContainer() : null)}
      />
    </div>,
    document.body,
  );
}
