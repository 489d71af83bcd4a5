import type { MapLevel, ViewState } from '../../shared/domain/view.js';
import { metricAtLevel } from '../../shared/domain/metrics.js';
import { MetricSelect } from './MetricSelect.js';

interface Props {
  view: ViewState;
  years: number[];
  year: number;
  onChange: (patch: Partial<ViewState>) => void;
}

/** Level, metric, density denominator and "change since" — the questions the map answers. */
export function MetricControl({ view, years, year, onChange }: Props) {
  return (
    <div className="metric-control">
      <label>
        Cấp
        <select
          value={view.level}
          onChange={(e) => {
            const level = e.target.value as MapLevel;
            onChange({ level, province: null, unit: null, ...(level === 'province' ? { metric: metricAtLevel(view.metric, true) } : {}) });
          }}
        >
          <option value="province">Tỉnh, thành phố</option>
          <option value="commune">Xã, phường</option>
        </select>
      </label>
      <label>
        Chỉ tiêu
        <MetricSelect
          metric={view.metric}
          denominator={view.denominator}
          provinceLevel={view.level === 'province' && !view.province}
          onChange={(metric, denominator) => onChange({ metric, ...(denominator ? { denominator } : {}), breaks: [], method: view.method === 'manual' ? 'quantile' : view.method })}
        />
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
