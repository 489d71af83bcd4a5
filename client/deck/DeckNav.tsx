import type { DeckPlayer } from './useDeckPlayer.js';

/** Presentation mode's slide counter ("3/7") with previous/next buttons; the keyboard does the same. */
export function DeckNav({ player }: { player: DeckPlayer }) {
  const { deck, error, n, count, go } = player;
  if (error) return <div className="deck-nav deck-nav-error">Không mở được bộ trình chiếu: {error}</div>;
  if (!deck) return <div className="deck-nav">Đang tải bộ trình chiếu…</div>;
  return (
    <nav className="deck-nav" aria-label={`Bộ trình chiếu: ${deck.name}`}>
      <button type="button" aria-label="Trang trước" title="Trang trước (←, Page Up; Home: trang đầu)" disabled={n <= 1} onClick={() => go(n - 1)}>
        ‹
      </button>
      <span className="deck-counter" title={deck.name} aria-live="polite">
        {count === 0 ? 'Chưa có trang' : `${n}/${count}`}
      </span>
      <button type="button" aria-label="Trang sau" title="Trang sau (→, Page Down; End: trang cuối)" disabled={n >= count} onClick={() => go(n + 1)}>
        ›
      </button>
    </nav>
  );
}
