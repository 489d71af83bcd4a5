// The store of decks (ordered saved map views for conference presentations), on the Store contract
// (sql-decks.ts). Every write is one transaction with its audit entry; errors are DeckStoreError.

import type { SlideInput } from '../../shared/domain/deck.js';
import type { Actor } from './actor.js';

export interface DeckSummary {
  id: number;
  name: string;
  /** Who created it: only they or an admin may change it. */
  owner: string;
  slideCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Slide extends SlideInput {
  id: number;
  /** 0-based, contiguous. */
  position: number;
  createdAt: string;
}

export interface Deck extends DeckSummary {
  slides: Slide[];
}

export interface DeckStore {
  decks(): Promise<DeckSummary[]>;
  deck(id: number): Promise<Deck | undefined>;
  /** A new deck, empty or with slides (an imported file). */
  createDeck(d: { name: string; slides: SlideInput[] }, actor: Actor, how: 'create' | 'import'): Promise<Deck>;
  renameDeck(id: number, name: string, actor: Actor): Promise<Deck>;
  deleteDeck(id: number, actor: Actor): Promise<void>;
  /** Appends the slide, or inserts it at `position` (0-based). */
  addSlide(deckId: number, slide: SlideInput, position: number | null, actor: Actor): Promise<Deck>;
  updateSlide(deckId: number, slideId: number, change: Partial<SlideInput>, actor: Actor): Promise<Deck>;
  deleteSlide(deckId: number, slideId: number, actor: Actor): Promise<Deck>;
  /** `slideIds`: every slide of the deck, once each, in the new order. */
  reorderSlides(deckId: number, slideIds: number[], actor: Actor): Promise<Deck>;
}
