import { useEffect, useRef, type ReactNode } from 'react';
import { useEscape } from '../state/useEscape.js';

interface Props {
  open: boolean;
  label: string;
  onClose: () => void;
  id?: string;
  className?: string;
  children: ReactNode;
}

/**
 * A sheet that slides over the map on a phone (the controls): closed with its button or Escape. It stays mounted while
 * closed, so that what it holds keeps its state (an export running, a half-typed search). Opening moves the focus in.
 */
export function Sheet({ open, label, onClose, id, className, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEscape(onClose, open);
  useEffect(() => {
    if (open) box.current?.focus();
  }, [open]);
  return (
    <div id={id} ref={box} className={className ? `sheet ${className}` : 'sheet'} role="dialog" aria-label={label} tabIndex={-1} hidden={!open}>
      <div className="sheet-head">
        <strong>{label}</strong>
        <button className="sheet-close" onClick={onClose} aria-label={`Đóng ${label.toLowerCase()}`}>
          ×
        </button>
      </div>
      <div className="sheet-body">{children}</div>
    </div>
  );
}
