import { DENOMINATORS, DENOMINATOR_LABELS, type MetricId } from '../../server/domain/metrics.js';
import { metricLabel } from '../lib/compare.js';
import type { MapLevel, ViewState } from '../state/view.js';

interface Props {
  view: ViewState;
  years: number[];
  year: number;
  onChange: (patch: Partial<ViewState>) => void;
}

/** Level, metric, density denominator and "change since" — the questions the map answers. */
export function MetricControl({ view, years, year, onChange }: Props) {
  const metrics: MetricId[] = view.level === 'province' && !view.province ? ['rate', 'density'] : ['status', 'rate', 'density'];
  return (
    <div className="metric-control">
      <label>
        Cấp
        <select
          value={view.level}
          onChange={(e) => {
            const level = e.target.value as MapLevel;
            onChange({ level, province: null, unit: null, ...(level === 'province' && view.metric === 'status' ? { metric: 'rate' } : {}) });
          }}
        >
          <option value="province">Tỉnh, thành phố</option>
          <option value="commune">Xã, phường</option>
        </select>
      </label>
      <label>
        Chỉ tiêu
        <select value={view.metric} onChange={(e) => onChange({ metric: e.target.value as MetricId, breaks: [], method: view.method === 'manual' ? 'quantile' : view.method })}>
          {metrics.map((m) => (
            <option key={m} value={m}>
              {metricLabel(m, view.level === 'province' && !view.province)}
            </option>
          ))}
        </select>
      </label>
      {view.metric === 'density' && (
        <label>
          Tính
          <select value={view.denominator} onChange={(e) => onChange({ denominator: e.target.value as ViewState['denominator'], breaks: [] })}>
            {DENOMINATORS.map((d) => (
              <option key={d} value={d}>
                {DENOMINATOR_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Thay đổi so với
        <select value={view.changeFrom ?? ''} onChange={(e) => onChange({ changeFrom: e.target.value ? Number(e.target.value) : null, breaks: [], method: view.method === 'manual' ? 'quantile' : view.method })}>
          <option value="">— (giá trị năm {year})</option>
          {years
            .filter((y) => y < year)
            .map((y) => (
              <option key={y} value={y}>
                năm {y}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
