import { useRef, useState, type ComponentProps, type MutableRefObject } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LegendModel, Symbology } from '../../shared/lib/legendModel.js';
import type { ViewState } from '../../shared/domain/view.js';
import type { CompareSide } from '../lib/compare.js';
import { hoverValue, legendTitleOf } from '../lib/mapLegends.js';
import { MapView, type HoverInfo, type MapSync } from '../map/MapView.js';
import { Legend } from '../panels/Legend.js';
import { SwipeDivider } from '../panels/SwipeDivider.js';
import { Tooltip } from '../panels/Tooltip.js';

/** What one map shows: for its label, its legend and the tooltip over it. */
interface PaneSide {
  legend: LegendModel | null;
  year: number;
  symbology: Symbology;
  label: string;
}

export type Hover = { info: HoverInfo; map: 'main' | 'compare' };
type SharedMapProps = Omit<ComponentProps<typeof MapView>, 'name' | 'fills' | 'onHover' | 'onMap'>;

interface Props {
  view: ViewState;
  patch: (p: Partial<ViewState>) => void;
  mapProps: SharedMapProps;
  main: PaneSide & { legendTitle: string; note: string | null; fills: Map<string, string> | null; summary: string };
  /** The compared map, its note, and whether its figures are not yet those of the view. */
  compare: (PaneSide & { side: CompareSide; note: string | null; stale: boolean }) | null;
  /** "Nguồn: …" under the main legend. */
  source: string;
  present: boolean;
  hover: Hover | null;
  onHover: (h: Hover | null) => void;
  provinceName: (code: string) => string;
  mainMap: MutableRefObject<MapLibreMap | null>;
  compareMap: MutableRefObject<MapLibreMap | null>;
  onMainMap: (m: MapLibreMap | null) => void;
  onReady: () => void;
}

/**
 * The map, and while comparing the second map (side by side, or stacked under a swipe divider) moving with it; the
 * legends (another metric has its own: under its map side by side, on the right under a swipe), and the tooltip.
 */
export function MapPanes({ view, patch, mapProps, main, compare, source, present, hover, onHover, provinceName, mainMap, compareMap, onMainMap, onReady }: Props) {
  // The swipe divider while it is dragged; the URL takes its place when it is let go.
  const [swipeDrag, setSwipeDrag] = useState<number | null>(null);
  const sync = useRef<MapSync>({ maps: new Set(), busy: false }).current;
  const swipe = compare ? (swipeDrag ?? view.swipe) : null;
  const hovered = hover?.map === 'compare' && compare ? compare : main;
  const secondLegend = compare && !compare.side.shared && compare.legend && (
    <Legend
      second
      model={compare.legend}
      title={legendTitleOf(compare.legend, compare.year, false)}
      method={view.compareMethod}
      k={view.compareK}
      note={compare.note}
      source={null}
      onClassing={(p) => patch({ compareMethod: p.method ?? view.compareMethod, compareK: p.k ?? view.compareK, compareBreaks: p.breaks ?? view.compareBreaks })}
    />
  );
  return (
    <>
      <div className="pane">
        {compare && <div className="pane-label">{main.label}</div>}
        <MapView
          {...mapProps}
          name="main"
          label={main.summary}
          fills={main.fills}
          onMap={(m) => {
            mainMap.current = m;
            onMainMap(m);
          }}
          onReady={onReady}
          present={present}
          sync={compare ? sync : undefined}
          onHover={(info) => onHover(info ? { info, map: 'main' } : null)}
          onMove={(at) => patch({ at })}
        />
      </div>
      {compare && (
        <div className="pane pane-compare" style={swipe !== null ? { clipPath: `inset(0 0 0 ${swipe * 100}%)` } : undefined}>
          <div className="pane-label">{compare.label}</div>
          <MapView
            {...mapProps}
            name="compare"
            onMap={(m) => {
              compareMap.current = m;
            }}
            fills={compare.legend?.colors ?? null}
            stale={compare.stale}
            sync={sync}
            onHover={(info) => onHover(info ? { info, map: 'compare' } : null)}
          />
          {swipe === null && secondLegend}
        </div>
      )}
      {compare && swipe !== null && (
        <SwipeDivider
          at={swipe}
          left={main.label}
          right={compare.label}
          onChange={(at, final) => {
            setSwipeDrag(final ? null : at);
            if (final) patch({ swipe: at });
          }}
        />
      )}
      {main.legend && <Legend model={main.legend} title={main.legendTitle} method={view.method} k={view.k} note={main.note} source={source} onClassing={(p) => patch(p)} />}
      {swipe !== null && secondLegend}
      {hover && hovered.legend && !present && (
        <Tooltip
          hover={hover.info}
          provinceName={provinceName(hover.info.provinceCode)}
          value={hoverValue(hovered.legend, hover.info.code, hovered.symbology)}
          color={hovered.legend.colors.get(hover.info.code) ?? null}
          caption={`${hovered.legend.title} · ${hovered.year}`}
        />
      )}
    </>
  );
}
