import { NOT_REPORTED } from './labels.js';
import type { Origin, Status, Tally } from './types.js';

/** How a 2025 commune's predecessors stood in a year before the reform. */
export interface PredecessorSummary {
  total: number;
  certified: number;
  notCertified: number;
  notAssessed: number;
  noData: number;
  /** Predecessors only partly inside this commune (their figures are apportioned). */
  partial: number;
}

/** The counted figures of one commune in one year, whether read directly or rolled up. */
export interface CountedFigures {
  status: Status | null; // null: no data for that year
  /** null: not reported (or no data for that year): unknown, never "no". */
  exemplary: boolean | null;
  keyArea: boolean | null;
  hotSpot: boolean | null;
  /** null: not reported (or no data for that year): unknown, never 0. */
  residential: Tally | null;
  agencies: Tally | null;
  enterprises: Tally | null;
  schools: Tally | null;
  models: number | null;
}

/** One commune's row in /api/stats. */
export interface CommuneFigures extends CountedFigures {
  code: string;
  name: string;
  type: string;
  provinceCode: string;
  districtCode: string | null;
  population: number | null;
  areaKm2: number | null;
  origin: Origin | null;
  /** Present when the year was rolled up from the pre-2025 communes through the crosswalk. */
  predecessors?: PredecessorSummary;
}

const FLAG_NAMES = [['keyArea', 'địa bàn trọng điểm'], ['hotSpot', 'điểm nóng'], ['exemplary', 'điển hình']] as const;

/** "Địa bàn trọng điểm, điểm nóng: chưa báo cáo" for the yes/no flags a return did not report; null when it reported them all or there is no data. */
export function unreportedFlags(f: CountedFigures): string | null {
  const names = f.status === null ? [] : FLAG_NAMES.filter(([k]) => f[k] === null).map(([, name]) => name);
  if (names.length === 0) return null;
  const list = names.join(', ');
  return `${list[0].toUpperCase()}${list.slice(1)}: ${NOT_REPORTED}`;
}

export const EMPTY_TALLY: Tally = Object.freeze({ total: 0, certified: 0 });

export function noFigures(): CountedFigures {
  return {
    status: null,
    exemplary: null,
    keyArea: null,
    hotSpot: null,
    residential: null,
    agencies: null,
    enterprises: null,
    schools: null,
    models: null,
  };
}

/** certified / total, or null when there is nothing to count or the pair is not reported. */
export function rate(t: Tally | null): number | null {
  return t !== null && t.total > 0 ? t.certified / t.total : null;
}

/** Rounds apportioned counts so that float noise does not reach the API. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
