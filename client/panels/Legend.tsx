import { useEffect, useEffectEvent, useState } from 'react';
import { CLASS_METHODS, CLASS_METHOD_LABELS, MAX_CLASSES, MIN_CLASSES, type ClassMethod } from '../../shared/lib/classify.js';
import { formatCount } from '../../shared/lib/format.js';
import type { LegendModel } from '../../shared/lib/legendModel.js';
import { LegendTitle, useLegendOpen } from './LegendFold.js';

interface Props {
  model: LegendModel;
  title: string;
  method: ClassMethod;
  k: number;
  note: string | null;
  /** Null when another legend on screen already gives it. */
  source: string | null;
  onClassing: (patch: { method?: ClassMethod; k?: number; breaks?: number[] }) => void;
  /** Tells a second map's legend apart (placement and screen readers). */
  second?: boolean;
}

const HIST_W = 260;
const HIST_H = 44;

/** The legend: each class with its range and count, "no data" apart, and for numbers a histogram and the classing. */
export function Legend({ model, title, method, k, note, source, onClassing, second }: Props) {
  const numeric = model.kind !== 'categorical';
  const [open, setOpen] = useLegendOpen();
  return (
    <section className={`legend${second ? ' legend-second' : ''}${open ? '' : ' folded'}`} aria-label={second ? 'Chú giải bản đồ so sánh' : 'Chú giải'}>
      <LegendTitle title={title} open={open} onToggle={() => setOpen(!open)} />
      <div className="legend-body" hidden={!open}>
        {numeric && <Histogram model={model} />}
        <ul>
          {model.entries.map((c) => (
            <li key={c.id} data-class={c.id}>
              <span className={c.hatched ? 'swatch hatched' : 'swatch'} style={{ background: c.hatched ? undefined : c.color }} />
              <span className="label">{c.label}</span>
              <span className="count">{formatCount(c.count)}</span>
            </li>
          ))}
        </ul>
        {numeric && (
          <div className="classing">
            <label>
              Phân lớp
              <select value={method} onChange={(e) => onClassing({ method: e.target.value as ClassMethod, ...(e.target.value === 'manual' ? { breaks: model.breaks } : {}) })}>
                {CLASS_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {CLASS_METHOD_LABELS[m]}
                  </option>
                ))}
              </select>
            </label>
            {method !== 'manual' ? (
              <>
                <label>
                  Số lớp
                  <select value={k} onChange={(e) => onClassing({ k: Number(e.target.value) })}>
                    {Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => i + MIN_CLASSES).map((n) => (
                      <option key={n}>{n}</option>
                    ))}
                  </select>
                </label>
                <button title="Giữ nguyên các ngưỡng này khi đổi năm hoặc vùng xem" onClick={() => onClassing({ method: 'manual', breaks: model.breaks })}>
                  Cố định ngưỡng
                </button>
              </>
            ) : (
              <BreaksEditor breaks={model.breaks} percent={model.unit === '%'} onChange={(breaks) => onClassing({ breaks })} />
            )}
          </div>
        )}
        {note && <p className="note">{note}</p>}
        {source && <p className="source">{source}</p>}
      </div>
    </section>
  );
}

function Histogram({ model }: { model: LegendModel }) {
  const max = Math.max(1, ...model.histogram.map((b) => b.count));
  const w = HIST_W / Math.max(1, model.histogram.length);
  return (
    <svg className="histogram" width={HIST_W} height={HIST_H} role="img" aria-label="Phân bố giá trị">
      {model.histogram.map((b, i) => {
        const h = Math.max(b.count ? 1 : 0, (b.count / max) * (HIST_H - 2));
        return <rect key={i} x={i * w} y={HIST_H - h} width={Math.max(1, w - 1)} height={h} fill={b.color} stroke="rgba(0,0,0,0.25)" strokeWidth={0.5} />;
      })}
    </svg>
  );
}

/** Editable thresholds; rates are typed in percent. Applied when a field loses focus or on Enter. */
function BreaksEditor({ breaks, percent, onChange }: { breaks: number[]; percent: boolean; onChange: (b: number[]) => void }) {
  const show = (b: number) => String(+(percent ? b * 100 : b).toPrecision(4)).replace('.', ',');
  const [text, setText] = useState(breaks.map(show).join('; '));
  const key = breaks.join(',');
  // A new set of breaks from outside (another metric, a fixed classing) replaces what is being typed.
  const reset = useEffectEvent(() => setText(breaks.map(show).join('; ')));
  useEffect(() => reset(), [key]);
  const apply = () => {
    const parsed = text
      .split(/[;\s]+/)
      .filter(Boolean)
      .map((t) => Number(t.replace(',', '.')) / (percent ? 100 : 1));
    if (parsed.length >= 1 && parsed.every(Number.isFinite)) onChange(parsed);
  };
  return (
    <label className="breaks">
      Ngưỡng{percent ? ' (%)' : ''}
      <input
        value={text}
        aria-label="Các ngưỡng phân lớp, cách nhau bởi dấu chấm phẩy"
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
      />
    </label>
  );
}
