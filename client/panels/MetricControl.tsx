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
  const provinceLevel = view.level === 'province' && !view.province;
  const metrics: MetricId[] = provinceLevel ? ['rate', 'density'] : ['status', 'rate', 'density'];
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
        {/* Density's denominator is part of the choice: one list whose width never changes, so the toolbar does not
            wrap (and the map resize) when density is chosen. */}
        <select
          value={view.metric === 'density' ? `density:${view.denominator}` : view.metric}
          onChange={(e) => {
            const [metric, denominator] = e.target.value.split(':') as [MetricId, ViewState['denominator'] | undefined];
            onChange({ metric, ...(denominator ? { denominator } : {}), breaks: [], method: view.method === 'manual' ? 'quantile' : view.method });
          }}
        >
          {metrics.flatMap((m) =>
            m === 'density'
              ? DENOMINATORS.map((d) => (
                  <option key={d} value={`density:${d}`}>
                    {metricLabel(m, provinceLevel)} {DENOMINATOR_LABELS[d]}
                  </option>
                ))
              : [
                  <option key={m} value={m}>
                    {metricLabel(m, provinceLevel)}
                  </option>,
                ],
          )}
        </select>
      </label>
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
