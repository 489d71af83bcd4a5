import { useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { metricValue } from '../shared/domain/metrics.js';
import { fetchBoundaries, fetchMeta, fetchNationalLayer, fetchUnit, type Meta, type Stats, type UnitDetailResponse } from './api.js';
import type { ExportInput } from './export/compose.js';
import { pdfSource } from './export/pdfData.js';
import { formatCount, formatDate, formatPercent } from '../shared/lib/format.js';
import { compareSide, paneLabel } from './lib/compare.js';
import { buildLegend, formatMetric, type LegendModel, type Row, type Symbology } from '../shared/lib/legendModel.js';
import { decodeNational, type NationalGeo } from '../shared/lib/topo.js';
import { MapView, type HoverInfo, type MapSync } from './map/MapView.js';
import { Breadcrumb } from './panels/Breadcrumb.js';
import { CompareControl } from './panels/CompareControl.js';
import { SearchBox } from './panels/SearchBox.js';
import { DetailPanel, type Rank } from './panels/DetailPanel.js';
import { DataTable } from './panels/DataTable.js';
import { SkipLinks } from './panels/SkipLinks.js';
import { TopBar } from './layout/TopBar.js';
import { mapSummary } from './lib/mapSummary.js';
import { setListHover } from './map/planLayers.js';
import { PHONE_QUERY, useMedia } from './state/useMedia.js';
import { Legend } from './panels/Legend.js';
import { SwipeDivider } from './panels/SwipeDivider.js';
import { MetricControl } from './panels/MetricControl.js';
import { Tooltip } from './panels/Tooltip.js';
import { YearControl } from './panels/YearControl.js';
import { withPreviousYear } from './present/previous.js';
import { yearNote } from '../shared/domain/previousYear.js';
import { Presentation, defaultSubtitle, defaultTitle, enterFullscreen } from './present/Presentation.js';
import { DeckNav } from './deck/DeckNav.js';
import { DeckPanel, ExportMenu, Worklist } from './lazyPanels.js';
import { useDeckPlayer } from './deck/useDeckPlayer.js';
import { slideOfView } from './deck/slides.js';
import { usePlanner } from './state/usePlanner.js';
import { loadProvince, loadStats, loadStatuses, prefetchYears, useAsync } from './state/useData.js';
import { parseView, serializeView, type ViewState } from '../shared/domain/view.js';

const BOUNDARY_SOURCE = 'Ranh giới: sapnhap.bando.com.vn (NXB Tài nguyên – Môi trường và Bản đồ Việt Nam), qua thanglequoc/vietnamese-provinces-database';

interface Boundaries {
  geo: NationalGeo;
  bbox: [number, number, number, number];
  provinces: Record<string, { name: string; bbox: [number, number, number, number] }>;
}

async function loadBoundaries(): Promise<Boundaries> {
  const [info, topo] = await Promise.all([fetchBoundaries(), fetchNationalLayer()]);
  return { geo: decodeNational(topo), bbox: info.bbox, provinces: info.provinces };
}

const rowsOf = (s: Stats | null): Row[] | null => (s ? (s.units as unknown as Row[]) : null);
const titleOf = (legend: LegendModel, year: number, change: boolean) => `${legend.title}${change ? ',' : ''} năm ${year}`;

export function App() {
  const [view, setView] = useState<ViewState>(() => parseView(window.location.search));
  const patch = (p: Partial<ViewState>) => setView((v) => ({ ...v, ...p }));
  const [playing, setPlaying] = useState(false);
  const [decksOpen, setDecksOpen] = useState(false);
  // "Bảng số liệu"; `focus` when opened by the skip link, which takes the focus there.
  const [table, setTable] = useState<{ open: boolean; focus: boolean }>({ open: false, focus: false });
  const phone = useMedia(PHONE_QUERY);
  const tableHover = useRef<string | null>(null);
  const player = useDeckPlayer(view, setView);
  const [focus, setFocus] = useState<{ code: string; at: number } | null>(null);
  const [hover, setHover] = useState<{ info: HoverInfo; map: 'main' | 'compare' } | null>(null);
  // The swipe divider while it is dragged; the URL takes its place when it is let go.
  const [swipeDrag, setSwipeDrag] = useState<number | null>(null);
  const sync = useRef<MapSync>({ maps: new Set(), busy: false }).current;
  const mainMap = useRef<MapLibreMap | null>(null);
  const compareMap = useRef<MapLibreMap | null>(null);

  const { value: meta, error: metaError } = useAsync<Meta>(fetchMeta, []);
  const { value: boundaries, error: geoError } = useAsync<Boundaries>(loadBoundaries, []);
  const years = useMemo(() => meta?.vintages.find((v) => v.id === '2025')?.years ?? [], [meta]);
  const year = view.year !== null && years.includes(view.year) ? view.year : (years.at(-1) ?? null);
  const changeFrom = view.changeFrom !== null && year !== null && years.includes(view.changeFrom) && view.changeFrom < year ? view.changeFrom : null;
  const statsLevel = view.province ? 'commune' : view.level;
  const metric = statsLevel === 'province' && view.metric === 'status' ? 'rate' : view.metric;

  useEffect(() => {
    window.history.replaceState(null, '', serializeView(view) || window.location.pathname);
  }, [view]);
  // A hover from before a drill-down or a level switch would describe a layer no longer shown.
  useEffect(() => setHover(null), [view.province, view.level]);

  // Status colours need each commune's status only: the map colours from the compact answer (a few hundred bytes),
  // and the full figures (panels, ranks) are fetched once the map is coloured.
  const [mapReady, setMapReady] = useState(false);
  const statusOnly = metric === 'status' && changeFrom === null && statsLevel === 'commune';
  const statuses = useAsync(year === null || !statusOnly ? null : () => loadStatuses(year, view.province), [year, statusOnly, view.province]);
  const stats = useAsync(year === null || (statusOnly && !mapReady) ? null : () => loadStats(year, statsLevel, view.province), [year, statsLevel, view.province, statusOnly && !mapReady]);
  // Once the map is coloured, fetch the other years quietly, so that switching years and playing only recolour.
  useEffect(() => {
    if (!mapReady) return;
    const others = years.filter((y) => y !== year);
    return prefetchYears(others, [
      ...(statsLevel === 'commune' ? [(y: number) => loadStatuses(y, view.province)] : []),
      (y: number) => loadStats(y, statsLevel, view.province),
    ]);
  }, [mapReady, years, statsLevel, view.province]);
  const before = useAsync(changeFrom === null ? null : () => loadStats(changeFrom, statsLevel, view.province), [changeFrom, statsLevel, view.province]);
  const drilldown = useAsync(
    view.province && boundaries?.provinces[view.province] ? () => loadProvince(view.province!, boundaries.provinces[view.province!].bbox) : null,
    [view.province, boundaries],
  );
  // Presentation mode compares with the previous year, as previousYear() builds it (before the reform: old communes).
  const shownYear = view.present ? year : null;
  const keyYears = useAsync(shownYear === null ? null : () => withPreviousYear(shownYear, years, statsLevel, view.province), [shownYear, years, statsLevel, view.province]);
  const detail = useAsync<UnitDetailResponse>(view.unit ? () => fetchUnit(view.unit!) : null, [view.unit]);
  const plan = usePlanner(year, boundaries?.geo ?? null);

  const symbology: Symbology = {
    metric,
    denominator: view.denominator,
    changeFrom,
    classing: { method: view.method, k: view.k, breaks: view.breaks },
  };
  const compare = compareSide(view, symbology, years, statsLevel === 'province');
  const compareYear = compare?.year ?? null;
  const other = useAsync(compareYear === null ? null : () => loadStats(compareYear, statsLevel, view.province), [compareYear, statsLevel, view.province]);
  const rows = rowsOf(stats.value);
  // A status legend reads each row's code and status only: the compact answer's rows are enough for it.
  const legendRows = statusOnly ? (statuses.value ? (statuses.value.units as unknown as Row[]) : null) : rows;
  const legend = useMemo(
    () => (legendRows && (changeFrom === null || before.value) ? buildLegend(legendRows, symbology, rowsOf(before.value)) : null),
    [legendRows, before.value, metric, view.denominator, changeFrom, view.method, view.k, view.breaks.join(',')],
  );
  // The same metric in another year uses the same breaks, so that a colour means the same on both maps;
  // another metric is classed on its own.
  const otherRows = rowsOf(other.value);
  const otherLegend = useMemo(
    () =>
      otherRows && compare && legend
        ? buildLegend(otherRows, compare.shared ? { ...compare.symbology, classing: { method: 'manual', k: view.k, breaks: legend.breaks } } : compare.symbology)
        : null,
    [otherRows, legend, compare?.shared, JSON.stringify(compare?.symbology)],
  );

  const provinceNames = useMemo(() => new Map(meta?.provinces.map((p) => [p.code, p.fullName]) ?? []), [meta]);
  const rank = useMemo(() => rankOf(view.unit, rows, legend?.values ?? null, metric, provinceNames), [view.unit, rows, legend, metric, provinceNames]);

  const current = (s: Pick<Stats, 'year' | 'level' | 'province'> | null, y: number | null) => s !== null && s.year === y && s.level === statsLevel && (s.province?.code ?? null) === view.province;
  const stale = !current(statusOnly ? statuses.value : stats.value, year) || (changeFrom !== null && !current(before.value, changeFrom));
  const otherStale = stale || !current(other.value, compareYear);

  const error = metaError ?? geoError ?? statuses.error ?? stats.error ?? drilldown.error;
  if (error) return <div className="fatal">Không tải được bản đồ: {error}</div>;
  if (!meta || !boundaries || year === null) return <div className="loading">Đang tải bản đồ…</div>;

  const total = stats.value?.total;
  const legendTitle = legend ? titleOf(legend, year, changeFrom !== null) : '';
  // How a year before the reform is built on this map (shared/domain/previousYear): said in the legend.
  const crosswalkNote = (s: Stats | null, y: number) => (s ? yearNote(s.level === 'province' ? 'province' : 'commune', y) : null);
  // What each map shows, for its label, its legend and the tooltip over it.
  const provinceLevel = statsLevel === 'province';
  const mainSide = { legend, year, symbology, label: paneLabel(year, metric, view.denominator, provinceLevel) };
  const compareSideShown = compare && { legend: otherLegend, year: compare.year, symbology: compare.symbology, label: paneLabel(compare.year, compare.symbology.metric, compare.symbology.denominator, provinceLevel) };
  const hovered = hover?.map === 'compare' && compareSideShown ? compareSideShown : mainSide;
  const swipe = compare ? (swipeDrag ?? view.swipe) : null;
  // Another metric has a legend of its own: under its map side by side, on the right under a swipe.
  const secondLegend = compare && !compare.shared && otherLegend && (
    <Legend
      second
      model={otherLegend}
      title={titleOf(otherLegend, compare.year, false)}
      method={view.compareMethod}
      k={view.compareK}
      note={crosswalkNote(other.value, compare.year)}
      source={null}
      onClassing={(p) => patch({ compareMethod: p.method ?? view.compareMethod, compareK: p.k ?? view.compareK, compareBreaks: p.breaks ?? view.compareBreaks })}
    />
  );
  const onSelect = (kind: 'commune' | 'province', code: string | null) =>
    kind === 'province' && code ? patch({ province: code, unit: code }) : patch({ unit: code });
  // A search result: select it, and bring it into view (a province by drilling in, a commune by flying to it).
  const choose = (kind: 'commune' | 'province', code: string) => {
    if (kind === 'province') return onSelect('province', code);
    const provinceCode = boundaries.geo.communes.features.find((f) => f.properties.code === code)?.properties.province_code ?? null;
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
  // While comparing, the image carries both maps; waits for the second one's figures too.
  const comparePane = (): ExportInput['compare'] | undefined => {
    if (!compareSideShown) return null;
    if (!compareMap.current || !otherLegend || otherStale) return undefined;
    return {
      label: mainSide.label,
      pane: { map: compareMap.current, year: compare.year, legend: otherLegend, legendTitle: titleOf(otherLegend, compare.year, false), ownLegend: !compare.shared, label: compareSideShown.label },
    };
  };
  const exportInput = (): Omit<ExportInput, 'scale'> | null => {
    const second = comparePane();
    return mainMap.current && legend && !stale && second !== undefined
      ? { map: mainMap.current, compare: second, title, subtitle, legend, legendTitle, asOf: formatDate(meta.dataAsOf), source: `Nguồn: ${source}`, sampleLabel: meta.dataLabel, geo: boundaries.geo }
      : null;
  };
  const exportMenu = (
    <ExportMenu
      input={exportInput}
      pdf={() => {
        const base = exportInput();
        return (
          base &&
          pdfSource(base, {
            place,
            year,
            years,
            level: view.level,
            statsLevel,
            province: view.province,
            drilldown: view.province ? drilldown.value : null,
            nationalBBox: boundaries.bbox,
            provinces: meta.provinces,
            symbology: { ...symbology, metric: view.metric },
            subtitle: defaultSubtitle,
            legendTitle: (l) => titleOf(l, year, changeFrom !== null),
          })
        );
      }}
      office={() => ({
        year,
        view: slideOfView(view, year, title).view,
        province: view.province,
        commune: view.unit && view.unit.length === 5 ? view.unit : null,
        provinces: meta.provinces.map((p) => p.code),
        title,
        subtitle,
      })}
      filename={(s) => `ban-do-antt-${view.province ?? 'toan-quoc'}-${year}-${s}`}
      data={year === null ? null : { collection: view.level === 'province' && !view.province ? 'provinces' : 'communes', year, province: view.province, provinceName: meta.provinces.find((p) => p.code === view.province)?.name }}
    />
  );
  const mapProps = {
    geo: boundaries.geo,
    bbox: boundaries.bbox,
    level: view.level,
    drilldown: view.province ? drilldown.value : null,
    selected: view.unit,
    focus,
    initialCamera: view.at,
    initialProvince: view.province,
    camera: player.camera,
    onSelect,
  };

  return (
    <div className={present ? 'app present' : 'app'}>
      {present && (
        <Presentation
          title={title}
          subtitle={subtitle}
          onTitle={(t, st) => patch(t !== null ? { title: t } : { subtitle: st })}
          now={keyYears.value?.now.year === year && !stale ? keyYears.value.now : null}
          before={keyYears.value?.now.year === year ? keyYears.value.before : null}
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
      {!present && <TopBar
        phone={phone}
        yearControl={<YearControl years={years} year={year} onChange={(y) => patch({ year: y })} playing={playing} onPlay={setPlaying} />}
        years={years}
        year={year}
        onYear={(y) => patch({ year: y })}
        closeKey={`${view.unit}|${view.province}|${plan.open}|${table.open}|${decksOpen}|${present}`}
        badge={meta.dataLabel && (
          <div className="sample-badge" title="Số liệu do bộ sinh dữ liệu mẫu tạo ra, khớp các số liệu đã công bố trong các bản tin; không phải số liệu chính thức.">
            {meta.dataLabel}
          </div>
        )}
        toolbar={<>
          <SearchBox onChoose={({ kind, code }) => choose(kind, code)} />
          <Breadcrumb
            province={view.province ? { code: view.province, name: provinceNames.get(view.province) ?? view.province } : null}
            onNational={() => patch({ province: null, unit: null, at: null })}
          />
          <MetricControl view={{ ...view, metric }} years={years} year={year} onChange={patch} />
          <a className="admin-link" href="/quan-tri" title="Nhập số liệu, lịch sử nhập, nhật ký (cần đăng nhập)">
            Quản trị
          </a>
        </>}
      >
        <CompareControl view={view} years={years} metric={metric} provinceLevel={provinceLevel} disabled={changeFrom !== null} onChange={patch} />
        {total && (
          <div className="headline" aria-label={view.province ? 'Toàn tỉnh' : 'Toàn quốc'}>
            <strong>
              {formatCount(total.communes.certified)}/{formatCount(total.communes.total)}
            </strong>{' '}
            đạt ({formatPercent(total.rates.communes)})
          </div>
        )}
        <button
          className="plan-toggle"
          aria-pressed={plan.open}
          onClick={() => {
            plan.setOpen(!plan.open);
            // The worklist is about communes: the map follows.
            if (!plan.open && view.level !== 'commune') patch({ level: 'commune' });
          }}
        >
          Lập danh sách
        </button>
        <button className="table-toggle" aria-pressed={table.open} aria-controls={table.open ? 'bang-so-lieu' : undefined} onClick={() => setTable({ open: !table.open, focus: false })}>
          Bảng số liệu
        </button>
        <button
          className="present-toggle"
          title="Trình chiếu toàn màn hình cho hội nghị (Esc để thoát)"
          onClick={() => {
            enterFullscreen();
            patch({ present: true, unit: null });
          }}
        >
          Trình chiếu
        </button>
        <button className="present-toggle" aria-pressed={decksOpen} title="Bộ trình chiếu: lưu khung nhìn thành trang, sắp xếp, trình chiếu theo thứ tự" onClick={() => setDecksOpen(!decksOpen)}>
          Khung nhìn đã lưu
        </button>
        {exportMenu}
      </TopBar>}
      <main className={compare ? (swipe !== null ? 'stage compare swipe' : 'stage compare') : 'stage'}>
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
        {plan.open && !present && (
          <Worklist
            plan={plan}
            year={year}
            years={years}
            provinces={meta.provinces}
            geo={boundaries.geo}
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
        <div className="pane">
          {compare && <div className="pane-label">{mainSide.label}</div>}
          <MapView
            {...mapProps}
            name="main"
            label={summary}
            fills={plan.fills ?? legend?.colors ?? null}
            onMap={(m) => {
              mainMap.current = m;
              plan.setMap(m);
            }}
            onReady={() => setMapReady(true)}
            present={present}
            sync={compare ? sync : undefined}
            onHover={(info) => setHover(info ? { info, map: 'main' } : null)}
            onMove={(at) => patch({ at })}
          />
        </div>
        {compareSideShown && (
          <div className="pane pane-compare" style={swipe !== null ? { clipPath: `inset(0 0 0 ${swipe * 100}%)` } : undefined}>
            <div className="pane-label">{compareSideShown.label}</div>
            <MapView
              {...mapProps}
              name="compare"
              onMap={(m) => {
                compareMap.current = m;
              }}
              fills={otherLegend?.colors ?? null}
              stale={otherStale}
              sync={sync}
              onHover={(info) => setHover(info ? { info, map: 'compare' } : null)}
            />
            {swipe === null && secondLegend}
          </div>
        )}
        {compareSideShown && swipe !== null && (
          <SwipeDivider
            at={swipe}
            left={mainSide.label}
            right={compareSideShown.label}
            onChange={(at, final) => {
              setSwipeDrag(final ? null : at);
              if (final) patch({ swipe: at });
            }}
          />
        )}
        {legend && (
          <Legend
            model={legend}
            title={legendTitle}
            method={view.method}
            k={view.k}
            note={[crosswalkNote(stats.value, year), changeFrom !== null ? crosswalkNote(before.value, changeFrom) : null, compare?.shared ? `Bản đồ năm ${compare.year} dùng cùng chú giải${legend.kind === 'categorical' ? '' : ' và ngưỡng'}; số đơn vị là của năm ${year}.` : null].filter(Boolean).join(' ') || null}
            source={source}
            onClassing={(p) => patch(p)}
          />
        )}
        {swipe !== null && secondLegend}
        {hover && hovered.legend && !present && (
          <Tooltip
            hover={hover.info}
            provinceName={provinceNames.get(hover.info.provinceCode) ?? ''}
            value={
              hovered.legend.kind === 'categorical'
                ? (hovered.legend.entries.find((e) => e.color === hovered.legend!.colors.get(hover.info.code))?.label ?? 'Không có số liệu')
                : formatMetric(hovered.legend.values.get(hover.info.code) ?? null, hovered.symbology.metric, hovered.symbology.denominator, hovered.symbology.changeFrom !== null)
            }
            color={hovered.legend.colors.get(hover.info.code) ?? null}
            caption={`${hovered.legend.title} · ${hovered.year}`}
          />
        )}
        {view.unit && !present && (
          <DetailPanel
            detail={detail.value}
            error={detail.error}
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

/** The selected unit's rank among its peers on the current metric (status ranks by residential-area rate). */
function rankOf(
  code: string | null,
  rows: Row[] | null,
  values: Map<string, number> | null,
  metric: Symbology['metric'],
  provinceNames: Map<string, string>,
): Rank | null {
  if (!code || !rows || !values) return null;
  const me = rows.find((r) => r.code === code) as (Row & { provinceCode?: string }) | undefined;
  if (!me) return null;
  const peers = code.length === 5 ? rows.filter((r) => (r as { provinceCode?: string }).provinceCode === me.provinceCode) : rows;
  const value = (r: Row) => (metric === 'status' ? metricValue(r, 'rate') : (values.get(r.code) ?? null));
  const mine = value(me);
  if (mine === null) return null;
  const ranked = peers.map(value).filter((v): v is number => v !== null);
  return {
    rank: ranked.filter((v) => v > mine).length + 1,
    of: ranked.length,
    within: code.length === 5 ? `trong ${provinceNames.get(me.provinceCode ?? '') ?? 'tỉnh'}` : 'tỉnh, thành phố',
  };
}
