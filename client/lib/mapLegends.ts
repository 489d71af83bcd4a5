// The legend texts and the rank a map page shows beside its legends: pure, from the legend models and rows.
import { metricValue } from '../../shared/domain/metrics.js';
import { yearNote } from '../../shared/domain/previousYear.js';
import { formatMetric, missingLabel, type LegendModel, type Row, type Symbology } from '../../shared/lib/legendModel.js';
import type { Rank } from '../panels/DetailPanel.js';

/** "Tình trạng công nhận năm 2025"; a change reads "Thay đổi …, năm 2025". */
export const legendTitleOf = (legend: LegendModel, year: number, change: boolean) => `${legend.title}${change ? ',' : ''} năm ${year}`;

/** How a year before the reform is built on this map (shared/domain/previousYear), for the legend; null without figures. */
export const crosswalkNote = (s: { level: string } | null, year: number): string | null => (s ? yearNote(s.level === 'province' ? 'province' : 'commune', year) : null);

/** The main legend's note: how each year shown is built, and that a compared map of the same metric shares the legend. */
export function mainLegendNote(notes: readonly (string | null)[], shared: { year: number; categorical: boolean; shownYear: number } | null): string | null {
  const sharing = shared ? `Bản đồ năm ${shared.year} dùng cùng chú giải${shared.categorical ? '' : ' và ngưỡng'}; số đơn vị là của năm ${shared.shownYear}.` : null;
  return [...notes, sharing].filter(Boolean).join(' ') || null;
}

/** What the tooltip says of a unit: its class (status) or its value, as the legend classes it; without one, why (as the table and panel say it). */
export function hoverValue(legend: LegendModel, code: string, symbology: Symbology): string {
  if (legend.kind === 'categorical') return legend.entries.find((e) => e.color === legend.colors.get(code))?.label ?? missingLabel(legend, code);
  const v = legend.values.get(code);
  return v === undefined ? missingLabel(legend, code) : formatMetric(v, symbology.metric, symbology.denominator, symbology.changeFrom !== null);
}

/** The selected unit's rank among its peers on the current metric (status ranks by residential-area rate). */
export function rankOf(code: string | null, rows: readonly Row[] | null, values: ReadonlyMap<string, number> | null, metric: Symbology['metric'], provinceNames: ReadonlyMap<string, string>): Rank | null {
  if (!code || !rows || !values) return null;
  const me: (Row & { provinceCode?: string }) | undefined = rows.find((r) => r.code === code);
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
