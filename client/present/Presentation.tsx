import { useEffect, type KeyboardEvent as KeyEvent } from 'react';
import { keyFigures, type YearTotal } from '../../shared/export/keyFigures.js';

export const defaultTitle = (year: number) => `Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm ${year}`;
export const defaultSubtitle = (place: string) => `Xã, phường, đặc khu đạt tiêu chuẩn "An toàn về an ninh, trật tự" – ${place}`;

/** Full screen when the browser allows it; otherwise the page already fills the window. */
export function enterFullscreen(): void {
  const el = document.documentElement;
  if (!document.fullscreenElement && el.requestFullscreen) el.requestFullscreen().catch(() => undefined);
}

interface Props {
  title: string;
  subtitle: string;
  onTitle: (title: string | null, subtitle: string | null) => void;
  now: YearTotal | null;
  before: YearTotal | null;
  sampleLabel: string | null;
  onExit: () => void;
  /** The export menu, shown beside the exit button. */
  children?: React.ReactNode;
}

/** Presentation mode's header: editable title and subtitle, the key figures, and the way out (also Escape). */
export function Presentation({ title, subtitle, onTitle, now, before, sampleLabel, onExit, children }: Props) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onExit();
    };
    // Escape in full screen is taken by the browser, which leaves full screen: leave the mode with it.
    let wasFull = !!document.fullscreenElement;
    const onFull = () => {
      if (wasFull && !document.fullscreenElement) onExit();
      wasFull = !!document.fullscreenElement;
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFull);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFull);
    };
  }, [onExit]);

  const figures = now ? keyFigures(now, before) : [];
  return (
    <header className="present-head">
      <div className="present-titles">
        {/* One line each, wrapped where the screen is narrow (a phone's): text areas that Enter leaves. */}
        <textarea className="present-title" aria-label="Tiêu đề trình chiếu" rows={1} value={title} onChange={(e) => onTitle(oneLine(e.target.value), null)} onKeyDown={leaveOnEnter} />
        <textarea className="present-subtitle" aria-label="Phụ đề trình chiếu" rows={1} value={subtitle} onChange={(e) => onTitle(null, oneLine(e.target.value))} onKeyDown={leaveOnEnter} />
      </div>
      <div className="present-actions">
        {sampleLabel && <div className="sample-badge">{sampleLabel}</div>}
        {children}
        <button className="present-exit" onClick={onExit} title="Thoát chế độ trình chiếu (Esc)">
          Thoát trình chiếu
        </button>
      </div>
      <dl className="key-figures" aria-label="Số liệu chính">
        {figures.map((f) => (
          <div key={f.id} data-figure={f.id}>
            <dt>{f.label}</dt>
            <dd>
              <strong>{f.value}</strong> <span>{f.detail}</span>
            </dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');
function leaveOnEnter(e: KeyEvent<HTMLTextAreaElement>) {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  e.currentTarget.blur();
}
