// "Bảng số liệu": the units of the current view as table rows, filtered with the search's word matching and sorted.
import { figureNotReported, type Denominator, type MetricId } from '../../shared/domain/metrics.js';
import { NO_DATA_LABEL, NOT_REPORTED, STATUS_LABELS } from '../../shared/domain/labels.js';
import { coverage, type Aggregate } from '../../shared/domain/aggregate.js';
import type { CellValue, ExportColumn, ExportTable } from '../../shared/domain/exportTable.js';
import type { Status } from '../../shared/domain/types.js';
import { formatCount, formatPercent } from '../../shared/lib/format.js';
import { formatMetric, type LegendModel, type Row } from '../../shared/lib/legendModel.js';
import { PREFIX, tokenize, wordQuality } from '../../shared/lib/textMatch.js';

export interface TableRow {
  code: string;
  name: string;
  /** A commune's province (the national commune view lists every province's communes). */
  province: string | null;
  /** The shown metric: its number (numeric metrics), its text as the legend and tooltip print it, its class. */
  value: number | null;
  valueText: string;
  classIndex: number;
  classLabel: string;
  color: string | null;
  status: Status | null;
  /** Communes certified / with data (a province's row). */
  communes: { certified: number; total: number } | null;
  residential: number | null;
  models: number | null;
  /** "chưa báo cáo" (a commune with data that did not report it), "báo cáo 87/120 xã" (an area where some did not), or null. */
  notes: { residential: string | null; models: string | null };
  population: number | null;
  /** Normalised words of the name and the province, for the filter. */
  words: string[];
}

export type SortKey = 'name' | 'province' | 'value' | 'communes' | 'residential' | 'models' | 'population';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

type StatsRow = Row & { name?: string; fullName?: string; type?: string; provinceCode?: string };

export interface TableSpec {
  metric: MetricId;
  denominator: Denominator;
  change: boolean;
  provinceNames: ReadonlyMap<string, string>;
  /** Show each commune's province (the national commune view). */
  withProvince: boolean;
}

const rowName = (r: StatsRow) => r.fullName ?? (`${r.type ?? ''} ${r.name ?? r.code}`.trim() || r.code);

/** One row per unit, with its value and class as the map and its legend show them. */
export function tableRows(rows: readonly Row[], legend: LegendModel, spec: TableSpec): TableRow[] {
  const classOf = new Map(legend.entries.map((e, i) => [e.color, i]));
  const noDataIndex = legend.entries.findIndex((e) => e.hatched);
  return rows.map((raw) => {
    const r = raw as StatsRow;
    const name = rowName(r);
    const province = spec.withProvince ? (spec.provinceNames.get(r.provinceCode ?? '') ?? null) : null;
    const color = legend.noData.has(r.code) ? null : (legend.colors.get(r.code) ?? null);
    const classIndex = color === null ? noDataIndex : (classOf.get(color) ?? noDataIndex);
    const entry = legend.entries[classIndex];
    const value = legend.kind === 'categorical' ? null : (legend.values.get(r.code) ?? null);
    const area = 'communes' in r ? (r as { communes: { certified: number; total: number; noData: number } }).communes : null;
    return {
      code: r.code,
      name,
      province,
      value,
      valueText: legend.kind === 'categorical' ? (entry?.label ?? NO_DATA_LABEL) : formatMetric(value, spec.metric, spec.denominator, spec.change),
      classIndex,
      classLabel: entry?.label ?? NO_DATA_LABEL,
      color,
      status: r.status ?? null,
      communes: area ? { certified: area.certified, total: area.total - area.noData } : null,
      residential: r.residential && r.residential.total ? r.residential.certified / r.residential.total : null,
      models: r.models ?? null,
      notes: { residential: figureNote(r, 'residential'), models: figureNote(r, 'models') },
      population: r.population ?? null,
      words: tokenize(`${name} ${province ?? ''}`),
    };
  });
}

function figureNote(r: StatsRow, f: 'residential' | 'models'): string | null {
  if ('reported' in r) return coverage(r as unknown as Aggregate, f);
  return figureNotReported(r, f) ? NOT_REPORTED : null;
}

/**
 * Rows whose name (or province) holds every typed word, as the search box matches words: without diacritics, a prefix
 * ("tan ho" finds "Tân Hòa"), a typo in a longer word; a unit's code matches exactly.
 */
export function filterRows(rows: readonly TableRow[], query: string): TableRow[] {
  const typed = tokenize(query);
  if (!typed.length) return [...rows];
  return rows.filter((r) => (typed.length === 1 && r.code === typed[0]) || typed.every((t) => r.words.some((w) => wordQuality(t, w) >= (t.length >= 4 ? 1 : PREFIX))));
}

// Made on the first sort, not as the page starts (a locale's data take tens of ms to load).
let collator: Intl.Collator | undefined;
const compareText = (a: string, b: string) => (collator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true })).compare(a, b);

