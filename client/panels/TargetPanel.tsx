import { useState } from 'react';
import { NOT_REPORTED, STATUS_LABELS } from '../../shared/domain/labels.js';
import { formatCount, formatPercent } from '../../shared/lib/format.js';
import { fetchTarget, targetDownload, type TargetData } from '../planApi.js';
import { useAsync } from '../state/useData.js';
import { useDataVersion } from '../state/dataVersion.js';
import { ProvinceSelect } from './ProvinceSelect.js';

interface Props {
  year: number;
  provinces: { code: string; fullName: string }[];
  initialProvince: string | null;
  selected: string | null;
  onPick: (code: string) => void;
  onHoverRow: (code: string | null) => void;
}

/** "To reach X % of communes certified, these N communes are the nearest to the standard." */
export function TargetPanel({ year, provinces, initialProvince, selected, onPick, onHoverRow }: Props) {
  const [province, setProvince] = useState(initialProvince ?? provinces[0]?.code ?? '');
  const [targetText, setTargetText] = useState('95');
  const target = Number(targetText.replace(',', '.'));
  const valid = target > 0 && target <= 100;
  const query = { province, year: String(year), target: String(target) };
  const { generation } = useDataVersion();
  const plan = useAsync<TargetData>(province && valid ? () => fetchTarget(query) : null, [province, year, target, generation]);
  const p = plan.value;
  return (
    <div className="target-panel">
      <div className="filters-row">
        <ProvinceSelect name="target-province" provinces={provinces} value={province} onChange={(code) => code && setProvince(code)} />
        <label>
          Mục tiêu (% xã đạt chuẩn)
          <input name="target" inputMode="decimal" value={targetText} onChange={(e) => setTargetText(e.target.value)} aria-invalid={!valid} />
        </label>
      </div>
      {!valid && <p className="error">Nhập tỷ lệ lớn hơn 0 và không quá 100.</p>}
      {plan.error && <p className="error">{plan.error}</p>}
      {p && (
        <>
          <p className={`target-message ${p.outcome}`} role="status">
            {p.message}
          </p>
          {p.communes.length > 0 && (
            <>
              <p className="small muted">{p.measure}</p>
              <div className="exports">
                Xuất danh sách: <a href={targetDownload('xlsx', query)} download>Excel (.xlsx)</a> · <a href={targetDownload('csv', query)} download>CSV</a>
              </div>
              <table className="target-table">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>Xã, phường</th>
                    <th title="Tỷ lệ khu dân cư đã đạt chuẩn">KDC đạt</th>
                    <th title="Tỷ lệ xã, phường đạt chuẩn của tỉnh sau khi xã này đạt">Tỷ lệ tỉnh sau đó</th>
                  </tr>
                </thead>
                <tbody>
                  {p.communes.map((c) => (
                    <tr key={c.code} className={c.code === selected ? 'current' : ''} onClick={() => onPick(c.code)} onMouseEnter={() => onHoverRow(c.code)} onMouseLeave={() => onHoverRow(null)}>
                      <td>{c.rank}</td>
                      <td>
                        <button type="button" className="unit-link" onClick={(e) => (e.stopPropagation(), onPick(c.code))} onFocus={() => onHoverRow(c.code)} onBlur={() => onHoverRow(null)}>
                          {c.type} {c.name}
                        </button>
                        <div className="small muted">
                          {STATUS_LABELS[c.status]}, {c.missingResidential === null ? `khu dân cư: ${NOT_REPORTED}` : `còn ${formatCount(c.missingResidential)} khu dân cư chưa đạt`}{c.keyArea ? ' · địa bàn trọng điểm' : ''}
                        </div>
                      </td>
                      <td>{formatPercent(c.closeness)}</td>
                      <td>{formatPercent(c.projectedRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {p.blocked.length > 0 && (
            <p className="small muted">
              Có điểm nóng, không xét trong năm: {p.blocked.map((b) => `${b.type} ${b.name}`).join(', ')}.
            </p>
          )}
        </>
      )}
    </div>
  );
}
