import { useEffect, useRef } from 'react';
import { NO_DATA_LABEL, NOT_REPORTED, STATUS_LABELS } from '../../shared/domain/labels.js';
import { coverage, type Aggregate, type ReportedFigure } from '../../shared/domain/aggregate.js';
import { rate, unreportedFlags } from '../../shared/domain/figures.js';
import type { Status } from '../../shared/domain/types.js';
import type { UnitDetailResponse } from '../api.js';
import { formatArea, formatCount, formatPercent, formatTally } from '../../shared/lib/format.js';
import { STATUS_COLORS } from '../../shared/lib/statusClasses.js';
import { metricValue, type Denominator, type MetricId } from '../../shared/domain/metrics.js';
import { formatMetric } from '../../shared/lib/legendModel.js';
import { TrendChart } from './TrendChart.js';
import { useEscape } from '../state/useEscape.js';
import { basisLabel, rollupLabel } from '../../shared/domain/previousYear.js';
import { unitTypeSource } from '../../shared/domain/unitTypes.js';

/** The unit's place among the units it is compared with for the current metric. */
export interface Rank {
  rank: number;
  of: number;
  within: string;
}

interface Props {
  detail: UnitDetailResponse | null;
  error: string | null;
  year: number;
  /** The metric on the map; the trend chart follows it (status charts the residential-area rate). */
  metric: MetricId;
  denominator: Denominator;
  rank: Rank | null;
  onClose: () => void;
}

function StatusChip({ status }: { status: Status | null }) {
  return (
    <span className={`chip ${status ?? 'no_data'}`} style={status ? { background: STATUS_COLORS[status] } : undefined}>
      {status ? STATUS_LABELS[status] : NO_DATA_LABEL}
    </span>
  );
}

export function DetailPanel({ detail, error, year, metric, denominator, rank, onClose }: Props) {
  const charted: Exclude<MetricId, 'status'> = metric === 'status' ? 'rate' : metric;
  const box = useRef<HTMLElement>(null);
  // Where the focus was when the unit was chosen (the search box, a table row): it goes back there on closing.
  const back = useRef<HTMLElement | null>(null);
  const close = () => {
    onClose();
    if (back.current?.isConnected) back.current.focus();
  };
  useEscape(close);
  // A unit chosen from the keyboard (search, table, list) is read at once: the focus moves to its panel. A click on
  // the map leaves the focus on the map, where the keyboard's arrows keep moving it.
  const code = detail?.unit.code;
  useEffect(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!code || !box.current || box.current.contains(active) || active?.classList.contains('maplibregl-canvas')) return;
    back.current = active;
    box.current.focus({ preventScroll: true });
  }, [code]);
  return (
    <aside className="panel" aria-label={detail ? `Thông tin đơn vị: ${detail.unit.fullName}` : 'Thông tin đơn vị'} ref={box} tabIndex={-1}>
      <button className="close" onClick={close} aria-label="Đóng thông tin đơn vị">
        ×
      </button>
      {error && <p className="error">{error}</p>}
      {!detail && !error && <p className="muted">Đang tải…</p>}
      {detail && detail.kind === 'commune' && <CommuneDetail detail={detail} year={year} metric={charted} denominator={denominator} rank={rank} />}
      {detail && detail.kind === 'area' && <AreaDetail detail={detail} year={year} metric={charted} denominator={denominator} rank={rank} />}
    </aside>
  );
}

interface SectionProps<K> {
  detail: Extract<UnitDetailResponse, { kind: K }>;
  year: number;
  metric: Exclude<MetricId, 'status'>;
  denominator: Denominator;
  rank: Rank | null;
}

function RankLine({ rank }: { rank: Rank | null }) {
  return rank ? (
    <p className="rank">
      Xếp thứ <strong>{rank.rank}</strong>/{rank.of} {rank.within}
    </p>
  ) : null;
}

