// Decks on the SQLite store's file (tables of migration 3). Each write is one IMMEDIATE transaction
// that also appends its audit entry; decks are not figures, so the stats version is left alone.

import type Database from 'better-sqlite3';
import { MAX_SLIDES, type SlideInput } from '../domain/deck.js';
import type { Actor, AuditEntry } from './admin.js';
import { DeckStoreError, type Deck, type DeckStore, type DeckSummary, type Slide } from './decks.js';

interface DeckRow {
  id: number;
  name: string;
  owner: string;
  slide_count: number;
  created_at: string;
  updated_at: string;
}
interface SlideRow {
  id: number;
  position: number;
  title: string;
  subtitle: string | null;
  view: string;
  created_at: string;
}
const toSummary = (r: DeckRow): DeckSummary => ({ id: r.id, name: r.name, owner: r.owner, slideCount: r.slide_count, createdAt: r.created_at, updatedAt: r.updated_at });
const toSlide = (r: SlideRow): Slide => ({ id: r.id, position: r.position, title: r.title, subtitle: r.subtitle, view: r.view, createdAt: r.created_at });
/** A slide as the audit log shows it. */
const shown = (s: SlideInput) => ({ title: s.title, subtitle: s.subtitle, view: s.view });

function statements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  const summary = 'SELECT d.*, (SELECT count(*) FROM deck_slides s WHERE s.deck_id = d.id) AS slide_count FROM decks d';
  return {
    decks: p(`${summary} ORDER BY d.updated_at DESC, d.id DESC`),
    deck: p(`${summary} WHERE d.id = ?`),
    slides: p('SELECT * FROM deck_slides WHERE deck_id = ? ORDER BY position'),
    insertDeck: p('INSERT INTO decks (name, owner, created_at, updated_at) VALUES (?, ?, ?, ?)'),
    touch: p('UPDATE decks SET updated_at = ? WHERE id = ?'),
    rename: p('UPDATE decks SET name = ?, updated_at = ? WHERE id = ?'),
    deleteDeck: p('DELETE FROM decks WHERE id = ?'),
    insertSlide: p('INSERT INTO deck_slides (deck_id, position, title, subtitle, view, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    updateSlide: p('UPDATE deck_slides SET title = ?, subtitle = ?, view = ? WHERE id = ?'),
    deleteSlide: p('DELETE FROM deck_slides WHERE id = ?'),
    // Positions are unique per deck: moves go through MOVE_OFFSET + k, above every position in use.
    setPosition: p('UPDATE deck_slides SET position = ? WHERE id = ?'),
    settle: p('UPDATE deck_slides SET position = position - ? WHERE deck_id = ?'),
  };
}

const now = () => new Date().toISOString();
/** Above any position a deck of at most MAX_SLIDES slides uses. */
const MOVE_OFFSET = 10 * MAX_SLIDES;

