import type { Status } from './types.js';
import { ascending, modelDensity, quantile } from './density.js';
import { rate } from './figures.js';

/**
 * The bivariate classification: certification (x) × model density (y), three classes each (0 low … 2 high).
 * Shared by the map's colouring (client) and the worklist's legend-cell filter (server), so both agree.
 */
type Level3 = 0 | 1 | 2;
export type CertMode = 'status' | 'rate';
/** A cell "x-y", e.g. "0-2": not certified, high density. */
export type CellId = `${Level3}-${Level3}`;
export const CELL_IDS: readonly CellId[] = (['0', '1', '2'] as const).flatMap((x) => (['0', '1', '2'] as const).map((y): CellId => `${x}-${y}`));

/** Status as an ordered class: not certified is the weakest, not assessed in between. */
const STATUS_CLASS: Record<Status, Level3> = { chua_dat: 0, chua_danh_gia: 1, dat: 2 };

export interface BivariateInput {
  status: Status | null;
  residential: { total: number; certified: number } | null;
  models: number | null;
  population: number | null;
}

/** Class breaks: tertiles over the communes given (the whole country for the map). */
export interface Breaks {
  certMode: CertMode;
  /** Residential-area certification share tertiles (rate mode only). */
  rate: [number, number] | null;
  density: [number, number] | null;
}

function tertiles(values: Iterable<number | null>): [number, number] | null {
  const s = ascending(values);
  return s.length ? [quantile(s, 1 / 3)!, quantile(s, 2 / 3)!] : null;
}

const residentialShare = (c: BivariateInput) => rate(c.residential);

export function bivariateBreaks(rows: readonly BivariateInput[], certMode: CertMode): Breaks {
  return {
    certMode,
    rate: certMode === 'rate' ? tertiles(rows.map(residentialShare)) : null,
    density: tertiles(rows.map(modelDensity)),
  };
}

/** Below the first break: low; below the second: middle; else high (ties at a break go up). */
function level(v: number, b: [number, number]): Level3 {
  return v < b[0] ? 0 : v < b[1] ? 1 : 2;
}

/** The cell of one commune, or null when either variable has no data. */
export function bivariateCell(c: BivariateInput, b: Breaks): CellId | null {
  const d = modelDensity(c);
  if (d === null || !b.density) return null;
  let x: Level3;
  if (b.certMode === 'status') {
    if (c.status === null) return null;
    x = STATUS_CLASS[c.status];
  } else {
    const r = residentialShare(c);
    if (r === null || !b.rate) return null;
    x = level(r, b.rate);
  }
  return `${x}-${level(d, b.density)}`;
}

const CERT_WORDS: Record<CertMode, [string, string, string]> = {
  status: ['chưa đạt', 'chưa đánh giá', 'đạt'],
  rate: ['tỷ lệ khu dân cư đạt thấp', 'tỷ lệ khu dân cư đạt trung bình', 'tỷ lệ khu dân cư đạt cao'],
};
const DENSITY_WORDS = ['mật độ mô hình thấp', 'mật độ mô hình trung bình', 'mật độ mô hình cao'];

/** "chưa đạt × mật độ mô hình thấp" */
export function cellLabel(cell: CellId, certMode: CertMode): string {
  const [x, y] = cell.split('-').map(Number);
  return `${CERT_WORDS[certMode][x]} × ${DENSITY_WORDS[y]}`;
}

export function isCellId(s: string): s is CellId {
  return (CELL_IDS as readonly string[]).includes(s);
}
