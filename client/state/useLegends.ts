import { useMemo } from 'react';
import type { Stats } from '../api.js';
import type { CompareSide } from '../lib/compare.js';
import { buildLegend, type Row, type Symbology } from '../../shared/lib/legendModel.js';

const rowsOf = (s: Pick<Stats, 'units'> | null): Row[] | null => (s ? s.units : null);

interface Figures {
  symbology: Symbology;
  statusOnly: boolean;
  /** Full figures, the compact statuses, the earlier year of a change and the compared map's year. */
  stats: Pick<Stats, 'units'> | null;
  statuses: { units: unknown[] } | null;
  before: Pick<Stats, 'units'> | null;
  other: Pick<Stats, 'units'> | null;
  compare: CompareSide | null;
}

/** The legends of the map and of the compared map, rebuilt only when their figures or symbology change. */
export function useLegends({ symbology, statusOnly, stats, statuses, before, other, compare }: Figures) {
  const rows = rowsOf(stats);
  // A status legend reads each row's code and status only: the compact answer's rows are enough for it.
  const legendRows = statusOnly ? (statuses ? (statuses.units as unknown as Row[]) : null) : rows;
  const { changeFrom, classing } = symbology;
  const legend = useMemo(
    () => (legendRows && (changeFrom === null || before) ? buildLegend(legendRows, symbology, rowsOf(before)) : null),
    [legendRows, changeFrom, before, symbology],
  );
  // The same metric in another year uses the same breaks, so that a colour means the same on both maps;
  // another metric is classed on its own.
  const otherRows = rowsOf(other);
  const otherLegend = useMemo(
    () =>
      otherRows && compare && legend
        ? buildLegend(otherRows, compare.shared ? { ...compare.symbology, classing: { method: 'manual', k: classing.k, breaks: legend.breaks } } : compare.symbology)
        : null,
    [otherRows, legend, compare, classing.k],
  );
  return { rows, legend, otherLegend };
}