/** `appendAudit` must write in the caller's transaction (sqliteAdmin's does). */
export function sqliteDecks(db: Database.Database, appendAudit: (e: Omit<AuditEntry, 'id' | 'at'>) => void): DeckStore {
  const s = statements(db);
  const tx = <T>(fn: () => T): T => db.transaction(fn).immediate();
  const read = (id: number): Deck | undefined => {
    const r = s.deck.get(id) as DeckRow | undefined;
    return r && { ...toSummary(r), slides: (s.slides.all(id) as SlideRow[]).map(toSlide) };
  };
  const deckOrThrow = (id: number): Deck => {
    const d = read(id);
    if (!d) throw new DeckStoreError('not-found', `Không có bộ trình chiếu #${id}`, 'id');
    return d;
  };
  const slideOrThrow = (d: Deck, slideId: number): Slide => {
    const sl = d.slides.find((x) => x.id === slideId);
    if (!sl) throw new DeckStoreError('not-found', `Bộ trình chiếu #${d.id} không có trang #${slideId}`, 'slideId');
    return sl;
  };
  /** Writes the slides' order as given (ids of the deck's slides). */
  const place = (deckId: number, ids: number[]) => {
    ids.forEach((id, k) => s.setPosition.run(MOVE_OFFSET + k, id));
    s.settle.run(MOVE_OFFSET, deckId);
  };
  const audit = (actor: Actor, action: string, d: { id: number; name: string }, summary: string, details: unknown) =>
    appendAudit({ userName: actor, action, target: `bộ trình chiếu #${d.id} (${d.name})`, fileSha256: null, summary, details });

  return {
    async decks() {
      return (s.decks.all() as DeckRow[]).map(toSummary);
    },
    async deck(id) {
      return read(id);
    },
    async createDeck(d, actor, how) {
      if (d.slides.length > MAX_SLIDES) throw new DeckStoreError('invalid', `Một bộ trình chiếu có tối đa ${MAX_SLIDES} trang`, 'slides');
      return tx(() => {
        const at = now();
        const id = Number(s.insertDeck.run(d.name, actor, at, at).lastInsertRowid);
        d.slides.forEach((sl, k) => s.insertSlide.run(id, k, sl.title, sl.subtitle, sl.view, at));
        const created = read(id)!;
        const summary = how === 'import' ? `Nhập bộ trình chiếu "${d.name}" (${d.slides.length} trang)` : `Tạo bộ trình chiếu "${d.name}"`;
        audit(actor, `deck.${how}`, created, summary, { before: null, after: { name: d.name, slides: d.slides.map(shown) } });
        return created;
      });
    },
    async renameDeck(id, name, actor) {
      return tx(() => {
        const old = deckOrThrow(id);
        s.rename.run(name, now(), id);
        audit(actor, 'deck.rename', { id, name }, `Đổi tên bộ trình chiếu "${old.name}" thành "${name}"`, { before: { name: old.name }, after: { name } });
        return read(id)!;
      });
    },
    async deleteDeck(id, actor) {
      tx(() => {
        const old = deckOrThrow(id);
        s.deleteDeck.run(id);
        audit(actor, 'deck.delete', old, `Xóa bộ trình chiếu "${old.name}" (${old.slides.length} trang)`, { before: { name: old.name, slides: old.slides.map(shown) }, after: null });
      });
    },
    async addSlide(deckId, slide, position, actor) {
      return tx(() => {
        const d = deckOrThrow(deckId);
        if (d.slides.length >= MAX_SLIDES) throw new DeckStoreError('invalid', `Một bộ trình chiếu có tối đa ${MAX_SLIDES} trang`, 'slides');
        if (position !== null && (position < 0 || position > d.slides.length)) {
          throw new DeckStoreError('invalid', `Vị trí ${position} ngoài khoảng 0–${d.slides.length}`, 'position');
        }
        const at = now();
        const id = Number(s.insertSlide.run(deckId, d.slides.length, slide.title, slide.subtitle, slide.view, at).lastInsertRowid);
        const ids = d.slides.map((x) => x.id);
        ids.splice(position ?? ids.length, 0, id);
        place(deckId, ids);
        s.touch.run(at, deckId);
        audit(actor, 'deck.slide.add', d, `Thêm trang "${slide.title}" vào vị trí ${ids.indexOf(id) + 1}`, { before: null, after: { id, ...shown(slide) } });
        return read(deckId)!;
      });
    },
    async updateSlide(deckId, slideId, change, actor) {
      return tx(() => {
        const d = deckOrThrow(deckId);
        const old = slideOrThrow(d, slideId);
        const next = { ...shown(old), ...change };
        s.updateSlide.run(next.title, next.subtitle, next.view, slideId);
        s.touch.run(now(), deckId);
        audit(actor, 'deck.slide.update', d, `Sửa trang ${old.position + 1} "${next.title}"`, { before: { id: slideId, ...shown(old) }, after: { id: slideId, ...next } });
        return read(deckId)!;
      });
    },
    async deleteSlide(deckId, slideId, actor) {
      return tx(() => {
        const d = deckOrThrow(deckId);
        const old = slideOrThrow(d, slideId);
        s.deleteSlide.run(slideId);
        place(deckId, d.slides.filter((x) => x.id !== slideId).map((x) => x.id));
        s.touch.run(now(), deckId);
        audit(actor, 'deck.slide.delete', d, `Xóa trang ${old.position + 1} "${old.title}"`, { before: { id: slideId, ...shown(old) }, after: null });
        return read(deckId)!;
      });
    },
    async reorderSlides(deckId, slideIds, actor) {
      return tx(() => {
        const d = deckOrThrow(deckId);
        const have = d.slides.map((x) => x.id);
        const same = slideIds.length === have.length && new Set(slideIds).size === have.length && slideIds.every((id) => have.includes(id));
        if (!same) {
          throw new DeckStoreError('invalid', `Thứ tự mới phải gồm đúng các trang của bộ, mỗi trang một lần (hiện có: ${have.join(', ') || 'không có trang nào'})`, 'slides');
        }
        place(deckId, slideIds);
        s.touch.run(now(), deckId);
        audit(actor, 'deck.reorder', d, `Sắp xếp lại ${have.length} trang`, { before: have, after: slideIds });
        return read(deckId)!;
      });
    },
  };
}