function CommuneDetail({ detail, year, metric, denominator, rank }: SectionProps<'commune'>) {
  const { unit, province, district, history, predecessors } = detail;
  // A year before the reform is this commune's predecessors rolled up: the only view of it, always labelled so.
  const trend = history.map((h) => ({
    year: h.year,
    value: metricValue({ ...h.figures, population: unit.population, areaKm2: unit.areaKm2 }, metric, denominator),
    estimated: h.method === 'crosswalk',
    note: h.method === 'crosswalk' && h.figures.predecessors ? rollupLabel(h.figures.predecessors) : undefined,
  }));
  const current = history.find((h) => h.year === year);
  const f = current?.figures;
  const density = f && f.models !== null && unit.population ? (f.models / unit.population) * 10_000 : null;
  return (
    <>
      <h2>{unit.fullName}</h2>
      <p className="muted">
        {district ? `${district.fullName}, ` : ''}
        {province?.fullName} · mã {unit.code}
      </p>
      {detail.dataLabel && <p className="sample-note">{detail.dataLabel}</p>}
      <dl className="facts">
        <dt>Dân số</dt>
        <dd>{formatCount(unit.population)}</dd>
        <dt>Diện tích</dt>
        <dd>{formatArea(unit.areaKm2)}</dd>
      </dl>
      <h3>Năm {year}</h3>
      {!f ? (
        <p>
          <StatusChip status={null} />
        </p>
      ) : (
        <>
          <p>
            <StatusChip status={f.status} />
            {f.exemplary && <span className="flag">Điển hình</span>}
            {f.keyArea && <span className="flag warn">Địa bàn trọng điểm</span>}
            {f.hotSpot && <span className="flag danger">Điểm nóng</span>}
          </p>
          {unreportedFlags(f) && <p className="muted small">{unreportedFlags(f)}</p>}
          {current.method === 'crosswalk' && f.predecessors && (
            <p className="muted small">
              Quy đổi từ {f.predecessors.total} xã cũ: {f.predecessors.certified} đạt, {f.predecessors.notCertified} chưa đạt
              {f.predecessors.notAssessed + f.predecessors.noData > 0 &&
                `, ${f.predecessors.notAssessed + f.predecessors.noData} chưa đánh giá hoặc không có số liệu`}
              {f.predecessors.partial > 0 && ` (${f.predecessors.partial} xã cũ nhập một phần, số liệu phân bổ theo diện tích)`}
            </p>
          )}
          <RankLine rank={rank} />
          <table className="figures">
            <thead>
              <tr>
                <th />
                <th>Đạt/Tổng số</th>
              </tr>
            </thead>
            <tbody>
              <tr><td>Khu dân cư</td><td>{formatTally(f.residential)}</td></tr>
              <tr><td>Cơ quan</td><td>{formatTally(f.agencies)}</td></tr>
              <tr><td>Doanh nghiệp</td><td>{formatTally(f.enterprises)}</td></tr>
              <tr><td>Cơ sở giáo dục</td><td>{formatTally(f.schools)}</td></tr>
              <tr><td>Mô hình tự quản</td><td>{f.models === null ? NOT_REPORTED : formatCount(f.models)}{density !== null && ` (${formatCount(Math.round(density * 10) / 10)}/10.000 dân)`}</td></tr>
            </tbody>
          </table>
        </>
      )}
      <h3>Qua các năm</h3>
      <TrendChart points={trend} format={(v) => formatMetric(v, metric, denominator)} label={`Diễn biến ${metric === 'rate' ? 'tỷ lệ khu dân cư đạt chuẩn' : 'mật độ mô hình'}`} />
      <table className="history">
        <thead>
          <tr><th>Năm</th><th>Tình trạng</th><th>Khu dân cư đạt</th><th>Mô hình</th></tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.year} className={h.year === year ? 'current' : ''}>
              <td title={h.method === 'crosswalk' && h.figures.predecessors ? rollupLabel(h.figures.predecessors) : undefined}>{h.year}{h.method === 'crosswalk' ? '*' : ''}</td>
              <td><StatusChip status={h.figures.status} /></td>
              <td>{h.figures.residential === null ? NOT_REPORTED : formatPercent(rate(h.figures.residential))}</td>
              <td>{h.figures.models === null ? NOT_REPORTED : formatCount(h.figures.models)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.some((h) => h.method === 'crosswalk') && (
        <p className="muted small">
          * quy đổi từ các xã cũ trước sắp xếp 01/7/2025 ({history.filter((h) => h.method === 'crosswalk' && h.figures.predecessors).map((h) => `${h.year}: ${rollupLabel(h.figures.predecessors!)}`).at(-1)}): xã mới đạt khi mọi xã cũ đều đạt
        </p>
      )}
      {predecessors.length > 0 && (
        <>
          <h3>Hình thành từ {predecessors.length} xã cũ</h3>
          <ul className="predecessors">
            {predecessors.map((p) => (
              <li key={p.code}>
                <span>{p.fullName}</span>
                <span className="muted small">
                  {p.district ? ` (${p.district})` : ''}
                  {p.relation === 'partial' ? ` · một phần (${formatPercent(p.weight)})` : ''}
                </span>
                <StatusChip status={p.statuses[Math.min(year, 2024)] ?? null} />
              </li>
            ))}
          </ul>
          <p className="muted small">Tình trạng của xã cũ năm {Math.min(year, 2024)}.</p>
        </>
      )}
    </>
  );
}

