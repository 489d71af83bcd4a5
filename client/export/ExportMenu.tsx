import { useState } from 'react';
import { downloadExport, type ExportInput } from './compose.js';
import { EXPORT_SCALES, MAX_EXPORT } from './layout.js';

interface Props {
  /** What to export, or null while the map is not ready. */
  input: (() => Omit<ExportInput, 'scale'> | null) | null;
  filename: (scale: number) => string;
}

/** "Xuất ảnh": a print-ready PNG of the map at 1×, 2× or 4× (capped at 3840 × 2160). */
export function ExportMenu({ input, filename }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (scale: number) => {
    const base = input?.();
    if (!base) return setError('Bản đồ chưa sẵn sàng.');
    setBusy(true);
    setError(null);
    try {
      await downloadExport({ ...base, scale }, filename(scale));
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-menu">
      <button aria-expanded={open} aria-haspopup="menu" disabled={!input} onClick={() => setOpen(!open)}>
        {busy ? 'Đang xuất ảnh…' : 'Xuất ảnh'}
      </button>
      {open && (
        <div role="menu" className="export-options" aria-label="Độ phân giải ảnh">
          {EXPORT_SCALES.map((s) => (
            <button
              key={s}
              role="menuitem"
              disabled={busy}
              title={s === 4 ? `Tối đa ${MAX_EXPORT.width}×${MAX_EXPORT.height} điểm ảnh` : undefined}
              onClick={() => void run(s)}
            >
              PNG {s}×
            </button>
          ))}
          {error && <p className="error">{error}</p>}
        </div>
      )}
    </div>
  );
}
