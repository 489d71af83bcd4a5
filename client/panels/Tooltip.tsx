import { STATUS_LABELS, NO_DATA_LABEL } from '../../server/domain/labels.js';
import type { Status } from '../../server/domain/types.js';
import type { HoverInfo } from '../map/MapView.js';
import { STATUS_COLORS } from '../lib/statusClasses.js';

interface Props {
  hover: HoverInfo;
  provinceName: string;
  status: Status | null;
  year: number;
}

export function Tooltip({ hover, provinceName, status, year }: Props) {
  const { props, x, y } = hover;
  return (
    <div className="tooltip" style={{ left: x + 14, top: y + 14 }} role="tooltip">
      <strong>
        {props.type} {props.name}
      </strong>
      <div className="muted">{provinceName}</div>
      <div>
        <span className="dot" style={{ background: status ? STATUS_COLORS[status] : '#bbb' }} />
        {status ? STATUS_LABELS[status] : NO_DATA_LABEL} ({year})
      </div>
    </div>
  );
}
