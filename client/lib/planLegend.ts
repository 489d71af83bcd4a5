import type { Aggregate } from '../../shared/domain/aggregate.js';
import { cellLabel, type CertMode } from '../../shared/domain/bivariate.js';
import type { LegendEntry, LegendModel } from '../../shared/lib/legendModel.js';
import { NO_DATA_COLOR } from '../../shared/lib/statusClasses.js';
import { HOT_SPOT_COLOR } from '../map/planLayers.js';
import { BIVARIATE_COLORS, LEGEND_GRID, type BivariateMap } from './bivariate.js';

/** The worklist's legend words, on screen (panels/BivariateLegend.tsx) and in an image. */
export const PLAN_LABELS = {
  bivariate: 'Công nhận × mật độ mô hình',
  noData: 'Không có số liệu (không rõ dân số)',
  keyArea: 'Địa bàn trọng điểm, phức tạp',
  hotSpot: 'Điểm nóng',
} as const;

/** A key area's outline, printed as an empty framed box; a hot spot as its dot's red. */
const KEY_AREA_SWATCH = '#ffffff';

/**
 * The legend of the map as the worklist shows it, for an image of it: the bivariate map's nine cells (high density
 * first, as in its square legend) and its communes without data, else the map's own legend; then the key areas and
 * hot spots when they are drawn over it. Null when the planner draws nothing over the map.
 */
export function planLegend(base: LegendModel, bivar: BivariateMap | null, certMode: CertMode, overlay: Pick<Aggregate, 'keyAreas' | 'hotSpots'> | null): LegendModel | null {
  if (!bivar && !overlay) return null;
  const cells: LegendEntry[] = bivar
    ? [
        ...LEGEND_GRID.flat().map((id) => ({ id, label: cellLabel(id, certMode), color: BIVARIATE_COLORS[id], count: bivar.counts[id] })),
        { id: 'no-data', label: PLAN_LABELS.noData, color: NO_DATA_COLOR, hatched: true, count: bivar.noData },
      ]
    : base.entries;
  const marks: LegendEntry[] = overlay
    ? [
        { id: 'key-area', label: PLAN_LABELS.keyArea, color: KEY_AREA_SWATCH, count: overlay.keyAreas },
        { id: 'hot-spot', label: PLAN_LABELS.hotSpot, color: HOT_SPOT_COLOR, count: overlay.hotSpots },
      ]
    : [];
  return bivar
    ? { ...base, kind: 'categorical', title: PLAN_LABELS.bivariate, unit: '', entries: [...cells, ...marks], colors: bivar.fills, breaks: [], histogram: [], values: new Map() }
    : { ...base, entries: [...cells, ...marks] };
}