function sortValue(r: TableRow, key: SortKey): number | string | null {
  switch (key) {
    case 'name':
      return r.name;
    case 'province':
      return r.province;
    // A status (or a change of status) sorts by its class: high first is the legend's order. Numbers by value.
    case 'value':
      return r.value ?? (r.color === null ? null : -r.classIndex);
    case 'communes':
      return r.communes && r.communes.total ? r.communes.certified / r.communes.total : null;
    default:
      return r[key];
  }
}

/** Sorted by one column; units without a value go last either way, ties by name. */
export function sortRows(rows: readonly TableRow[], sort: Sort): TableRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const c = typeof x === 'string' || typeof y === 'string' ? compareText(String(x), String(y)) : x - y;
      if (c !== 0) return sign * c;
    }
    return compareText(a.name, b.name);
  });
}

/** A numeric column sorts high first on its first click (the leaders' question: who is best, who is worst); names A–Z. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'name' || key === 'province' ? 'asc' : 'desc' };
}

export interface Column {
  key: SortKey;
  header: string;
  /** The heading on a phone, spelled out by an <abbr title>. */
  short?: string;
  /**
   * Left out of a phone's table, which must fit 360 px: the population (in the unit's panel and the exports), and the
   * province, which the name cell carries on a line of its own there.
   */
  phone?: 'hidden';
}

/** The table's columns for a view: the metric's values first, then the figures behind them. */
export function tableColumns(metricTitle: string, provinceRows: boolean, withProvince: boolean): Column[] {
  return [
    { key: 'name', header: provinceRows ? 'Tỉnh, thành phố' : 'Xã, phường' },
    { key: 'value', header: metricTitle },
    ...(withProvince ? [{ key: 'province' as const, header: 'Tỉnh, thành phố', phone: 'hidden' as const }] : []),
    ...(provinceRows ? [{ key: 'communes' as const, header: 'Xã, phường đạt chuẩn', short: 'Xã đạt' }] : []),
    { key: 'residential', header: 'Khu dân cư đạt', short: 'KDC đạt' },
    { key: 'models', header: 'Mô hình tự quản', short: 'Mô hình' },
    { key: 'population', header: 'Dân số', phone: 'hidden' },
  ];
}

/** A cell as the table prints it (the value column is drawn with its class colour apart). */
export function cellText(r: TableRow, key: SortKey): string {
  switch (key) {
    case 'name':
      return r.name;
    case 'province':
      return r.province ?? '';
    case 'value':
      return r.valueText;
    case 'communes':
      return r.communes ? `${formatCount(r.communes.certified)}/${formatCount(r.communes.total)}` : NO_DATA_LABEL;
    case 'residential':
    case 'models': {
      const note = r.notes[key];
      if (note === NOT_REPORTED) return note;
      const v = key === 'residential' ? formatPercent(r.residential) : formatCount(r.models);
      return note ? `${v} (${note})` : v;
    }
    case 'population':
      return formatCount(r.population);
  }
}

/** The table as shown (filtered and sorted) for CSV and Excel: with each unit's code, value and class. */
export function tableExport(rows: readonly TableRow[], columns: readonly Column[], head: { title: string; info: string[]; sheetName: string; numericValue: boolean; rateValue: boolean }): ExportTable {
  const cols: ExportColumn[] = [{ header: 'Mã', kind: 'text', width: 8 }];
  const cells: ((r: TableRow) => CellValue)[] = [(r) => r.code];
  for (const c of columns) {
    if (c.key === 'value') {
      cols.push({ header: c.header, kind: head.numericValue ? (head.rateValue ? 'percent' : 'decimal') : 'text', width: 16 }, { header: 'Lớp', kind: 'text', width: 18 });
      cells.push((r) => (head.numericValue ? r.value : r.valueText), (r) => r.classLabel);
    } else if (c.key === 'communes') {
      cols.push({ header: 'Xã, phường đạt', kind: 'count', width: 10 }, { header: 'Xã, phường có số liệu', kind: 'count', width: 10 });
      cells.push((r) => r.communes?.certified ?? null, (r) => r.communes?.total ?? null);
    } else {
      const kind = c.key === 'residential' ? 'percent' : c.key === 'models' || c.key === 'population' ? 'count' : 'text';
      cols.push({ header: c.header, kind, width: kind === 'text' ? 26 : 12 });
      const key = c.key as 'residential' | 'models' | 'population';
      // A figure a commune did not report is written so, never left blank (a blank counts as 0 on import).
      cells.push(c.key === 'name' ? (r) => r.name : c.key === 'province' ? (r) => r.province : key === 'population' ? (r) => r.population : (r) => (r.notes[key] === NOT_REPORTED ? NOT_REPORTED : r[key]));
    }
  }
  if (!columns.some((c) => c.key === 'communes')) {
    cols.push({ header: 'Tình trạng', kind: 'text', width: 14 });
    cells.push((r) => (r.status ? STATUS_LABELS[r.status] : NO_DATA_LABEL));
  }
  return { title: head.title, info: head.info, sheetName: head.sheetName, columns: cols, rows: rows.map((r) => cells.map((f) => f(r))) };
}
