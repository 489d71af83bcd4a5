import { useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { fetchBoundaries, fetchNationalLayer, type Meta } from './api.js';
import { paneLabel } from './lib/compare.js';
import { crosswalkNote, legendTitleOf, mainLegendNote, rankOf } from './lib/mapLegends.js';
import { decodeNational, type NationalIndex } from '../shared/lib/topo.js';
import { ViewExportMenu } from './export/ViewExportMenu.js';
import { planLegend } from './lib/planLegend.js';
import { DataUpdated } from './layout/DataUpdated.js';
import { Header } from './layout/Header.js';
import { MapPanes, type Hover } from './layout/MapPanes.js';
import { DetailPanel } from './panels/DetailPanel.js';
import { DataTable } from './panels/DataTable.js';
import { SkipLinks } from './panels/SkipLinks.js';
import { mapSummary } from './lib/mapSummary.js';
import { setListHover } from './map/planLayers.js';
import { PHONE_QUERY, useMedia } from './state/useMedia.js';
import { useMapCover } from './state/useMapCover.js';
import { Presentation, defaultSubtitle, defaultTitle, enterFullscreen } from './present/Presentation.js';
import { DeckNav } from './deck/DeckNav.js';
import { DeckPanel, Worklist } from './lazyPanels.js';
import { useDeckPlayer } from './deck/useDeckPlayer.js';
import { usePlanner } from './state/usePlanner.js';
import { loadMeta, useAsync } from './state/useData.js';
import { useDataVersion, watchDataVersion } from './state/dataVersion.js';
import { useLegends } from './state/useLegends.js';
import { useMapData } from './state/useMapData.js';
import { useViewUrl } from './state/useViewUrl.js';

const BOUNDARY_SOURCE = 'Ranh giới: sapnhap.bando.com.vn (NXB Tài nguyên – Môi trường và Bản đồ Việt Nam), qua thanglequoc/vietnamese-provinces-database';

interface Boundaries {
  index: NationalIndex;
  bbox: [number, number, number, number];
  provinces: Record<string, { name: string; bbox: [number, number, number, number] }>;
}

async function loadBoundaries(): Promise<Boundaries> {
  const { codes, provinceLabels, islandLabels, bbox, provinces } = await fetchBoundaries();
  return { index: { codes, provinceLabels, islandLabels }, bbox, provinces };
}

async function loadNational() {
  const geo = decodeNational(await fetchNationalLayer());
  // Decodes the commune polygons (outlines, overlays) while the page is idle, before a hover needs them.
  (window.requestIdleCallback ?? window.setTimeout)(() => geo.communes);
  return geo;
}

/** The map page: the view in the URL, its figures and legends, and the panels around the map. */
export function App() {
  const { view, setView, patch, restored } = useViewUrl();
  const [playing, setPlaying] = useState(false);
  const [decksOpen, setDecksOpen] = useState(false);
  // "Bảng số liệu"; `focus` when opened by the skip link, which takes the focus there.
  const [table, setTable] = useState<{ open: boolean; focus: boolean }>({ open: false, focus: false });
  const phone = useMedia(PHONE_QUERY);
  const tableHover = useRef<string | null>(null);
  const player = useDeckPlayer(view, setView);
  const [focus, setFocus] = useState<{ code: string; at: number } | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const mainMap = useRef<MapLibreMap | null>(null);
  const compareMap = useRef<MapLibreMap | null>(null);
  const [stage, setStage] = useState<HTMLElement | null>(null);

  // The years, batches and "Số liệu đến ngày" move with the data: loaded again at each new data version.
  const { generation } = useDataVersion();
  const { value: meta, error: metaError } = useAsync<Meta>(loadMeta, [generation]);
  // Once the page knows the version its figures are of, it asks whether it moved on whenever it is looked at again.
  const metaLoaded = meta !== null;
  useEffect(() => (metaLoaded ? watchDataVersion() : undefined), [metaLoaded]);
  const { value: boundaries, error: geoError } = useAsync<Boundaries>(loadBoundaries, []);
  const data = useMapData(view, meta, boundaries?.provinces ?? null);
  // The national layer's polygons (outlines, fly-to, overlays, exports) once the map is coloured: the map opens
  // from the manifest's codes and labels and the vector tiles alone.
  const { value: geo, error: nationalError } = useAsync(data.mapReady ? loadNational : null, [data.mapReady]);
  const { years, year, changeFrom, statsLevel, metric, symbology, compare, stats, before, other, drilldown, stale, otherStale } = data;
  // A hover from before a drill-down or a level switch would describe a layer no longer shown.
  useEffect(() => setHover(null), [view.province, view.level]);
  const plan = usePlanner(year, geo);
  const { rows, legend, otherLegend } = useLegends({ symbology, statusOnly: data.statusOnly, stats: stats.value, statuses: data.statuses.value, before: before.value, other: other.value, compare });
  const provinceNames = useMemo(() => new Map(meta?.provinces.map((p) => [p.code, p.fullName]) ?? []), [meta]);
  // The unit panel over the map's right side, and on a phone the panels as sheets over its lower part.
  const covered = useMapCover(stage, !compare && !view.present);
  const rank = useMemo(() => rankOf(view.unit, rows, legend?.values ?? null, metric, provinceNames), [view.unit, rows, legend, metric, provinceNames]);

  const error = metaError ?? geoError ?? nationalError ?? data.statuses.error ?? stats.error ?? drilldown.error;
  if (error) return <div className="fatal">Không tải được bản đồ: {error}</div>;
  if (!meta || !boundaries || year === null) return <div className="loading">Đang tải bản đồ…</div>;

  const total = stats.value?.total;
  const legendTitle = legend ? legendTitleOf(legend, year, changeFrom !== null) : '';
  const provinceLevel = statsLevel === 'province';
  const mainLabel = paneLabel(year, metric, view.denominator, provinceLevel);
  const compareShown = compare && { side: compare, legend: otherLegend, year: compare.year, symbology: compare.symbology, label: paneLabel(compare.year, compare.symbology.metric, compare.symbology.denominator, provinceLevel) };
  const onSelect = (kind: 'commune' | 'province', code: string | null) =>
    kind === 'province' && code ? patch({ province: code, unit: code }) : patch({ unit: code });
  // A search result: select it, and bring it into view (a province by drilling in, a commune by flying to it).
  const choose = (kind: 'commune' | 'province', code: string) => {
    if (kind === 'province') return onSelect('province', code);
    // (Until the polygons are there, a drilled-in province stays; the map flies once they are.)
    const provinceCode = geo ? (geo.communes.features.find((f) => f.properties.code === code)?.properties.province_code ?? null) : view.province;
    patch({ unit: code, ...(view.province && provinceCode !== view.province ? { province: provinceCode } : {}) });
    setFocus({ code, at: Date.now() });
  };
  const present = view.present;
  const place = view.province ? (provinceNames.get(view.province) ?? view.province) : 'Toàn quốc';
  const summary = mapSummary({
    year,
    place: view.province ? place : 'toàn quốc',
    communes: total && !stale ? { certified: total.communes.certified, total: total.communes.total, rate: total.rates.communes } : null,
    legend: stale ? null : legend,
    legendTitle,
    units: provinceLevel ? 'tỉnh, thành phố' : 'xã, phường',
  });
  const title = view.title ?? defaultTitle(year);
  const subtitle = view.subtitle ?? defaultSubtitle(place);
  const source = `${stats.value?.dataLabel ? `${stats.value.dataLabel}. ` : ''}${BOUNDARY_SOURCE}`;
  // The worklist's layers over the map: what the image's legend says of them.
  const planShown = legend ? planLegend(legend, plan.bivar, plan.criteria.cert, plan.overlayCounts) : null;
  const exportMenu = (
    <ViewExportMenu
      view={view}
      meta={meta}
      geo={geo}
      nationalBBox={boundaries.bbox}
      year={year}
      years={years}
      statsLevel={statsLevel}
      symbology={symbology}
      drilldown={drilldown.value}
      main={{ map: mainMap, legend, legendTitle, label: mainLabel }}
      compare={compareShown ? { map: compareMap, legend: otherLegend, label: compareShown.label, side: compare } : null}
      stale={stale}
      otherStale={otherStale}
      title={title}
      subtitle={subtitle}
      place={place}
      source={source}
      plan={planShown && { legend: planShown, legendTitle: plan.bivar ? `${planShown.title} năm ${year}` : legendTitle }}
    />
  );
  const mapProps = {
    index: boundaries.index,
    geo,
    bbox: boundaries.bbox,
    level: view.level,
    drilldown: view.province ? drilldown.value : null,
    selected: view.unit,
    focus,
    initialCamera: view.at,
    initialProvince: view.province,
    camera: player.camera ?? restored,
    covered,
    onSelect,
  };
  const mainNote = mainLegendNote(
    [crosswalkNote(stats.value, year), changeFrom !== null ? crosswalkNote(before.value, changeFrom) : null],
    compare?.shared && legend ? { year: compare.year, categorical: legend.kind === 'categorical', shownYear: year } : null,
  );

  return (
    <div className={present ? 'app present' : 'app'}>
      {present && (
        <Presentation
          title={title}
          subtitle={subtitle}
          onTitle={(t, st) => patch(t !== null ? { title: t } : { subtitle: st })}
          now={data.keyYears.value?.now.year === year && !stale ? data.keyYears.value.now : null}
          before={data.keyYears.value?.now.year === year ? data.keyYears.value.before : null}
          sampleLabel={meta.dataLabel}
          onExit={() => {
            patch({ present: false, deck: null, slide: null });
            if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
          }}
        >
          {view.deck !== null && <DeckNav player={player} />}
          {exportMenu}
        </Presentation>
      )}
      {!present && <SkipLinks onMap={() => mainMap.current?.getCanvas().focus()} onTable={() => setTable({ open: true, focus: true })} />}
      {!present && (
        <Header
          view={view}
          patch={patch}
          phone={phone}
          years={years}
          year={year}
          playing={playing}
          onPlay={setPlaying}
          metric={metric}
          provinceLevel={provinceLevel}
          change={changeFrom !== null}
          provinceName={view.province ? (provinceNames.get(view.province) ?? null) : null}
          total={total}
          dataLabel={meta.dataLabel}
          planOpen={plan.open}
          onPlan={plan.setOpen}
          tableOpen={table.open}
          onTable={() => setTable({ open: !table.open, focus: false })}
          decksOpen={decksOpen}
          onDecks={() => setDecksOpen(!decksOpen)}
          onSearch={choose}
          exportMenu={exportMenu}
        />
      )}
      <main ref={setStage} className={compare ? (view.swipe !== null ? 'stage compare swipe' : 'stage compare') : 'stage'}>
        {decksOpen && !present && (
          <DeckPanel
            view={view}
            shownYear={year}
            shownTitle={title}
            provinceName={(code) => provinceNames.get(code) ?? code}
            onPlay={(deck, n) => {
              enterFullscreen();
              setDecksOpen(false);
              patch({ present: true, unit: null, deck, slide: n });
            }}
            onClose={() => setDecksOpen(false)}
          />
        )}
        {plan.open && !present && geo && (
          <Worklist
            plan={plan}
            year={year}
            years={years}
            provinces={meta.provinces}
            geo={geo}
            hoverCode={hover?.info.kind === 'commune' ? hover.info.code : null}
            selected={view.unit}
            onSelect={(code) => patch({ unit: code })}
            onClose={() => plan.setOpen(false)}
          />
        )}
        {table.open && !present && (
          <DataTable
            rows={rows}
            legend={stale ? null : legend}
            legendTitle={legendTitle}
            metric={metric}
            denominator={view.denominator}
            change={changeFrom !== null}
            provinceNames={provinceNames}
            provinceRows={provinceLevel}
            place={view.province ? place : 'toàn quốc'}
            year={year}
            dataLabel={meta.dataLabel}
            note={crosswalkNote(stats.value, year)}
            selected={view.unit}
            hoverCode={hover?.info.code ?? null}
            onSelect={(code) => (code.length === 2 && !view.province ? onSelect('province', code) : choose('commune', code))}
            onHoverRow={(code) => {
              if (mainMap.current) setListHover(mainMap.current, code, tableHover.current);
              tableHover.current = code;
            }}
            onClose={() => setTable({ open: false, focus: false })}
            autoFocus={table.focus}
          />
        )}
        <p className="sr-only" aria-live="polite" aria-atomic="true">
          {summary}
        </p>
        <DataUpdated />
        <MapPanes
          view={view}
          patch={patch}
          mapProps={mapProps}
          main={{ legend, year, symbology, label: mainLabel, legendTitle, note: mainNote, fills: plan.fills ?? legend?.colors ?? null, summary }}
          compare={compareShown ? { ...compareShown, note: crosswalkNote(other.value, compareShown.year), stale: otherStale } : null}
          source={source}
          present={present}
          hover={hover}
          onHover={setHover}
          provinceName={(code) => provinceNames.get(code) ?? ''}
          mainMap={mainMap}
          compareMap={compareMap}
          onMainMap={plan.setMap}
          onReady={() => data.setMapReady(true)}
        />
        {view.unit && !present && (
          <DetailPanel
            detail={data.detail.value}
            error={data.detail.error}
            year={year}
            metric={metric}
            denominator={view.denominator}
            rank={rank}
            onClose={() => patch({ unit: null })}
          />
        )}
      </main>
    </div>
  );
}
