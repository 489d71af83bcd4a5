import { useRef, type PointerEvent } from 'react';
import { swipeAtPointer, swipeKey } from '../lib/swipe.js';

interface Props {
  /** Where the divider is, as a fraction of the stage's width. */
  at: number;
  /** While dragging (final false: shown, not yet kept) and when let go or moved by key (final true). */
  onChange: (at: number, final: boolean) => void;
  /** What lies on either side, read out with the position. */
  left: string;
  right: string;
}

/** The swipe divider between two stacked maps: dragged with a pointer, or focused and moved with the arrow keys. */
export function SwipeDivider({ at, onChange, left, right }: Props) {
  const dragging = useRef(false);
  const position = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.parentElement!.getBoundingClientRect();
    return swipeAtPointer(e.clientX, r.left, r.width);
  };
  return (
    <div
      className="swipe-divider"
      role="separator"
      aria-orientation="vertical"
      aria-label="Đường chia hai bản đồ (kéo, hoặc dùng phím mũi tên)"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(at * 100)}
      aria-valuetext={`Bên trái ${left}, bên phải ${right}; đường chia ở ${Math.round(at * 100)}% bề ngang`}
      tabIndex={0}
      style={{ left: `${at * 100}%` }}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => dragging.current && onChange(position(e), false)}
      onPointerUp={(e) => {
        if (!dragging.current) return;
        dragging.current = false;
        onChange(position(e), true);
      }}
      onKeyDown={(e) => {
        const next = swipeKey(at, e.key);
        if (next === null) return;
        e.preventDefault();
        onChange(next, true);
      }}
    >
      <span className="swipe-handle" aria-hidden="true">
        ◀▶
      </span>
    </div>
  );
}
