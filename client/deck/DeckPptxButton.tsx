import { useRef, useState } from 'react';
import { downloadSlides } from '../export/office/officeExport.js';
import { slug } from '../../shared/export/office/slug.js';

interface Props {
  deck: { name: string; slides: readonly { title: string; subtitle: string | null; view: string }[] };
}

/** "Tải PowerPoint": the deck as a .pptx, one slide per saved view, slide by slide with progress and "Hủy". */
export function DeckPptxButton({ deck }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const start = async () => {
    const ctl = new AbortController();
    abort.current = ctl;
    setError(null);
    setBusy('Đang chuẩn bị…');
    try {
      await downloadSlides(`${slug(deck.name) || 'bo-trinh-chieu'}.pptx`, deck.name, deck.slides, (done, of) => setBusy(`Đang tạo trang chiếu ${done}/${of} …`), ctl.signal);
    } catch (e) {
      if (!ctl.signal.aborted) setError(e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = null;
      setBusy(null);
    }
  };
  return (
    <>
      <button disabled={deck.slides.length === 0 || !!busy} onClick={() => void start()} title="Mỗi khung nhìn một trang chiếu 16:9; tiêu đề, số liệu và chú giải sửa được">
        Tải PowerPoint
      </button>
      {busy && (
        <p className="deck-progress" role="status">
          {busy} <button onClick={() => abort.current?.abort()}>Hủy</button>
        </p>
      )}
      {error && <p className="error">{error}</p>}
    </>
  );
}
