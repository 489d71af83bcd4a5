import { Hono } from 'hono';
import { z } from 'zod';
import { buildPptx, type SlideDoc } from '../../shared/export/office/pptx.js';
import { packViews } from '../../shared/export/office/packViews.js';
import { renderGate } from '../lib/renderGate.js';
import { slug } from '../../shared/export/office/slug.js';
import { checkSlideView, checkSubtitle, isDeckInputError } from '../../shared/domain/deck.js';
import { badRequest, notFound } from '../services/errors.js';
import type { DeckStore } from '../store/decks.js';
import type { StatsService } from '../services/stats.js';
import { reportDocx } from '../reports/docx.js';
import { GeoLayers } from '../reports/geometry.js';
import { legendTitle, reportMapRequest, statusMap } from '../reports/mapImage.js';
import { reportData, type ReportQuery } from '../reports/reportData.js';
import { slide, SLIDE_MAP, type SlideRequest } from '../reports/slides.js';
import { checkedBy, valid } from '../http/validate.js';
import { matching, yearParam } from './params.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const REPORT_SOURCE = 'Ban Chỉ đạo 138; bản đồ phong trào Toàn dân bảo vệ ANTQ; ranh giới: sapnhap.bando.com.vn / NXB TN-MT&BĐ VN';
const PLACE_KEYS = ['province', 'district', 'commune'] as const;
const code = (digits: number, field: string, what: string) => matching(new RegExp(`^(\\d{${digits}})?$`), field, what).optional();

/** ?year=Y[&province=P | &district=D | &commune=C][&date=YYYY-MM-DD] */
export const reportQuery = z
  .strictObject({
    year: yearParam(),
    date: matching(/^(\d{4}-\d{2}-\d{2})?$/, 'date', 'ngày dạng YYYY-MM-DD')
      .refine((s) => s === '' || !Number.isNaN(Date.parse(s)), { error: (i) => `date phải là ngày dạng YYYY-MM-DD, nhận được "${String(i.input)}"` })
      .optional(),
    province: code(2, 'province', 'mã tỉnh 2 chữ số'),
    district: code(3, 'district', 'mã huyện 3 chữ số'),
    commune: code(5, 'commune', 'mã xã 5 chữ số'),
  })
  .transform((q, ctx): ReportQuery & { date: Date | null } => {
    const given = PLACE_KEYS.filter((k) => q[k]);
    if (given.length > 1) ctx.addIssue({ code: 'custom', path: [given[1]], message: `Chỉ chọn một địa bàn: ${given.join(', ')}` });
    const kind = given[0];
    if (kind === 'district' && q.year >= 2025) ctx.addIssue({ code: 'custom', path: ['district'], message: 'Từ 01/7/2025 không còn cấp huyện: chọn tỉnh hoặc xã' });
    return { year: q.year, kind: kind ?? 'country', code: kind ? q[kind]! : null, date: q.date ? new Date(`${q.date}T12:00:00+07:00`) : null };
  });

/** A view's query string as decks store it (shared/domain/deck.ts): unknown keys and bad values refused, presentation keys dropped. */
const viewParam = z.string({ error: 'Thiếu tham số view (chuỗi tham số của địa chỉ bản đồ)' }).transform(checkedBy((v: string) => checkSlideView(v, 'view'), isDeckInputError));
const textParam = (field: 'title' | 'subtitle') => z.string().transform(checkedBy((v: string) => checkSubtitle(v, field), isDeckInputError)).optional();

const slideQuery = z
  .strictObject({ view: viewParam, title: textParam('title'), subtitle: textParam('subtitle') })
  .transform((q) => ({ view: q.view, title: q.title ?? null, subtitle: q.subtitle ?? null }));
const deckQuery = z.strictObject({
  deck: matching(/^[1-9]\d{0,9}$/, 'deck', 'số hiệu bộ trình chiếu (số nguyên dương)', 'Thiếu tham số deck (số hiệu bộ trình chiếu)').transform(Number),
});
const packQuery = z.strictObject({ view: viewParam });

const attachment = (name: string) => `attachment; filename="${name}"`;

/**
 * GET /api/reports/report.docx: the year's written report of the country, a province, a district (≤ 2024) or a commune;
 * /slide (one slide's texts and map, what the browser assembles decks from), /deck.pptx?deck=ID, /pack.pptx?view=….
 */
