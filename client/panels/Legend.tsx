import { formatCount } from '../lib/format.js';
import type { LegendClass } from '../lib/statusClasses.js';

interface Props {
  title: string;
  classes: LegendClass[];
  note: string | null;
  source: string;
}

export function Legend({ title, classes, note, source }: Props) {
  return (
    <section className="legend" aria-label="Chú giải">
      <h2>{title}</h2>
      <ul>
        {classes.map((c) => (
          <li key={c.id} data-class={c.id}>
            <span className={c.hatched ? 'swatch hatched' : 'swatch'} style={{ background: c.hatched ? undefined : c.color }} />
            <span className="label">{c.label}</span>
            <span className="count">{formatCount(c.count)}</span>
          </li>
        ))}
      </ul>
      {note && <p className="note">{note}</p>}
      <p className="source">{source}</p>
    </section>
  );
}
