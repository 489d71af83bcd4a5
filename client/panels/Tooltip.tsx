import type { HoverInfo } from '../map/MapView.js';

interface Props {
  hover: HoverInfo;
  provinceName: string;
  /** The unit's value on the map, formatted with its unit ("Đạt", "94,75%", "2,3 mô hình/10.000 dân"). */
  value: string;
  color: string | null;
  caption: string;
}

export function Tooltip({ hover, provinceName, value, color, caption }: Props) {
  const { x, y } = hover;
  return (
    // A status, not a tooltip: read as it changes, also when the keyboard moves the map and this names the unit at its centre.
    <div className="tooltip" style={{ left: x + 14, top: y + 14 }} role="status" aria-live="polite">
      <strong>{hover.kind === 'province' ? provinceName : `${hover.type ?? ''} ${hover.name}`.trim()}</strong>
      {hover.kind === 'commune' && <div className="muted">{provinceName}</div>}
      <div>
        <span className="dot" style={{ background: color ?? '#bbb' }} />
        {value}
      </div>
      <div className="muted small">{caption}</div>
    </div>
  );
}
