import { NO_DATA_LABEL, STATUS_LABELS } from '../domain/labels.js';
import { STATUSES, type Status } from '../domain/types.js';

/**
 * Certification colours from the Okabe–Ito palette, which stays distinct for the common kinds of
 * colour blindness; "no data" is a hatched light grey so that it never reads as a status.
 */
export const STATUS_COLORS: Record<Status, string> = {
  dat: '#0072B2',
  chua_dat: '#D55E00',
  chua_danh_gia: '#F0E442',
};
export const NO_DATA_COLOR = '#d4d4d4';
export const NO_DATA_HATCH = '#8a8a8a';

export interface LegendClass {
  id: Status | 'no_data';
  label: string;
  color: string;
  hatched: boolean;
  count: number;
}

export interface StatusCounts {
  certified: number;
  notCertified: number;
  notAssessed: number;
  noData: number;
}

/** The legend's classes for the status metric, in reading order, with the count in each. */
export function statusLegend(c: StatusCounts): LegendClass[] {
  const counts: Record<Status, number> = { dat: c.certified, chua_dat: c.notCertified, chua_danh_gia: c.notAssessed };
  return [
    ...STATUSES.map((s) => ({ id: s, label: STATUS_LABELS[s], color: STATUS_COLORS[s], hatched: false, count: counts[s] })),
    { id: 'no_data' as const, label: NO_DATA_LABEL, color: NO_DATA_COLOR, hatched: true, count: c.noData },
  ];
}
