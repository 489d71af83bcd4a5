import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { requireSession, type AuthEnv } from '../auth/session.js';
import { DeckInputError, checkDeckName, checkSlide, checkSlideChange, deckFile, isDeckInputError, parseDeckFile, type SlideInput } from '../../shared/domain/deck.js';
import { strictJson } from '../http/strictJson.js';
import { slug } from '../../shared/export/office/slug.js';
import { checkedBy, valid, validJson } from '../http/validate.js';
import { matching, parseWith } from './params.js';
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

const deckId = (field: 'id' | 'slideId') =>
  matching(/^[1-9]\d{0,9}$/, field, `mã ${field === 'id' ? 'bộ trình chiếu' : 'trang'} là số nguyên dương`).transform(Number);
const deckParams = z.object({ id: deckId('id') });
const slideParams = z.object({ id: deckId('id'), slideId: deckId('slideId') });

/** The deck rules (shared/domain/deck.ts) inside the body's schema: their messages and fields are the 400's. */
const rule = <I, O>(check: (value: I) => O) => checkedBy(check, isDeckInputError);
const nameBody = z.object({ name: z.string().transform(rule((name: string) => checkDeckName(name))) });
const slideBody = z
  .object({
    title: z.string(),
    subtitle: z.string().nullable().optional(),
    view: z.string(),
    position: z.number({ error: 'position phải là số nguyên (vị trí tính từ 0) hoặc bỏ trống để thêm vào cuối' }).int().nullable().optional(),
  })
  .transform(rule((b: { title: string; subtitle?: string | null; view: string; position?: number | null }) => ({ slide: checkSlide(b, ''), position: b.position ?? null })));
const slideChange = z
  .object({ title: z.string().optional(), subtitle: z.string().nullable().optional(), view: z.string().optional() })
  .transform(rule((b: Partial<SlideInput>) => checkSlideChange(b)));
const orderBody = z.object({ slides: z.array(z.number().int(), { error: 'slides phải là danh sách mã trang theo thứ tự mới' }) });

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
  /** A write to an existing deck: its owner or an admin (401, 403 and 404 before the body is read). */
  const owner = createMiddleware<AuthEnv>(async (c, next) => {
    const s = requireSession(c, ROLES, true);
    const { id } = parseWith(deckParams, { id: c.req.param('id') });
    const d = await found(id);
    if (s.user.role !== 'admin' && d.owner !== s.user.name) throw forbidden(`Bộ trình chiếu #${id} của ${d.owner}: chỉ người tạo hoặc quản trị viên được sửa`);
    await next();
  });
  /** Any logged-in user, before the body is read. */
  const user = createMiddleware<AuthEnv>(async (c, next) => {
    requireSession(c, ROLES, true);
    await next();
  });
  const actor = (c: Context<AuthEnv>) => c.get('session')!.user.name;
  const limit = bodyLimit({
    maxSize: MAX_DECK_FILE_BYTES,
    onError: (c) => c.json({ error: { status: 413, message: `Tệp quá lớn để là một bộ trình chiếu (giới hạn ${MAX_DECK_FILE_BYTES / 1024 / 1024} MB)`, field: 'file' } }, 413),
  });

  return new Hono<AuthEnv>()
    .get('/', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ decks: (await decks.decks()).map((d) => withOwner(c, d)) });
    })
    .post('/', user, validJson(nameBody), async (c) => {
      const deck = await checked(async () => decks.createDeck({ name: c.req.valid('json').name, slides: [] }, actor(c), 'create'));
      return c.json({ deck }, 201);
    })
    // The body is an export file, checked by its own reader (parseDeckFile).
    .post('/import', limit, user, async (c) => {
      const raw = await strictJson(c, 'file');
      if (raw === undefined) throw badRequest('Tệp không phải JSON hợp lệ (bộ trình chiếu xuất từ cổng này là tệp .json)', 'file');
      const deck = await checked(async () => decks.createDeck(parseDeckFile(raw), actor(c), 'import'));
      return c.json({ deck }, 201);
    })
    .get('/:id', valid('param', deckParams), async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ deck: withOwner(c, await found(c.req.valid('param').id)) });
    })
    .patch('/:id', owner, valid('param', deckParams), validJson(nameBody), async (c) => {
      return c.json({ deck: await checked(() => decks.renameDeck(c.req.valid('param').id, c.req.valid('json').name, actor(c))) });
    })
    .delete('/:id', owner, valid('param', deckParams), async (c) => {
      await checked(() => decks.deleteDeck(c.req.valid('param').id, actor(c)));
      return c.json({ ok: true });
    })
    .get('/:id/export', valid('param', deckParams), async (c) => {
      const d = await found(c.req.valid('param').id);
      c.header('Content-Disposition', `attachment; filename="${fileName(d)}"`);
      c.header('Cache-Control', 'no-store');
      return c.json(deckFile(d));
    })
    .post('/:id/slides', owner, valid('param', deckParams), validJson(slideBody), async (c) => {
      const { slide, position } = c.req.valid('json');
      return c.json({ deck: await checked(() => decks.addSlide(c.req.valid('param').id, slide, position, actor(c))) }, 201);
    })
    .patch('/:id/slides/:slideId', owner, valid('param', slideParams), validJson(slideChange), async (c) => {
      const { id, slideId } = c.req.valid('param');
      return c.json({ deck: await checked(() => decks.updateSlide(id, slideId, c.req.valid('json'), actor(c))) });
    })
    .delete('/:id/slides/:slideId', owner, valid('param', slideParams), async (c) => {
      const { id, slideId } = c.req.valid('param');
      return c.json({ deck: await checked(() => decks.deleteSlide(id, slideId, actor(c))) });
    })
    .put('/:id/order', owner, valid('param', deckParams), validJson(orderBody), async (c) => {
      return c.json({ deck: await checked(() => decks.reorderSlides(c.req.valid('param').id, c.req.valid('json').slides, actor(c))) });
    });
}
