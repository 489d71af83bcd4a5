import { CELL_IDS, bivariateBreaks, bivariateCell, type BivariateInput, type CellId, type CertMode } from '../../shared/domain/bivariate.js';

/**
 * Joshua Stevens' 3×3 blue–pink bivariate scheme: x (certification) runs grey → teal, y (model density)
 * grey → pink, both high is dark blue. Lightness carries each variable, so the classes still read
 * for the common kinds of colour blindness.
 */
export const BIVARIATE_COLORS: Record<CellId, string> = {
  '0-0': '#e8e8e8',
  '1-0': '#ace4e4',
  '2-0': '#5ac8c8',
  '0-1': '#dfb0d6',
  '1-1': '#a5add3',
  '2-1': '#5698b9',
  '0-2': '#be64ac',
  '1-2': '#8c62aa',
  '2-2': '#3b4994',
};

export interface BivariateMap {
  /** Colour of every commune with both values; a commune missing has no data (hatched). */
  fills: Map<string, string>;
  cells: Map<string, CellId>;
  counts: Record<CellId, number>;
  noData: number;
}

/** Classifies every commune with national tertiles and gives each its cell's colour. */
export function bivariateMap(rows: readonly (BivariateInput & { code: string })[], certMode: CertMode): BivariateMap {
  const breaks = bivariateBreaks(rows, certMode);
  const fills = new Map<string, string>();
  const cells = new Map<string, CellId>();
  const counts = Object.fromEntries(CELL_IDS.map((c) => [c, 0])) as Record<CellId, number>;
  let noData = 0;
  for (const r of rows) {
    const cell = bivariateCell(r, breaks);
    if (cell === null) {
      noData++;
      continue;
    }
    cells.set(r.code, cell);
    fills.set(r.code, BIVARIATE_COLORS[cell]);
    counts[cell]++;
  }
  return { fills, cells, counts, noData };
}

/** Legend grid rows from top (high density) to bottom, columns from low to high certification. */
export const LEGEND_GRID: CellId[][] = (['2', '1', '0'] as const).map((y) => (['0', '1', '2'] as const).map((x): CellId => `${x}-${y}`));
