import { coverage, type Aggregate } from '../../shared/domain/aggregate.js';
import { cellLabel, type CellId, type CertMode } from '../../shared/domain/bivariate.js';
import { BIVARIATE_COLORS, LEGEND_GRID, type BivariateMap } from '../lib/bivariate.js';
import { formatCount } from '../../shared/lib/format.js';
import { HOT_SPOT_COLOR } from '../map/planLayers.js';
import { PLAN_LABELS } from '../lib/planLegend.js';
import { LegendTitle, useLegendOpen } from './LegendFold.js';

interface Props {
  bivar: BivariateMap | null;
  certMode: CertMode;
  cell: CellId | null;
  onCell: (cell: CellId | null) => void;
  /** The communes shown: their key areas and hot spots, and how many reported each flag. */
  overlay: Pick<Aggregate, 'communes' | 'reported' | 'keyAreas' | 'hotSpots'> | null;
}

const X_AXIS: Record<CertMode, string> = { status: 'Tình trạng công nhận →', rate: 'Tỷ lệ khu dân cư đạt →' };

/** The 3×3 square legend (click a cell to list its communes) and the key-area / hot-spot entries. */
export function BivariateLegend({ bivar, certMode, cell, onCell, overlay }: Props) {
  const [open, setOpen] = useLegendOpen();
  return (
    <section className={open ? 'plan-legend' : 'plan-legend folded'} aria-label="Chú giải bản đồ lập danh sách">
      <LegendTitle title={bivar ? PLAN_LABELS.bivariate : 'Địa bàn trọng điểm, điểm nóng'} open={open} onToggle={() => setOpen(!open)} />
      <div className="plan-legend-body" hidden={!open}>
        {bivar && (
          <>
            <div className="bv">
              <span className="bv-y">Mật độ mô hình/10.000 dân →</span>
              <div className="bv-grid" role="group" aria-label="Ô của bản đồ hai biến: bấm để lọc danh sách">
                {LEGEND_GRID.flat().map((id) => (
                  <button
                    key={id}
                    className={id === cell ? 'bv-cell on' : 'bv-cell'}
                    style={{ background: BIVARIATE_COLORS[id] }}
                    data-cell={id}
                    aria-pressed={id === cell}
                    title={`${cellLabel(id, certMode)}: ${formatCount(bivar.counts[id])} xã, phường. Bấm để lọc danh sách.`}
                    onClick={() => onCell(id === cell ? null : id)}
                  >
                    {formatCount(bivar.counts[id])}
                  </button>
                ))}
              </div>
              <span className="bv-x">{X_AXIS[certMode]}</span>
            </div>
            <p className="small muted">
              {certMode === 'status' ? 'Cột: chưa đạt · chưa đánh giá · đạt.' : 'Cột: ba nhóm đều nhau theo tỷ lệ khu dân cư đạt.'} Hàng: ba nhóm đều nhau theo mật độ.
            </p>
            <div className="plan-legend-row">
              <span className="swatch hatched" /> {PLAN_LABELS.noData} <strong>{formatCount(bivar.noData)}</strong>
            </div>
          </>
        )}
        {overlay && (
          <>
            <div className="plan-legend-row">
              <span className="key-swatch" /> {PLAN_LABELS.keyArea} <strong>{formatCount(overlay.keyAreas)}</strong>
              <FlagCoverage a={overlay} f="keyArea" />
            </div>
            <div className="plan-legend-row">
              <span className="hot-swatch" style={{ background: HOT_SPOT_COLOR }} /> {PLAN_LABELS.hotSpot} <strong>{formatCount(overlay.hotSpots)}</strong>
              <FlagCoverage a={overlay} f="hotSpot" />
            </div>
          </>
        )}
      </div>
    </section>
  );
}

/** "báo cáo 85/102 xã" under the count when not every commune with data reported the flag: a flag not reported is not a "no". */
function FlagCoverage({ a, f }: { a: NonNullable<Props['overlay']>; f: 'keyArea' | 'hotSpot' }) {
  const c = coverage(a, f);
  return c ? <span className="plan-legend-note small muted">{c}</span> : null;
}
