// Decks of saved map views (conference slides): what a slide may hold, and the export file format.
// Pure: every check names the field it refused, so the API can answer 400 {message, field}.

import { VIEW_PARAMS, isViewKey, viewParam } from './viewParams.js';

const DECK_FORMAT = 'antq-deck';
const DECK_FORMAT_VERSION = 1;
const MAX_DECK_NAME = 100;
const MAX_SLIDE_TEXT = 200;
export const MAX_SLIDES = 100;
const MAX_VIEW_LENGTH = 1000;

/** A slide as written: the view is the map's URL query string without the presentation keys. */
export interface SlideInput {
  title: string;
  subtitle: string | null;
  view: string;
}

/** The export file: what a deck is, without ids, owners or dates of this server. */
export interface DeckFile {
  format: typeof DECK_FORMAT;
  version: typeof DECK_FORMAT_VERSION;
  name: string;
  exportedAt: string;
  slides: SlideInput[];
}

export class DeckInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export const isDeckInputError = (e: unknown): e is DeckInputError => e instanceof DeckInputError;

/** Keys about playing a view, not the view itself: dropped from a saved slide. */
const PLAY_KEYS = new Set(['present', 'deck', 'slide']);
/** Keys that are the slide's own fields. */
const SLIDE_FIELDS = new Set(['title', 'subtitle']);

/**
 * Checks a view's query string and returns it as stored: without a leading "?" and the presentation
 * keys, the other keys in their given order. Unknown keys and bad values are refused, not dropped,
 * so that a slide always shows what it was saved with.
 */
export function checkSlideView(raw: unknown, field: string): string {
  if (typeof raw !== 'string') throw new DeckInputError('Khung nhìn (view) phải là chuỗi tham số của địa chỉ bản đồ, ví dụ "year=2024&province=01"', field);
  const text = raw.startsWith('?') ? raw.slice(1) : raw;
  if (text.length > MAX_VIEW_LENGTH) throw new DeckInputError(`Khung nhìn dài quá ${MAX_VIEW_LENGTH} ký tự`, field);
  const params = new URLSearchParams(text);
  const kept = new URLSearchParams();
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (PLAY_KEYS.has(key)) continue;
    if (SLIDE_FIELDS.has(key)) throw new DeckInputError(`"${key}" là trường riêng của trang chiếu, không đặt trong khung nhìn`, `${field}.${key}`);
    if (!isViewKey(key)) throw new DeckInputError(`Khung nhìn có tham số không biết: "${key}" (được phép: ${Object.keys(VIEW_PARAMS).join(', ')})`, `${field}.${key}`);
    if (seen.has(key)) throw new DeckInputError(`Tham số "${key}" xuất hiện hai lần trong khung nhìn`, `${field}.${key}`);
    if (viewParam(key, value) === undefined) throw new DeckInputError(`Giá trị "${value}" của "${key}" không hợp lệ: cần ${VIEW_PARAMS[key].expects}`, `${field}.${key}`);
    seen.add(key);
    kept.append(key, value);
  }
  return kept.toString();
}

/** A required one-line text (deck name, slide title), trimmed. */
function checkText(raw: unknown, field: string, what: string, max: number): string {
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (!s) throw new DeckInputError(`Thiếu ${what}`, field);
  if (s.length > max) throw new DeckInputError(`${what[0].toUpperCase()}${what.slice(1)} dài quá ${max} ký tự`, field);
  if (/\p{Cc}/u.test(s)) throw new DeckInputError(`${what[0].toUpperCase()}${what.slice(1)} có ký tự điều khiển`, field);
  return s;
}

export const checkDeckName = (raw: unknown, field = 'name') => checkText(raw, field, 'tên bộ trình chiếu', MAX_DECK_NAME);

const checkSlideTitle = (raw: unknown, field: string) => checkText(raw, field, 'tiêu đề trang chiếu', MAX_SLIDE_TEXT);
/** null, absent or empty: the default subtitle of the place shown. */
export const checkSubtitle = (raw: unknown, field: string) => (raw === undefined || raw === null || raw === '' ? null : checkText(raw, field, 'phụ đề', MAX_SLIDE_TEXT));

export function checkSlide(raw: unknown, field: string): SlideInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new DeckInputError('Trang chiếu phải là một đối tượng {title, subtitle, view}', field);
  const r = raw as Record<string, unknown>;
  const prefix = field ? `${field}.` : '';
  return { title: checkSlideTitle(r.title, `${prefix}title`), subtitle: checkSubtitle(r.subtitle, `${prefix}subtitle`), view: checkSlideView(r.view, `${prefix}view`) };
}

/** The fields a slide edit sends; at least one. */
export function checkSlideChange(r: Record<string, unknown>): Partial<SlideInput> {
  const change: Partial<SlideInput> = {};
  if (r.title !== undefined) change.title = checkSlideTitle(r.title, 'title');
  if (r.subtitle !== undefined) change.subtitle = checkSubtitle(r.subtitle, 'subtitle');
  if (r.view !== undefined) change.view = checkSlideView(r.view, 'view');
  if (Object.keys(change).length === 0) throw new DeckInputError('Không có gì để sửa: gửi title, subtitle hoặc view', 'body');
  return change;
}

function checkSlideCount(n: number, field: string): void {
  if (n > MAX_SLIDES) throw new DeckInputError(`Một bộ trình chiếu có tối đa ${MAX_SLIDES} trang`, field);
}

export function deckFile(deck: { name: string; slides: readonly SlideInput[] }, now = new Date()): DeckFile {
  return {
    format: DECK_FORMAT,
    version: DECK_FORMAT_VERSION,
    name: deck.name,
    exportedAt: now.toISOString(),
    slides: deck.slides.map(({ title, subtitle, view }) => ({ title, subtitle, view })),
  };
}

/** Reads an export file: every problem is refused with where it is (e.g. "slides[2].view.year"). */
export function parseDeckFile(raw: unknown): { name: string; slides: SlideInput[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new DeckInputError('Tệp không phải một bộ trình chiếu (cần một đối tượng JSON)', 'file');
  const f = raw as Record<string, unknown>;
  if (f.format !== DECK_FORMAT) throw new DeckInputError(`Tệp không phải bộ trình chiếu của cổng bản đồ (format phải là "${DECK_FORMAT}")`, 'format');
  if (f.version !== DECK_FORMAT_VERSION) {
    throw new DeckInputError(`Phiên bản tệp ${JSON.stringify(f.version)} không được hỗ trợ (cần ${DECK_FORMAT_VERSION})`, 'version');
  }
  const name = checkDeckName(f.name);
  if (!Array.isArray(f.slides)) throw new DeckInputError('Thiếu danh sách trang chiếu (slides)', 'slides');
  checkSlideCount(f.slides.length, 'slides');
  return { name, slides: f.slides.map((s, k) => checkSlide(s, `slides[${k}]`)) };
}
