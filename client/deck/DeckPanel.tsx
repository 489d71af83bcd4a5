import { useEffect, useState } from 'react';
import type { ViewState } from '../../shared/domain/view.js';
import { useEscape } from '../state/useEscape.js';
import {
  addSlide,
  createDeck,
  deckLink,
  deleteDeck,
  deleteSlide,
  exportUrl,
  fetchDeck,
  importDeck,
  listDecks,
  renameDeck,
  reorderSlides,
  updateSlide,
  whoAmI,
  type Deck,
  type DeckSummary,
  type Me,
} from './deckApi.js';
import { describeSlide, moveItem, slideOfView } from './slides.js';
import { DeckPptxButton } from './DeckPptxButton.js';
import './deck.css';

/** The drag data of a slide moved with the mouse: its index. */
const DRAG_TYPE = 'application/x-antq-slide';

interface Props {
  view: ViewState;
  /** The year and title on screen, saved with the slide. */
  shownYear: number;
  shownTitle: string;
  provinceName: (code: string) => string;
  onPlay: (deckId: number, n: number) => void;
  onClose: () => void;
}

/** Decks of saved views: choose, create, import, and for their owner rename, fill, reorder, export, delete. */
export function DeckPanel({ view, shownYear, shownTitle, provinceName, onPlay, onClose }: Props) {
  const [me, setMe] = useState<Me | null>(null);
  const [decks, setDecks] = useState<DeckSummary[] | null>(null);
  const [deck, setDeck] = useState<Deck | null>(null);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEscape(onClose);

  const refresh = async () => setDecks(await listDecks());
  useEffect(() => {
    whoAmI().then(setMe, (e: Error) => setError(e.message));
    refresh().catch((e: Error) => setError(e.message));
  }, []);

  /** Runs a call with the panel busy; its error is shown, the list reloaded either way. */
  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await what();
    } catch (e) {
      setError((e as Error).message);
      // The deck may have changed elsewhere (another window, another user): show it as it is now.
      if (deck) fetchDeck(deck.id).then(setDeck, () => setDeck(null));
    } finally {
      setBusy(false);
      refresh().catch(() => undefined);
    }
  };
  const open = (id: number) => void run(async () => setDeck(await fetchDeck(id)));
  const canEdit = (d: DeckSummary) => me !== null && (me.role === 'admin' || me.name === d.owner);

  return (
    <aside className="deck-panel" aria-label="Bộ trình chiếu" aria-busy={busy}>
      <button className="close" onClick={onClose} aria-label="Đóng bộ trình chiếu">
        ×
      </button>
      <h2>Bộ trình chiếu</h2>
      <p className="deck-hint">
        Lưu các khung nhìn của bản đồ thành từng trang, rồi trình chiếu theo thứ tự: ← → hoặc Page Up/Page Down (bút trình chiếu), Home/End.
      </p>
      {me === null && (
        <p className="deck-hint">
          Ai cũng xem và trình chiếu được. <a href="/quan-tri">Đăng nhập</a> để tạo, sửa hoặc nhập bộ trình chiếu.
        </p>
      )}
      {error && (
        <p className="deck-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="deck-notice" role="status">
          {notice}
        </p>
      )}

      <ul className="deck-list" aria-label="Các bộ trình chiếu">
        {decks?.length === 0 && <li className="deck-hint">Chưa có bộ trình chiếu nào.</li>}
        {decks?.map((d) => (
          <li key={d.id}>
            <button className={deck?.id === d.id ? 'deck-item current' : 'deck-item'} aria-pressed={deck?.id === d.id} onClick={() => open(d.id)}>
              <strong>{d.name}</strong> <span>
                {d.slideCount} trang{d.owner ? ` · ${d.owner}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>

      {me !== null && (
        <div className="deck-actions">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                setDeck(await createDeck(newName));
                setNewName('');
              });
            }}
          >
            <input aria-label="Tên bộ trình chiếu mới" placeholder="Tên bộ mới, ví dụ: Hội nghị tổng kết 2025" value={newName} onChange={(e) => setNewName(e.target.value)} />
            <button type="submit" disabled={busy}>
              Tạo bộ mới
            </button>
          </form>
          <label className="deck-import">
            <span className="button">Nhập từ tệp JSON…</span>
            <span className="deck-hint">tệp đã xuất từ cổng bản đồ này hoặc máy khác</span>
            <input
              type="file"
              accept=".json,application/json"
              aria-label="Nhập bộ trình chiếu từ tệp JSON"
              onChange={(e) => {
                const input = e.currentTarget;
                const file = input.files?.[0];
                if (!file) return;
                void run(async () => {
                  const d = await importDeck(await file.text());
                  setDeck(d);
                  setNotice(`Đã nhập bộ "${d.name}" (${d.slides.length} trang) từ ${file.name}`);
                }).finally(() => (input.value = ''));
              }}
            />
          </label>
        </div>
      )}

      {deck && <DeckEditor key={deck.id} deck={deck} editable={canEdit(deck)} busy={busy} run={run} setDeck={setDeck} {...{ view, shownYear, shownTitle, provinceName, onPlay }} />}
    </aside>
  );
}

interface EditorProps extends Omit<Props, 'onClose'> {
  deck: Deck;
  editable: boolean;
  busy: boolean;
  run: (what: () => Promise<void>) => Promise<void>;
  setDeck: (d: Deck | null) => void;
}

function DeckEditor({ deck, editable, busy, run, setDeck, view, shownYear, shownTitle, provinceName, onPlay }: EditorProps) {
  const [name, setName] = useState(deck.name);
  const move = (from: number, to: number) => {
    if (to === from) return;
    const order = moveItem(deck.slides.map((s) => s.id), from, to);
    void run(async () => setDeck(await reorderSlides(deck.id, order)));
  };

  return (
    <section className="deck-editor" aria-label={`Bộ "${deck.name}"`}>
      {editable ? (
        <form
          className="deck-rename"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => setDeck(await renameDeck(deck.id, name)));
          }}
        >
          <input aria-label="Tên bộ trình chiếu" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={busy || name === deck.name}>
            Đổi tên
          </button>
        </form>
      ) : (
        <h3>{deck.name}</h3>
      )}
      <div className="deck-buttons">
        {editable && (
          <button className="primary" disabled={busy} onClick={() => void run(async () => setDeck(await addSlide(deck.id, slideOfView(view, shownYear, shownTitle))))}>
            Lưu khung nhìn hiện tại
          </button>
        )}
        <button disabled={deck.slides.length === 0} onClick={() => onPlay(deck.id, 1)}>
          Trình chiếu
        </button>
        <a className="button" href={exportUrl(deck.id)} download>
          Xuất JSON
        </a>
        <DeckPptxButton deck={deck} />
        {editable && (
          <button
            className="danger"
            disabled={busy}
            onClick={() => window.confirm(`Xóa bộ trình chiếu "${deck.name}" và ${deck.slides.length} trang?`) && void run(async () => (await deleteDeck(deck.id), setDeck(null)))}
          >
            Xóa bộ
          </button>
        )}
      </div>
      <label className="deck-link">
        Liên kết trình chiếu
        <input readOnly value={deckLink(deck.id)} onFocus={(e) => e.currentTarget.select()} />
      </label>

      <ol className="deck-slides" aria-label="Các trang">
        {deck.slides.length === 0 && <li className="deck-hint">Chưa có trang nào: chỉnh bản đồ rồi bấm "Lưu khung nhìn hiện tại".</li>}
        {deck.slides.map((s, k) => (
          <li
            key={s.id}
            data-slide={s.id}
            // The dragged slide's index travels with the drag itself (no state to be stale between the events).
            onDragOver={(e) => editable && e.dataTransfer.types.includes(DRAG_TYPE) && e.preventDefault()}
            onDrop={(e) => {
              const from = e.dataTransfer.getData(DRAG_TYPE);
              if (from === '') return;
              e.preventDefault();
              move(Number(from), k);
            }}
          >
            {/* The number is the drag handle: the title field inside stays selectable with the mouse. */}
            <span
              className="deck-number"
              draggable={editable && !busy}
              title={editable ? 'Kéo để đổi thứ tự' : undefined}
              onDragStart={(e) => {
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData(DRAG_TYPE, String(k));
              }}
            >
              {k + 1}
            </span>
            <div className="deck-slide-text">
              {editable ? (
                <input
                  key={s.title}
                  aria-label={`Tiêu đề trang ${k + 1}`}
                  defaultValue={s.title}
                  onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                  onBlur={(e) => {
                    const title = e.currentTarget.value;
                    if (title !== s.title) void run(async () => setDeck(await updateSlide(deck.id, s.id, { title })));
                  }}
                />
              ) : (
                <strong>{s.title}</strong>
              )}
              <small>{describeSlide(s.view, provinceName)}</small>
            </div>
            <div className="deck-slide-buttons">
              <button aria-label={`Trình chiếu từ trang ${k + 1}`} title="Trình chiếu từ trang này" onClick={() => onPlay(deck.id, k + 1)}>
                ▶
              </button>
              {editable && (
                <>
                  <button aria-label={`Chuyển trang ${k + 1} lên`} title="Chuyển lên" disabled={busy || k === 0} onClick={() => move(k, k - 1)}>
                    ↑
                  </button>
                  <button aria-label={`Chuyển trang ${k + 1} xuống`} title="Chuyển xuống" disabled={busy || k === deck.slides.length - 1} onClick={() => move(k, k + 1)}>
                    ↓
                  </button>
                  <button aria-label={`Xóa trang ${k + 1}`} title="Xóa trang" disabled={busy} onClick={() => void run(async () => setDeck(await deleteSlide(deck.id, s.id)))}>
                    ✕
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
