import { metricAtLevel, type MetricId } from '../../shared/domain/metrics.js';
import { DEFAULT_VIEW, type ViewState } from '../../shared/domain/view.js';
import { MetricSelect } from './MetricSelect.js';

interface Props {
  view: ViewState;
  years: number[];
  /** The first map's metric and denominator as shown (status becomes a rate for provinces). */
  metric: MetricId;
  provinceLevel: boolean;
  /** A change is already a comparison of two years: no second map then. */
  disabled: boolean;
  onChange: (patch: Partial<ViewState>) => void;
}

/** Turning the second map off forgets its settings, so that the next comparison starts plain. */
const OFF: Partial<ViewState> = {
  compareYear: null,
  compareMetric: null,
  compareDenominator: DEFAULT_VIEW.compareDenominator,
  compareMethod: DEFAULT_VIEW.compareMethod,
  compareK: DEFAULT_VIEW.compareK,
  compareBreaks: [],
  swipe: null,
};

/** A second map beside (or under a swipe divider over) the first: another year, another metric, or both. */
export function CompareControl({ view, years, metric, provinceLevel, disabled, onChange }: Props) {
  const on = view.compareYear !== null && !disabled;
  const compareMetric = metricAtLevel(view.compareMetric, provinceLevel) ?? metric;
  // A new metric starts from computed breaks: typed ones were in another unit.
  const ownClassing = { compareBreaks: [], compareMethod: view.compareMethod === 'manual' ? DEFAULT_VIEW.compareMethod : view.compareMethod };
  return (
    <div className="compare-control" role="group" aria-label="So sánh hai bản đồ" title={disabled ? 'Tắt "Thay đổi so với" để so sánh hai bản đồ' : undefined}>
      <label>
        So sánh với
        <select
          aria-label="So sánh với năm"
          disabled={disabled}
          value={on ? String(view.compareYear) : ''}
          onChange={(e) => onChange(e.target.value ? { compareYear: Number(e.target.value) } : OFF)}
        >
          <option value="">—</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {on && (
        <>
          <MetricSelect
            label="Chỉ tiêu của bản đồ so sánh"
            metric={compareMetric}
            denominator={view.compareMetric === null ? view.denominator : view.compareDenominator}
            provinceLevel={provinceLevel}
            onChange={(m, d) => onChange({ compareMetric: m, ...(d ? { compareDenominator: d } : {}), ...ownClassing })}
          />
          <div role="radiogroup" aria-label="Cách so sánh" className="compare-mode">
            <button role="radio" aria-checked={view.swipe === null} className={view.swipe === null ? 'on' : ''} onClick={() => onChange({ swipe: null })}>
              Cạnh nhau
            </button>
            <button
              role="radio"
              aria-checked={view.swipe !== null}
              className={view.swipe !== null ? 'on' : ''}
              title="Hai bản đồ chồng lên nhau, kéo đường chia để xem bên này hay bên kia"
              onClick={() => onChange({ swipe: view.swipe ?? 0.5 })}
            >
              Trượt
            </button>
          </div>
        </>
      )}
    </div>
  );
}
