// The deck API on an in-memory store: public reads, who may write, every route's bad input, and that a
// refused write changes nothing.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingGeo, skipUnlessCi } from '../../test/support/prerequisites.js';
import { logIn, asUser, type TestSession } from '../../test/support/sessions.js';
import { hashPassword } from '../auth/password.js';
import { createApp } from '../app.js';
import { paths } from '../config.js';
import { emptyStore, KINDS, kindSkip } from '../../test/support/databases.js';
import type { Store } from '../store/store.js';
import { storeAdmin } from '../store/sql-admin.js';
import type { Deck } from '../store/decks.js';

const PASSWORD = 'mat-khau-thu-nghiem';
const JSON_HEADERS = { 'content-type': 'application/json' };
// createApp serves the boundary layers too: it needs the pipeline's manifest.
const geoDir = join(paths().buildDir, 'geo');
const skip = skipUnlessCi('the deck API tests', missingGeo());

for (const kind of KINDS) describe.skipIf(skip || kindSkip(kind))(`the deck API on ${kind}`, () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let sessions: Record<string, TestSession>;

  beforeAll(async () => {
    store = await emptyStore(kind);
    const admin = storeAdmin(store);
    const hash = await hashPassword(PASSWORD);
    await admin.users.addUser({ name: 'quantri', role: 'admin', provinceCode: null, passwordHash: hash }, 'test');
    await admin.users.addUser({ name: 'bacninh', role: 'editor', provinceCode: '24', passwordHash: hash }, 'test');
    await admin.users.addUser({ name: 'xem', role: 'viewer', provinceCode: null, passwordHash: hash }, 'test');
    app = createApp({ store, geoDir, admin });
    sessions = await logIn(app, ['quantri', 'bacninh', 'xem'], PASSWORD);
  });
  afterAll(() => store?.close());

  const call = (path: string, who: string | null, method = 'GET', body?: unknown, csrf = true) =>
    app.request(path, asUser(who ? sessions[who] : null, { method, ...(body !== undefined ? { headers: JSON_HEADERS, body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) }, csrf));
  const ok = async (res: Response, status = 200) => {
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(status);
    return body as { deck: Deck };
  };
  const error = async (res: Response, status: number) => {
    const body = (await res.json()) as { error: { message: string; field: string | null } };
    expect(res.status, JSON.stringify(body)).toBe(status);
    return body.error;
  };
  /** Everything a deck write touches. */
  const snapshot = () => Promise.all(['decks', 'deck_slides', 'audit_log'].map((t) => store.sql.all(`SELECT * FROM ${t} ORDER BY 1`)));

  it('lets anyone read, and says what is wrong with a bad id', async () => {
    expect(await (await call('/api/decks', null)).json()).toEqual({ decks: [] });
    expect((await error(await call('/api/decks/7', null), 404)).field).toBe('id');
    expect((await error(await call('/api/decks/abc', null), 400)).message).toContain('"abc"');
    expect((await error(await call('/api/decks/7/export', null), 404)).field).toBe('id');
  });

  it('builds a deck: create, add, insert, edit, reorder, delete a slide, rename; each write audited', async () => {
    const { deck: created } = await ok(await call('/api/decks', 'xem', 'POST', { name: ' Hội nghị tổng kết 2025 ' }), 201);
    expect(created).toMatchObject({ name: 'Hội nghị tổng kết 2025', owner: 'xem', slideCount: 0, slides: [] });
    const path = `/api/decks/${created.id}`;
    const add = async (slide: Record<string, unknown>) => (await ok(await call(`${path}/slides`, 'xem', 'POST', slide), 201)).deck;
    await add({ title: 'Toàn quốc 2025', view: 'year=2025' });
    await add({ title: 'Bắc Ninh 2023', subtitle: 'Tỉnh Bắc Ninh', view: '?year=2023&province=24&at=8.00/21.1000/106.1000&present=1' });
    let deck = await add({ title: 'Hà Nội 2024', view: 'year=2024&province=01', position: 0 });
    expect(deck.slides.map((s) => [s.position, s.title, s.subtitle, s.view])).toEqual([
      [0, 'Hà Nội 2024', null, 'year=2024&province=01'],
      [1, 'Toàn quốc 2025', null, 'year=2025'],
      [2, 'Bắc Ninh 2023', 'Tỉnh Bắc Ninh', 'year=2023&province=24&at=8.00%2F21.1000%2F106.1000'],
    ]);
    const [hn, vn, bn] = deck.slides.map((s) => s.id);

    deck = (await ok(await call(`${path}/slides/${vn}`, 'xem', 'PATCH', { title: 'Cả nước 2025', subtitle: 'Phụ đề mới' }))).deck;
    expect(deck.slides[1]).toMatchObject({ id: vn, title: 'Cả nước 2025', subtitle: 'Phụ đề mới', view: 'year=2025' });
    deck = (await ok(await call(`${path}/order`, 'xem', 'PUT', { slides: [bn, hn, vn] }))).deck;
    expect(deck.slides.map((s) => [s.id, s.position])).toEqual([[bn, 0], [hn, 1], [vn, 2]]);
    deck = (await ok(await call(`${path}/slides/${bn}`, 'xem', 'DELETE'))).deck;
    expect(deck.slides.map((s) => [s.id, s.position])).toEqual([[hn, 0], [vn, 1]]);
    deck = (await ok(await call(path, 'xem', 'PATCH', { name: 'Tổng kết' }))).deck;
    expect(deck).toMatchObject({ name: 'Tổng kết', slideCount: 2 });
    expect(deck.updatedAt >= created.updatedAt).toBe(true);

    // The list and the deck read back without a session, but for the owner's account name.
    expect((await (await call('/api/decks', null)).json()) as unknown).toEqual({ decks: [expect.objectContaining({ id: deck.id, name: 'Tổng kết', slideCount: 2, owner: null })] });
    expect((await ok(await call(path, null))).deck).toEqual({ ...deck, owner: null });
    expect((await ok(await call(path, 'bacninh'))).deck).toEqual(deck);

    const actions = await store.sql.all("SELECT action, user_name FROM audit_log WHERE action LIKE 'deck.%' ORDER BY id");
    expect(actions).toEqual(
      ['deck.create', 'deck.slide.add', 'deck.slide.add', 'deck.slide.add', 'deck.slide.update', 'deck.reorder', 'deck.slide.delete', 'deck.rename'].map((action) => ({ action, user_name: 'xem' })),
    );
  });

  it('exports a deck as a versioned file and imports it back as an identical new deck', async () => {
    const [{ id }] = ((await (await call('/api/decks', null)).json()) as { decks: Deck[] }).decks;
    const res = await call(`/api/decks/${id}/export`, null);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="bo-trinh-chieu-${id}-tong-ket.json"`);
    const file = (await res.json()) as { format: string; version: number; slides: unknown[] };
    expect(file).toMatchObject({ format: 'antq-deck', version: 1, name: 'Tổng kết' });
    const { deck: copy } = await ok(await call('/api/decks/import', 'bacninh', 'POST', JSON.stringify(file)), 201);
    const original = (await ok(await call(`/api/decks/${id}`, null))).deck;
    const strip = (d: Deck) => d.slides.map(({ title, subtitle, view, position }) => ({ title, subtitle, view, position }));
    expect(copy).toMatchObject({ name: 'Tổng kết', owner: 'bacninh', slideCount: 2 });
    expect(copy.id).not.toBe(id);
    expect(strip(copy)).toEqual(strip(original));
    expect((await store.sql.get<{ summary: string }>("SELECT summary FROM audit_log WHERE action = 'deck.import'"))?.summary).toBe('Nhập bộ trình chiếu "Tổng kết" (2 trang)');
  });

  it('refuses writes without a session (401), without the CSRF token or by someone else (403), and writes nothing', async () => {
    const [deck] = ((await (await call('/api/decks', 'xem')).json()) as { decks: Deck[] }).decks.filter((d) => d.owner === 'xem');
    const full = (await ok(await call(`/api/decks/${deck.id}`, null))).deck;
    const slide = full.slides[0].id;
    const file = JSON.stringify({ format: 'antq-deck', version: 1, name: 'x', exportedAt: '', slides: [] });
    const writes: [string, string, unknown][] = [
      ['/api/decks', 'POST', { name: 'Mới' }],
      ['/api/decks/import', 'POST', file],
    ];
    const ownWrites: [string, string, unknown][] = [
      [`/api/decks/${deck.id}`, 'PATCH', { name: 'Đổi' }],
      [`/api/decks/${deck.id}`, 'DELETE', undefined],
      [`/api/decks/${deck.id}/slides`, 'POST', { title: 't', view: '' }],
      [`/api/decks/${deck.id}/slides/${slide}`, 'PATCH', { title: 'Đổi' }],
      [`/api/decks/${deck.id}/slides/${slide}`, 'DELETE', undefined],
      [`/api/decks/${deck.id}/order`, 'PUT', { slides: full.slides.map((s) => s.id).reverse() }],
    ];
    const before = await snapshot();
    for (const [path, method, body] of [...writes, ...ownWrites]) {
      expect((await call(path, null, method, body)).status, `${method} ${path} without session`).toBe(401);
      expect((await call(path, 'xem', method, body, false)).status, `${method} ${path} without CSRF`).toBe(403);
    }
    for (const [path, method, body] of ownWrites) {
      const e = await error(await call(path, 'bacninh', method, body), 403);
      expect(e.message, `${method} ${path} by an editor who does not own it`).toContain('chỉ người tạo hoặc quản trị viên');
    }
    expect(await snapshot()).toEqual(before);
    // An admin may change anyone's deck.
    expect((await ok(await call(`/api/decks/${deck.id}`, 'quantri', 'PATCH', { name: 'Sửa bởi quản trị' }))).deck.owner).toBe('xem');
  });

  it('refuses bad input with what and where, and writes nothing', async () => {
    const [deck] = ((await (await call('/api/decks', 'xem')).json()) as { decks: Deck[] }).decks.filter((d) => d.owner === 'xem');
    const full = (await ok(await call(`/api/decks/${deck.id}`, null))).deck;
    const path = `/api/decks/${deck.id}`;
    const before = await snapshot();
    const bad: [string, string, unknown, string][] = [
      ['/api/decks', 'POST', { name: '' }, 'name'],
      ['/api/decks', 'POST', 'not json', 'body'],
      ['/api/decks', 'POST', { name: 'x'.repeat(101) }, 'name'],
      [path, 'PATCH', { name: 42 }, 'name'],
      [`${path}/slides`, 'POST', { title: 'Bad', view: 'year=2023&zoom=5' }, 'view.zoom'],
      [`${path}/slides`, 'POST', { title: 'Bad', view: 'year=20x3' }, 'view.year'],
      [`${path}/slides`, 'POST', { view: 'year=2023' }, 'title'],
      [`${path}/slides`, 'POST', { title: 'Bad', view: '', position: 99 }, 'position'],
      [`${path}/slides`, 'POST', { title: 'Bad', view: '', position: 'first' }, 'position'],
      [`${path}/slides/${full.slides[0].id}`, 'PATCH', {}, 'body'],
      [`${path}/slides/${full.slides[0].id}`, 'PATCH', { view: 'at=99/0/0' }, 'view.at'],
      [`${path}/order`, 'PUT', { slides: [full.slides[0].id] }, 'slides'],
      [`${path}/order`, 'PUT', { slides: [full.slides[0].id, full.slides[0].id] }, 'slides'],
      [`${path}/order`, 'PUT', { slides: 'a,b' }, 'slides'],
      ['/api/decks/import', 'POST', '{"format": "antq-deck", "version": 1, "name": "x", "slides": [', 'file'],
      ['/api/decks/import', 'POST', { format: 'other' }, 'format'],
      ['/api/decks/import', 'POST', { format: 'antq-deck', version: 1, name: 'x', slides: [{ title: 'a', view: '' }, { title: 'b', view: 'province=XX' }] }, 'slides[1].view.province'],
    ];
    for (const [p, method, body, field] of bad) {
      const e = await error(await call(p, 'xem', method, body), 400);
      expect(e.field, `${method} ${p} ${JSON.stringify(body)}: ${e.message}`).toBe(field);
      expect(e.message.length).toBeGreaterThan(10);
    }
    expect((await error(await call(`${path}/slides/999999`, 'xem', 'DELETE'), 404)).field).toBe('slideId');
    expect((await error(await call('/api/decks/999999', 'xem', 'DELETE'), 404)).field).toBe('id');
    const huge = JSON.stringify({ format: 'antq-deck', padding: 'x'.repeat(1024 * 1024) });
    expect((await error(await call('/api/decks/import', 'xem', 'POST', huge), 413)).field).toBe('file');
    expect(await snapshot()).toEqual(before);
  });

  it('deletes a deck with its slides', async () => {
    const { deck } = await ok(await call('/api/decks', 'bacninh', 'POST', { name: 'Tạm' }), 201);
    await ok(await call(`/api/decks/${deck.id}/slides`, 'bacninh', 'POST', { title: 'Một', view: '' }), 201);
    expect(await (await call(`/api/decks/${deck.id}`, 'bacninh', 'DELETE')).json()).toEqual({ ok: true });
    expect((await call(`/api/decks/${deck.id}`, null)).status).toBe(404);
    expect((await store.sql.get<{ n: number }>('SELECT count(*) AS n FROM deck_slides WHERE deck_id = ?', [deck.id]))?.n).toBe(0);
  });
});
