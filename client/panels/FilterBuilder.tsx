import { cellLabel } from '../../shared/domain/bivariate.js';
import { NO_DATA_LABEL, STATUS_LABELS } from '../../shared/domain/labels.js';
import { STATUSES } from '../../shared/domain/types.js';
import { REASON_LABELS, REQUIRABLE, type StatusFilter } from '../../shared/domain/worklist.js';
import { ProvinceSelect } from './ProvinceSelect.js';
import { DEFAULT_PLAN, toggle, type PlanCriteria } from '../lib/worklistQuery.js';

interface Props {
  criteria: PlanCriteria;
  year: number;
  years: number[];
  provinces: { code: string; fullName: string }[];
  onChange: (c: PlanCriteria) => void;
}

const TYPES = ['Xã', 'Phường', 'Đặc khu'];
const STATUS_FILTERS: { id: StatusFilter; label: string }[] = [...STATUSES.map((id) => ({ id, label: STATUS_LABELS[id] })), { id: 'none', label: NO_DATA_LABEL }];
const DENSITY_RULES = [
  ['median', 'dưới trung vị của tỉnh'],
  ['p10', 'dưới phân vị 10 toàn quốc'],
  ['p25', 'dưới phân vị 25 toàn quốc'],
  ['p50', 'dưới trung vị toàn quốc'],
] as const;

/** The worklist's criteria: scope (province, type, status), comparison year, density rule, required reasons, score. */
export function FilterBuilder({ criteria: c, year, years, provinces, onChange }: Props) {
  const set = (p: Partial<PlanCriteria>) => onChange({ ...c, ...p });
  const earlier = years.filter((y) => y < year);
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Tiêu chí lọc">
      <ProvinceSelect name="province" provinces={provinces} value={c.province} national="Toàn quốc" onChange={(province) => set({ province })} />
      <fieldset>
        <legend>Loại đơn vị</legend>
        {TYPES.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={c.types.includes(t)} onChange={(e) => set({ types: toggle(c.types, t, e.target.checked) })} />
            {t}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Tình trạng năm {year}</legend>
        {STATUS_FILTERS.map((s) => (
          <label key={s.id} className="check">
            <input type="checkbox" name={`status-${s.id}`} checked={c.statuses.includes(s.id)} onChange={(e) => set({ statuses: toggle(c.statuses, s.id, e.target.checked) })} />
            {s.label}
          </label>
        ))}
      </fieldset>
      <div className="filters-row">
        <label>
          So với năm
          <select name="since" value={c.since !== null && c.since < year ? c.since : year - 1} onChange={(e) => set({ since: Number(e.target.value) })} disabled={!earlier.length}>
            {earlier.length === 0 && <option value={year - 1}>{year - 1}</option>}
            {earlier.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mật độ mô hình thấp
          <select name="density" value={c.density} onChange={(e) => set({ density: e.target.value })}>
            {DENSITY_RULES.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>
          Chỉ giữ xã{' '}
          <select name="match" value={c.match} onChange={(e) => set({ match: e.target.value as PlanCriteria['match'] })} aria-label="Cách kết hợp">
            <option value="all">có đủ các lý do</option>
            <option value="any">có ít nhất một lý do</option>
          </select>
        </legend>
        {REQUIRABLE.map((id) => (
          <label key={id} className="check">
            <input type="checkbox" name={`require-${id}`} checked={c.require.includes(id)} onChange={(e) => set({ require: toggle(c.require, id, e.target.checked) })} />
            {REASON_LABELS[id]}
          </label>
        ))}
      </fieldset>
      <div className="filters-row">
        <label>
          Điểm tối thiểu
          <input name="minScore" type="number" min={0} max={30} value={c.minScore} onChange={(e) => set({ minScore: Math.max(0, Math.min(30, Math.round(Number(e.target.value) || 0))) })} />
        </label>
        <button type="button" onClick={() => onChange({ ...DEFAULT_PLAN, cert: c.cert })}>
          Đặt lại tiêu chí
        </button>
      </div>
      {c.cell && (
        <p className="cell-filter">
          Ô chú giải: <strong>{cellLabel(c.cell, c.cert)}</strong>{' '}
          <button type="button" onClick={() => set({ cell: null, minScore: DEFAULT_PLAN.minScore })}>
            Bỏ lọc
          </button>
        </p>
      )}
    </form>
  );
}
