import { DENOMINATORS, DENOMINATOR_LABELS, type Denominator, type MetricId } from '../../shared/domain/metrics.js';
import { metricLabel } from '../lib/compare.js';

interface Props {
  metric: MetricId;
  denominator: Denominator;
  /** The national province view: no status (a province has none), and rate is the share of communes. */
  provinceLevel: boolean;
  label?: string;
  onChange: (metric: MetricId, denominator: Denominator | null) => void;
}

/**
 * What a map shows, as one list: density's denominator is part of the choice ("Mật độ mô hình tự quản trên km²"), so
 * the list's width never changes and the toolbar does not wrap (and resize the map) when density is chosen.
 */
export function MetricSelect({ metric, denominator, provinceLevel, label, onChange }: Props) {
  const metrics: MetricId[] = provinceLevel ? ['rate', 'density'] : ['status', 'rate', 'density'];
  return (
    <select
      aria-label={label}
      value={metric === 'density' ? `density:${denominator}` : metric}
      onChange={(e) => {
        const [m, d] = e.target.value.split(':') as [MetricId, Denominator | undefined];
        onChange(m, d ?? null);
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
  );
}
