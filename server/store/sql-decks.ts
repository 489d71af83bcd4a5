// Decks on any Store (tables of migration 3), through the contract's transactions: each write is one
// transaction that also appends its audit entry; decks are not figures, so the data version is left alone.

import { MAX_SLIDES, type SlideInput } from '../../shared/domain/deck.js';
import type { Actor } from './actor.js';
import type { Deck, DeckStore, DeckSummary, Slide } from './decks.js';
import { DeckStoreError } from './errors.js';
import { appendAudit } from './sql.js';
import type { SqlRunner, Store, StoreTx } from './store.js';

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

const SUMMARY = `SELECT d.id, d.name, d.owner, d.created_at, d.updated_at,
  (SELECT count(*) FROM deck_slides s WHERE s.deck_id = d.id) AS slide_count FROM decks d`;
const SLIDE_COLUMNS = 'id, position, title, subtitle, view, created_at';

const now = () => new Date().toISOString();
/** Above any position a deck of at most MAX_SLIDES slides uses. */
const MOVE_OFFSET = 10 * MAX_SLIDES;

async function read(db: SqlRunner, id: number): Promise<Deck | undefined> {
  const r = await db.get<DeckRow>(`${SUMMARY} WHERE d.id = ?`, [id]);
  return r && { ...toSummary(r), slides: (await db.all<SlideRow>(`SELECT ${SLIDE_COLUMNS} FROM deck_slides WHERE deck_id = ? ORDER BY position`, [id])).map(toSlide) };
}
async function deckOrThrow(db: SqlRunner, id: number): Promise<Deck> {
  const d = await read(db, id);
  if (!d) throw new DeckStoreError('not-found', `Không có bộ trình chiếu #${id}`, 'id');
  return d;
}
function slideOrThrow(d: Deck, slideId: number): Slide {
  const sl = d.slides.find((x) => x.id === slideId);
  if (!sl) throw new DeckStoreError('not-found', `Bộ trình chiếu #${d.id} không có trang #${slideId}`, 'slideId');
  return sl;
}
/** Writes the slides' order as given (ids of the deck's slides). Positions are unique per deck: moves go through MOVE_OFFSET + k. */
async function place(tx: StoreTx, deckId: number, ids: number[]) {
  for (const [k, id] of ids.entries()) await tx.run('UPDATE deck_slides SET position = ? WHERE id = ?', [MOVE_OFFSET + k, id]);
  await tx.run('UPDATE deck_slides SET position = position - ? WHERE deck_id = ?', [MOVE_OFFSET, deckId]);
}
const touch = (tx: StoreTx, deckId: number) => tx.run('UPDATE decks SET updated_at = ? WHERE id = ?', [now(), deckId]);
const insertSlide = async (tx: StoreTx, deckId: number, position: number, sl: SlideInput, at: string) =>
  (await tx.get<{ id: number }>('INSERT INTO deck_slides (deck_id, position, title, subtitle, view, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id', [deckId, position, sl.title, sl.subtitle, sl.view, at]))!.id;
const audit = (tx: StoreTx, actor: Actor, action: string, d: { id: number; name: string }, summary: string, details: unknown) =>
  appendAudit(tx, { userName: actor, action, target: `bộ trình chiếu #${d.id} (${d.name})`, fileSha256: null, summary, details });

