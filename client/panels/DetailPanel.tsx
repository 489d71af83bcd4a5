import { NO_DATA_LABEL, STATUS_LABELS } from '../../server/domain/labels.js';
import type { Status } from '../../server/domain/types.js';
import type { UnitDetailResponse } from '../api.js';
import { formatArea, formatCount, formatPercent, formatTally } from '../lib/format.js';
import { STATUS_COLORS } from '../lib/statusClasses.js';

interface Props {
  detail: UnitDetailResponse | null;
  error: string | null;
  year: number;
  onClose: () => void;
}

function StatusChip({ status }: { status: Status | null }) {
  return (
    <span className={`chip ${status ?? 'no_data'}`} style={status ? { background: STATUS_COLORS[status] } : undefined}>
      {status ? STATUS_LABELS[status] : NO_DATA_LABEL}
    </span>
  );
}

export function DetailPanel({ detail, error, year, onClose }: Props) {
  return (
    <aside className="panel" aria-label="Thông tin đơn vị">
      <button className="close" onClick={onClose} aria-label="Đóng">
        ×
      </button>
      {error && <p className="error">{error}</p>}
      {!detail && !error && <p className="muted">Đang tải…</p>}
      {detail && detail.kind === 'commune' && <CommuneDetail detail={detail} year={year} />}
    </aside>
  );
}

function CommuneDetail({ detail, year }: { detail: Extract<UnitDetailResponse, { kind: 'commune' }>; year: number }) {
  const { unit, province, district, history, predecessors } = detail;
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
          {current.method === 'crosswalk' && f.predecessors && (
            <p className="muted small">
              Quy đổi từ {f.predecessors.total} xã cũ: {f.predecessors.certified} đạt, {f.predecessors.notCertified} chưa đạt
              {f.predecessors.notAssessed + f.predecessors.noData > 0 &&
                `, ${f.predecessors.notAssessed + f.predecessors.noData} chưa đánh giá hoặc không có số liệu`}
              {f.predecessors.partial > 0 && ` (${f.predecessors.partial} xã cũ nhập một phần, số liệu phân bổ theo diện tích)`}
            </p>
          )}
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
              <tr><td>Mô hình tự quản</td><td>{formatCount(f.models)}{density !== null && ` (${formatCount(Math.round(density * 10) / 10)}/10.000 dân)`}</td></tr>
            </tbody>
          </table>
        </>
      )}
      <h3>Qua các năm</h3>
      <table className="history">
        <thead>
          <tr><th>Năm</th><th>Tình trạng</th><th>Khu dân cư đạt</th><th>Mô hình</th></tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.year} className={h.year === year ? 'current' : ''}>
              <td>{h.year}{h.method === 'crosswalk' ? '*' : ''}</td>
              <td><StatusChip status={h.figures.status} /></td>
              <td>{formatPercent(h.figures.residential.total ? h.figures.residential.certified / h.figures.residential.total : null)}</td>
              <td>{formatCount(h.figures.models)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.some((h) => h.method === 'crosswalk') && <p className="muted small">* quy đổi từ các xã cũ trước sáp nhập 01/7/2025</p>}
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
