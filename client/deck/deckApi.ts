// The deck calls, through the typed client. Writes carry the session's CSRF token (from /api/auth/me):
// reading decks needs no log-in, saving them does.

import type { SlideInput } from '../../shared/domain/deck.js';
import { client, ok } from '../api.js';
import { me, writeHeaders } from '../session.js';

export type { SlideInput };

/** Who is logged in (null: nobody); me() remembers the CSRF token for the writes. */
export async function whoAmI() {
  return (await me()).user;
}
export type Me = NonNullable<Awaited<ReturnType<typeof whoAmI>>>;

const write = () => ({ headers: writeHeaders() });
const id = (n: number) => ({ param: { id: String(n) } });
const slideParam = (deckId: number, slideId: number) => ({ param: { id: String(deckId), slideId: String(slideId) } });
const decks = client.api.decks;

export const listDecks = async () => (await ok(await decks.$get())).decks;
export const fetchDeck = async (deckId: number) => (await ok(await decks[':id'].$get(id(deckId)))).deck;
/** As read: the owner is null unless logged in. */
export type DeckSummary = Awaited<ReturnType<typeof listDecks>>[number];
export type Deck = Awaited<ReturnType<typeof fetchDeck>>;
export const createDeck = async (name: string) => (await ok(await decks.$post({ json: { name } }, write()))).deck;
export const renameDeck = async (deckId: number, name: string) => (await ok(await decks[':id'].$patch({ ...id(deckId), json: { name } }, write()))).deck;
export const deleteDeck = async (deckId: number) => ok(await decks[':id'].$delete(id(deckId), write()));
export const addSlide = async (deckId: number, slide: SlideInput) => (await ok(await decks[':id'].slides.$post({ ...id(deckId), json: slide }, write()))).deck;
export const updateSlide = async (deckId: number, slideId: number, change: Partial<SlideInput>) =>
  (await ok(await decks[':id'].slides[':slideId'].$patch({ ...slideParam(deckId, slideId), json: change }, write()))).deck;
export const deleteSlide = async (deckId: number, slideId: number) => (await ok(await decks[':id'].slides[':slideId'].$delete(slideParam(deckId, slideId), write()))).deck;
export const reorderSlides = async (deckId: number, slideIds: number[]) => (await ok(await decks[':id'].order.$put({ ...id(deckId), json: { slides: slideIds } }, write()))).deck;
/** An export file's text, as chosen by the user: the server checks it and says what is wrong where. */
export async function importDeck(fileText: string): Promise<Deck> {
  const res = await decks.import.$post(undefined, { headers: { ...writeHeaders(), 'content-type': 'application/json' }, init: { body: fileText } });
  if (!res.ok) {
    const e = ((await res.json().catch(() => null)) as { error?: { message?: string; field?: string | null } } | null)?.error;
    throw new Error(`Không nhập được tệp: ${e?.message ?? `${res.status} ${res.statusText}`}${e?.field ? ` (vị trí: ${e.field})` : ''}`);
  }
  return (await ok(res)).deck;
}
export const exportUrl = (deckId: number) => decks[':id'].export.$url(id(deckId)).pathname;
/** The link that opens a deck in presentation mode, on its first slide. */
export const deckLink = (deckId: number) => `${window.location.origin}/?present=1&deck=${deckId}&slide=1`;