export function sqlDecks(store: Store): DeckStore {
  return {
    async decks() {
      return (await store.sql.all<DeckRow>(`${SUMMARY} ORDER BY d.updated_at DESC, d.id DESC`)).map(toSummary);
    },
    async deck(id) {
      return read(store.sql, id);
    },
    async createDeck(d, actor, how) {
      if (d.slides.length > MAX_SLIDES) throw new DeckStoreError('invalid', `Một bộ trình chiếu có tối đa ${MAX_SLIDES} trang`, 'slides');
      return store.withTransaction(async (tx) => {
        const at = now();
        const id = (await tx.get<{ id: number }>('INSERT INTO decks (name, owner, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id', [d.name, actor, at, at]))!.id;
        for (const [k, sl] of d.slides.entries()) await insertSlide(tx, id, k, sl, at);
        const created = (await read(tx, id))!;
        const summary = how === 'import' ? `Nhập bộ trình chiếu "${d.name}" (${d.slides.length} trang)` : `Tạo bộ trình chiếu "${d.name}"`;
        await audit(tx, actor, `deck.${how}`, created, summary, { before: null, after: { name: d.name, slides: d.slides.map(shown) } });
        return created;
      });
    },
    async renameDeck(id, name, actor) {
      return store.withTransaction(async (tx) => {
        const old = await deckOrThrow(tx, id);
        await tx.run('UPDATE decks SET name = ?, updated_at = ? WHERE id = ?', [name, now(), id]);
        await audit(tx, actor, 'deck.rename', { id, name }, `Đổi tên bộ trình chiếu "${old.name}" thành "${name}"`, { before: { name: old.name }, after: { name } });
        return (await read(tx, id))!;
      });
    },
    async deleteDeck(id, actor) {
      await store.withTransaction(async (tx) => {
        const old = await deckOrThrow(tx, id);
        await tx.run('DELETE FROM decks WHERE id = ?', [id]);
        await audit(tx, actor, 'deck.delete', old, `Xóa bộ trình chiếu "${old.name}" (${old.slides.length} trang)`, { before: { name: old.name, slides: old.slides.map(shown) }, after: null });
      });
    },
    async addSlide(deckId, slide, position, actor) {
      return store.withTransaction(async (tx) => {
        const d = await deckOrThrow(tx, deckId);
        if (d.slides.length >= MAX_SLIDES) throw new DeckStoreError('invalid', `Một bộ trình chiếu có tối đa ${MAX_SLIDES} trang`, 'slides');
        if (position !== null && (position < 0 || position > d.slides.length)) {
          throw new DeckStoreError('invalid', `Vị trí ${position} ngoài khoảng 0–${d.slides.length}`, 'position');
        }
        const id = await insertSlide(tx, deckId, d.slides.length, slide, now());
        const ids = d.slides.map((x) => x.id);
        ids.splice(position ?? ids.length, 0, id);
        await place(tx, deckId, ids);
        await touch(tx, deckId);
        await audit(tx, actor, 'deck.slide.add', d, `Thêm trang "${slide.title}" vào vị trí ${ids.indexOf(id) + 1}`, { before: null, after: { id, ...shown(slide) } });
        return (await read(tx, deckId))!;
      });
    },
    async updateSlide(deckId, slideId, change, actor) {
      return store.withTransaction(async (tx) => {
        const d = await deckOrThrow(tx, deckId);
        const old = slideOrThrow(d, slideId);
        const next = { ...shown(old), ...change };
        await tx.run('UPDATE deck_slides SET title = ?, subtitle = ?, view = ? WHERE id = ?', [next.title, next.subtitle, next.view, slideId]);
        await touch(tx, deckId);
        await audit(tx, actor, 'deck.slide.update', d, `Sửa trang ${old.position + 1} "${next.title}"`, { before: { id: slideId, ...shown(old) }, after: { id: slideId, ...next } });
        return (await read(tx, deckId))!;
      });
    },
    async deleteSlide(deckId, slideId, actor) {
      return store.withTransaction(async (tx) => {
        const d = await deckOrThrow(tx, deckId);
        const old = slideOrThrow(d, slideId);
        await tx.run('DELETE FROM deck_slides WHERE id = ?', [slideId]);
        await place(tx, deckId, d.slides.filter((x) => x.id !== slideId).map((x) => x.id));
        await touch(tx, deckId);
        await audit(tx, actor, 'deck.slide.delete', d, `Xóa trang ${old.position + 1} "${old.title}"`, { before: { id: slideId, ...shown(old) }, after: null });
        return (await read(tx, deckId))!;
      });
    },
    async reorderSlides(deckId, slideIds, actor) {
      return store.withTransaction(async (tx) => {
        const d = await deckOrThrow(tx, deckId);
        const have = d.slides.map((x) => x.id);
        const same = slideIds.length === have.length && new Set(slideIds).size === have.length && slideIds.every((id) => have.includes(id));
        if (!same) {
          throw new DeckStoreError('invalid', `Thứ tự mới phải gồm đúng các trang của bộ, mỗi trang một lần (hiện có: ${have.join(', ') || 'không có trang nào'})`, 'slides');
        }
        await place(tx, deckId, slideIds);
        await touch(tx, deckId);
        await audit(tx, actor, 'deck.reorder', d, `Sắp xếp lại ${have.length} trang`, { before: have, after: slideIds });
        return (await read(tx, deckId))!;
      });
    },
  };
}