export function reportRoutes(svc: StatsService, geoDir: string, decks: DeckStore) {
  const geo = new GeoLayers(geoDir);
  const slideDoc = async (r: SlideRequest): Promise<SlideDoc & { breaks: number[] }> => {
    const s = await slide(svc, geo, r);
    return { ...s.text, source: REPORT_SOURCE, map: { png: s.png, width: SLIDE_MAP.width, height: SLIDE_MAP.height }, breaks: s.breaks };
  };
  const pptx = (title: string, slides: SlideRequest[]) => buildPptx(title, slides.length, (i) => slideDoc(slides[i]));
  // Renders are public and costly (the pack: minutes of CPU): a few at once, the pack alone.
  const heavy = renderGate(2, 'Máy chủ đang tạo các tệp khác. Hãy thử lại sau ít phút.');
  const packGate = renderGate(1, 'Máy chủ đang tạo một bộ trang chiếu khác. Hãy thử lại sau ít phút, hoặc tạo bộ trang chiếu ngay trong trình duyệt (Xuất bản đồ → Bộ trang chiếu).');
  return new Hono()
    .get('/report.docx', valid('query', reportQuery), async (c) => {
      const q = c.req.valid('query');
      const { data, bytes } = await heavy(async () => {
        const data = await reportData(svc, q);
        const size = { width: 1600, height: 1200, u: 2, withLegend: true };
        const map = await statusMap(svc, geo, reportMapRequest(data, size));
        const place = data.figures.place;
        const caption = `${legendTitle(q.year, q.year < 2025)}, ${place.kind === 'country' ? 'toàn quốc' : place.fullName}`;
        return { data, bytes: await reportDocx({ data, map: { png: map.png, width: size.width, height: size.height, caption }, date: q.date ?? new Date(), source: REPORT_SOURCE }) };
      });
      const place = data.figures.place;
      const name = `bao-cao-antq-${q.year}-${slug(place.kind === 'country' ? 'toan-quoc' : place.fullName)}.docx`;
      return c.body(new Uint8Array(bytes), 200, { 'Content-Type': DOCX_TYPE, 'Content-Disposition': attachment(name), 'Cache-Control': 'no-store' });
    })
    .get('/slide', valid('query', slideQuery), async (c) => {
      const d = await slideDoc(c.req.valid('query'));
      return c.json({ ...d, map: { width: d.map.width, height: d.map.height, png: Buffer.from(d.map.png).toString('base64') } });
    })
    .get('/deck.pptx', valid('query', deckQuery), async (c) => {
      const id = c.req.valid('query').deck;
      const deck = await decks.deck(id);
      if (!deck) throw notFound(`Không có bộ trình chiếu số ${id}`, 'deck');
      if (!deck.slides.length) throw badRequest(`Bộ trình chiếu "${deck.name}" chưa có trang nào`, 'deck');
      const bytes = await heavy(() => pptx(deck.name, deck.slides.map((s) => ({ view: s.view, title: s.title, subtitle: s.subtitle }))));
      return c.body(new Uint8Array(bytes), 200, { 'Content-Type': PPTX_TYPE, 'Content-Disposition': attachment(`${slug(deck.name) || 'bo-trinh-chieu'}.pptx`), 'Cache-Control': 'no-store' });
    })
    .get('/pack.pptx', valid('query', packQuery), async (c) => {
      const { view } = c.req.valid('query');
      const provinces = [...(await svc.units('2025')).values()].filter((u) => u.level === 'province').map((u) => u.code).sort();
      const { year, bytes } = await packGate(async () => {
        const first = await slideDoc({ view: packViews(view, [], null)[0] });
        const [, ...rest] = packViews(view, provinces, first.breaks);
        const year = first.title.match(/\d{4}$/)?.[0] ?? '';
        return { year, bytes: await buildPptx(`Bộ bản đồ hội nghị ${year}`, rest.length + 1, (i) => (i === 0 ? Promise.resolve(first) : slideDoc({ view: rest[i - 1] }))) };
      });
      return c.body(new Uint8Array(bytes), 200, { 'Content-Type': PPTX_TYPE, 'Content-Disposition': attachment(`bo-ban-do-hoi-nghi-${year}.pptx`), 'Cache-Control': 'no-store' });
    });
}
