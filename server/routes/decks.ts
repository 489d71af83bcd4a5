import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireSession, type AuthEnv } from '../auth/session.js';
import { DeckInputError, checkDeckName, checkSlide, checkSlideChange, deckFile, parseDeckFile } from '../../shared/domain/deck.js';
import { slug } from '../../shared/export/office/slug.js';
import { strictJson } from '../http/strictJson.js';
import { ApiError, badRequest, forbidden, notFound } from '../services/errors.js';
import { ROLES, type AdminBackend } from '../store/admin.js';
import type { DeckSummary } from '../store/decks.js';
import { DeckStoreError } from '../store/errors.js';

/** An import file larger than this is not a deck (100 slides take about 50 KB). */
const MAX_DECK_FILE_BYTES = 1024 * 1024;

/** Input and store refusals as API errors: 400 (or 404) with the field. */
async function checked<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DeckInputError) throw badRequest(e.message, e.field);
    if (e instanceof DeckStoreError) throw new ApiError(e.kind === 'not-found' ? 404 : 400, e.message, e.field);
    throw e;
  }
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const body = await strictJson(c);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Nội dung gửi lên phải là một đối tượng JSON', 'body');
  return body as Record<string, unknown>;
}

function idParam(c: Context, name: 'id' | 'slideId'): number {
  const raw = c.req.param(name) ?? '';
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw badRequest(`Mã ${name === 'id' ? 'bộ trình chiếu' : 'trang'} phải là số nguyên dương, nhận được "${raw}"`, name);
  return Number(raw);
}

/** Account names are not public: who owns a deck is told to logged-in users only. */
const withOwner = <T extends DeckSummary>(c: Context<AuthEnv>, d: T): Omit<T, 'owner'> & { owner: string | null } => (c.get('session') ? d : { ...d, owner: null });

/** A file name for the export: the deck's name without diacritics or punctuation. */
const fileName = (d: DeckSummary) =>
  `bo-trinh-chieu-${d.id}-${slug(d.name).slice(0, 60) || 'khong-ten'}.json`;

/**
 * Decks of saved views. Reading is public (a deck's link opens on any screen, like the map; owners are shown
 * to logged-in users only); writing
 * needs a logged-in user of any role and the CSRF token, and changing a deck needs its owner or an admin.
 *
 * GET    /api/decks                         list
 * POST   /api/decks                         {name}
 * POST   /api/decks/import                  body: an export file; a new deck
 * GET    /api/decks/:id                     the deck and its slides
 * PATCH  /api/decks/:id                     {name}
 * DELETE /api/decks/:id
 * GET    /api/decks/:id/export              the export file (JSON, format version 1)
 * POST   /api/decks/:id/slides              {title, subtitle?, view, position?}
 * PATCH  /api/decks/:id/slides/:slideId     {title?, subtitle?, view?}
 * DELETE /api/decks/:id/slides/:slideId
 * PUT    /api/decks/:id/order               {slides: [slide ids in the new order]}
 */
export function deckRoutes(admin: AdminBackend) {
  const decks = admin.decks;
  const found = async (id: number) => {
    const d = await decks.deck(id);
    if (!d) throw notFound(`Không có bộ trình chiếu #${id}`, 'id');
    return d;
  };
  /** The session of a write to an existing deck: its owner or an admin. */
  const owner = async (c: Context<AuthEnv>) => {
    const s = requireSession(c, ROLES, true);
    const id = idParam(c, 'id');
    const d = await found(id);
    if (s.user.role !== 'admin' && d.owner !== s.user.name) throw forbidden(`Bộ trình chiếu #${id} của ${d.owner}: chỉ người tạo hoặc quản trị viên được sửa`);
    return { actor: s.user.name, id };
  };
  const limit = bodyLimit({
    maxSize: MAX_DECK_FILE_BYTES,
    onError: (c) => c.json({ error: { status: 413, message: `Tệp quá lớn để là một bộ trình chiếu (giới hạn ${MAX_DECK_FILE_BYTES / 1024 / 1024} MB)`, field: 'file' } }, 413),
  });

  return new Hono<AuthEnv>()
    .get('/', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ decks: (await decks.decks()).map((d) => withOwner(c, d)) });
    })
    .post('/', async (c) => {
      const s = requireSession(c, ROLES, true);
      const body = await jsonBody(c);
      const deck = await checked(async () => decks.createDeck({ name: checkDeckName(body.name), slides: [] }, s.user.name, 'create'));
      return c.json({ deck }, 201);
    })
    .post('/import', limit, async (c) => {
      const s = requireSession(c, ROLES, true);
      const raw = await strictJson(c, 'file');
      if (raw === undefined) throw badRequest('Tệp không phải JSON hợp lệ (bộ trình chiếu xuất từ cổng này là tệp .json)', 'file');
      const deck = await checked(async () => decks.createDeck(parseDeckFile(raw), s.user.name, 'import'));
      return c.json({ deck }, 201);
    })
    .get('/:id', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ deck: withOwner(c, await found(idParam(c, 'id'))) });
    })
    .patch('/:id', async (c) => {
      const { actor, id } = await owner(c);
      const body = await jsonBody(c);
      return c.json({ deck: await checked(() => decks.renameDeck(id, checkDeckName(body.name), actor)) });
    })
    .delete('/:id', async (c) => {
      const { actor, id } = await owner(c);
      await checked(() => decks.deleteDeck(id, actor));
      return c.json({ ok: true });
    })
    .get('/:id/export', async (c) => {
      const d = await found(idParam(c, 'id'));
      c.header('Content-Disposition', `attachment; filename="${fileName(d)}"`);
      c.header('Cache-Control', 'no-store');
      return c.json(deckFile(d));
    })
    .post('/:id/slides', async (c) => {
      const { actor, id } = await owner(c);
      const body = await jsonBody(c);
      const position = body.position ?? null;
      if (position !== null && !Number.isInteger(position)) throw badRequest('position phải là số nguyên (vị trí tính từ 0) hoặc bỏ trống để thêm vào cuối', 'position');
      return c.json({ deck: await checked(() => decks.addSlide(id, checkSlide(body, ''), position as number | null, actor)) }, 201);
    })
    .patch('/:id/slides/:slideId', async (c) => {
      const { actor, id } = await owner(c);
      const slideId = idParam(c, 'slideId');
      const body = await jsonBody(c);
      const change = await checked(() => checkSlideChange(body));
      return c.json({ deck: await checked(() => decks.updateSlide(id, slideId, change, actor)) });
    })
    .delete('/:id/slides/:slideId', async (c) => {
      const { actor, id } = await owner(c);
      const slideId = idParam(c, 'slideId');
      return c.json({ deck: await checked(() => decks.deleteSlide(id, slideId, actor)) });
    })
    .put('/:id/order', async (c) => {
      const { actor, id } = await owner(c);
      const body = await jsonBody(c);
      const ids = body.slides;
      if (!Array.isArray(ids) || !ids.every((x) => Number.isInteger(x))) throw badRequest('slides phải là danh sách mã trang theo thứ tự mới', 'slides');
      return c.json({ deck: await checked(() => decks.reorderSlides(id, ids as number[], actor)) });
    });
}
