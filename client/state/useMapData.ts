import { useEffect, useMemo, useState } from 'react';
import { fetchUnit, type Meta, type Stats, type UnitDetailResponse } from '../api.js';
import { compareSide } from '../lib/compare.js';
import { metricAtLevel } from '../../shared/domain/metrics.js';
import type { Symbology } from '../../shared/lib/legendModel.js';
import type { ViewState } from '../../shared/domain/view.js';
import { withPreviousYear } from '../present/previous.js';
import type { BBox } from '../../shared/lib/bbox.js';
import { loadProvince, loadStats, loadStatuses, prefetchYears, useAsync } from './useData.js';
import { useStable } from './useStable.js';
import { useDataVersion } from './dataVersion.js';

/**
 * What the view shows, resolved against the years that have data (an unknown year falls back to the latest, a change
 * from a later year to none; provinces have no status: a rate is shown instead), and the figures each map needs.
 */
export function useMapData(view: ViewState, meta: Meta | null, provinceBBoxes: Record<string, { bbox: BBox }> | null) {
  const years = useMemo(() => meta?.vintages.find((v) => v.id === '2025')?.years ?? [], [meta]);
  const year = view.year !== null && years.includes(view.year) ? view.year : (years.at(-1) ?? null);
  const changeFrom = view.changeFrom !== null && year !== null && years.includes(view.changeFrom) && view.changeFrom < year ? view.changeFrom : null;
  const statsLevel = view.province ? 'commune' : view.level;
  const metric = metricAtLevel(view.metric, statsLevel === 'province');
  const province = view.province;
  // A new data version: each figure below loads again (the dropped cache entries), the geometry stays.
  const { generation } = useDataVersion();

  // Status colours need each commune's status only: the map colours from the compact answer (a few hundred bytes),
  // and the full figures (panels, ranks) are fetched once the map is coloured.
  const [mapReady, setMapReady] = useState(false);
  const statusOnly = metric === 'status' && changeFrom === null && statsLevel === 'commune';
  const statuses = useAsync(year === null || !statusOnly ? null : () => loadStatuses(year, province), [year, statusOnly, province, generation]);
  const stats = useAsync(year === null || (statusOnly && !mapReady) ? null : () => loadStats(year, statsLevel, province), [year, statsLevel, province, statusOnly && !mapReady, generation]);
  // Once the map is coloured, fetch the other years quietly, so that switching years and playing only recolour;
  // again from the start at each new data version.
  useEffect(() => {
    if (!mapReady) return;
    const others = years.filter((y) => y !== year);
    return prefetchYears(others, [...(statsLevel === 'commune' ? [(y: number) => loadStatuses(y, province)] : []), (y: number) => loadStats(y, statsLevel, province)]);
  }, [mapReady, years, year, statsLevel, province, generation]);
  const before = useAsync(changeFrom === null ? null : () => loadStats(changeFrom, statsLevel, province), [changeFrom, statsLevel, province, generation]);
  const provinceBBox = province ? provinceBBoxes?.[province]?.bbox : undefined;
  const drilldown = useAsync(province && provinceBBox ? () => loadProvince(province, provinceBBox) : null, [province, provinceBBox]);
  // Presentation mode compares with the previous year, as previousYear() builds it (before the reform: old communes).
  const shownYear = view.present ? year : null;
  const keyYears = useAsync(shownYear === null ? null : () => withPreviousYear(shownYear, years, statsLevel, province), [shownYear, years, statsLevel, province, generation]);
  const detail = useAsync<UnitDetailResponse>(view.unit ? () => fetchUnit(view.unit!) : null, [view.unit, generation]);

  // Stable objects while their content is the same, so the legends' memos can list them as they are.
  const symbology = useStable<Symbology>({ metric, denominator: view.denominator, changeFrom, classing: { method: view.method, k: view.k, breaks: view.breaks } });
  const compare = useStable(compareSide(view, symbology, years, statsLevel === 'province'));
  const compareYear = compare?.year ?? null;
  const other = useAsync(compareYear === null ? null : () => loadStats(compareYear, statsLevel, province), [compareYear, statsLevel, province, generation]);

  // Figures are stale while those of the view's year, level and province are on their way.
  const current = (s: Pick<Stats, 'year' | 'level' | 'province'> | null, y: number | null) => s !== null && s.year === y && s.level === statsLevel && (s.province?.code ?? null) === province;
  const stale = !current(statusOnly ? statuses.value : stats.value, year) || (changeFrom !== null && !current(before.value, changeFrom));
  const otherStale = stale || !current(other.value, compareYear);

  return {
    years,
    year,
    changeFrom,
    statsLevel,
    metric,
    symbology,
    compare,
    statusOnly,
    mapReady,
    setMapReady,
    statuses,
    stats,
    before,
    other,
    drilldown,
    keyYears,
    detail,
    stale,
    otherStale,
  };
}