/** "báo cáo 87/120 xã" under an area's figure when some communes did not report it. */
function Coverage({ a, f }: { a: Aggregate; f: ReportedFigure }) {
  const c = coverage(a, f);
  return c ? <div className="muted small">{c}</div> : null;
}

function AreaDetail({ detail, year, metric, denominator, rank }: SectionProps<'area'>) {
  const { unit, history } = detail;
  const current = history.find((h) => h.year === year)?.total;
  // A year before the reform is the area's old communes as reported (shared/domain/previousYear), never the roll-up.
  const label = (h: (typeof history)[number]) => basisLabel(h.basis, { oldUnits: h.oldUnits?.communes, split: h.oldUnits?.split });
  const trend = history.map((h) => ({ year: h.year, value: metricValue(h.total, metric, denominator), estimated: h.basis !== 'reported', note: label(h) || undefined }));
  const shown = history.find((h) => h.year === year);
  return (
    <>
      <h2>{unit.fullName}</h2>
      <p className="muted">mã {unit.code}</p>
      {detail.dataLabel && <p className="sample-note">{detail.dataLabel}</p>}
      <RankLine rank={rank} />
      {current && (
        <>
          <h3>Năm {year}</h3>
          <table className="figures">
            <tbody>
              <tr><td>Xã, phường đạt chuẩn</td><td>{formatTally({ total: current.communes.total - current.communes.noData, certified: current.communes.certified })}</td></tr>
              {Object.entries(current.communes.byType).map(([type, t]) => (
                <tr key={type}><td className="indent">{type}{shown?.basis === 'old-units' ? ' (xã cũ)' : ''}</td><td>{formatTally(t)}</td></tr>
              ))}
              <tr><td>Chưa đạt / chưa đánh giá</td><td>{formatCount(current.communes.notCertified)} / {formatCount(current.communes.notAssessed)}</td></tr>
              <tr><td>Khu dân cư</td><td>{formatTally(current.residential)}<Coverage a={current} f="residential" /></td></tr>
              <tr><td>Cơ quan</td><td>{formatTally(current.agencies)}<Coverage a={current} f="agencies" /></td></tr>
              <tr><td>Doanh nghiệp</td><td>{formatTally(current.enterprises)}<Coverage a={current} f="enterprises" /></td></tr>
              <tr><td>Cơ sở giáo dục</td><td>{formatTally(current.schools)}<Coverage a={current} f="schools" /></td></tr>
              <tr><td>Mô hình tự quản</td><td>{formatCount(current.models)} ({formatMetric(metricValue(current, 'density', 'population'), 'density', 'population')})<Coverage a={current} f="models" /></td></tr>
              <tr><td>Địa bàn trọng điểm</td><td>{formatCount(current.keyAreas)}<Coverage a={current} f="keyArea" /></td></tr>
              <tr><td>Điểm nóng</td><td>{formatCount(current.hotSpots)}<Coverage a={current} f="hotSpot" /></td></tr>
            </tbody>
          </table>
          <p className="muted small type-source">
            {shown?.basis === 'old-units' ? `Năm ${year}: ${label(shown)}. ` : ''}
            {unitTypeSource(shown?.basis === 'old-units' ? 'pre2025' : detail.vintage)}.
          </p>
        </>
      )}
      <h3>Qua các năm</h3>
      <TrendChart points={trend} format={(v) => formatMetric(v, metric, denominator)} label="Diễn biến qua các năm" />
      <table className="history">
        <thead>
          <tr><th>Năm</th><th>Xã đạt</th><th>Khu dân cư đạt</th><th>Mô hình</th></tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.year} className={h.year === year ? 'current' : ''}>
              <td title={label(h) || undefined}>{h.year}{h.basis !== 'reported' ? '*' : ''}</td>
              <td>{formatPercent(metricValue(h.total, 'rate', 'population'))}</td>
              <td>{formatPercent(h.total.rates.residential)}</td>
              <td>{formatCount(h.total.models)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.some((h) => h.basis === 'old-units') && <p className="muted small">* số liệu báo cáo của các xã cũ hợp thành, trước sắp xếp 01/7/2025 (không quy đổi)</p>}
    </>
  );
}
