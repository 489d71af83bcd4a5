// What every answer carries and never carries: security headers on pages, files, API answers and errors
// alike; body limits (413); no internal message or `detail` in any error body; and an XLSX zip bomb
// refused with a clear message while /api/health keeps answering.

import { readdirSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SECURITY_HEADERS } from '../server/http/securityHeaders.js';
import { WARM_REQUESTS } from '../server/routes/boundaries.js';
import { paths } from '../server/config.js';
import { freshApp, type FreshApp } from './support/freshApp.js';
import { xlsxBomb, zipArchive, bombData, deflated } from './support/zipBomb.js';

const PASSWORD = 'ba con mèo trèo cây cau';
const json = { 'content-type': 'application/json' };
type ErrorBody = { error: { status: number; message: string; requestId?: string; [k: string]: unknown } };

/** An error body as the client gets it: a Vietnamese message, no internal detail. */
async function errorBody(res: Response, status: number): Promise<ErrorBody['error']> {
  expect(res.status).toBe(status);
  const text = await res.text();
  expect(text).not.toMatch(/"detail"|SQLITE|Error:|TypeError|Cannot read|at \w+ \(|node_modules|\/work\//);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.status).toBe(status);
  expect(body.error.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
  return body.error;
}

describe('every answer', () => {
  let f: FreshApp;
  let session: { cookie: string; csrf: string };
  const asAdmin = (init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), cookie: session.cookie, 'x-csrf-token': session.csrf } });

  beforeAll(async () => {
    f = await freshApp({ clientDir: paths().clientDir });
    await f.addUsers(['quantri'], PASSWORD, 'admin');
    const res = await f.request('/api/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ name: 'quantri', password: PASSWORD }) });
    session = { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  });
  afterAll(() => f.close());

  it('carries the security headers: page, script, API, tile, glyphs, 404, 401, 403, 413, 500', async () => {
    const script = readdirSync(`${paths().clientDir}/assets`).find((n) => n.endsWith('.js'))!;
    const answers: [string, Response][] = [
      ['page', await f.request('/')],
      ['deep link', await f.request('/?year=2024')],
      ['script', await f.request(`/assets/${script}`)],
      ['health', await f.request('/api/health')],
      ['tile', await f.request(WARM_REQUESTS[0][0])],
      ['glyphs', await f.request('/fonts/Noto%20Sans%20Regular/0-255.pbf')],
      ['api 404', await f.request('/api/khong-co')],
      ['401', await f.request('/api/imports')],
      ['403', await f.request('/api/auth/login', { method: 'POST', headers: { ...json, origin: 'null' }, body: '{}' })],
      ['413', await f.request('/api/auth/login', { method: 'POST', headers: json, body: 'x'.repeat(50_000) })],
    ];
    const broken = await brokenStoreApp(f);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    answers.push(['500', await broken.request('/api/health')]);
    log.mockRestore();
    for (const [what, res] of answers) {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(k), `${what}: ${k}`).toBe(v);
      expect(res.headers.get('strict-transport-security'), what).toBeNull();
    }
    expect(answers[0][1].status).toBe(200);
    expect(answers[2][1].status).toBe(200);
    expect(answers[4][1].status).toBe(200);
    const csp = SECURITY_HEADERS['Content-Security-Policy'];
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    // Behind an https proxy, browsers are told to stay on https.
    expect((await f.request('/api/health', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('sends the built client compressed, its hashed files cached for a year and the page revalidated', async () => {
    const script = readdirSync(`${paths().clientDir}/assets`).find((n) => /^maplibre-.*\.js$/.test(n))!;
    const res = await f.request(`/assets/${script}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect((await res.arrayBuffer()).byteLength).toBeLessThan(statSync(`${paths().clientDir}/assets/${script}`).size / 3);
    const page = await f.request('/', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(page.headers.get('Content-Encoding')).toBe('gzip');
    expect(page.headers.get('Cache-Control')).toBe('no-cache');
    expect((await f.request('/', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': page.headers.get('ETag')! } })).status).toBe(304);
    expect((await f.request('/assets/index-khongco.js')).status).toBe(404);
  });

  it('limits every body: 413 with a Vietnamese message, also when the size is not announced', async () => {
    expect((await errorBody(await f.request('/api/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ name: 'a', password: 'p'.repeat(50_000) }) }), 413)).message).toMatch(/quá lớn/);
    // Streamed without Content-Length: counted as it arrives.
    const stream = () =>
      new ReadableStream({
        start(c) {
          for (let k = 0; k < 20; k++) c.enqueue(new TextEncoder().encode('{"name":"' + 'x'.repeat(5_000)));
          c.close();
        },
      });
    const deckEdit = await f.request('/api/decks/1', asAdmin({ method: 'PATCH', headers: json, body: stream(), duplex: 'half' } as RequestInit));
    expect((await errorBody(deckEdit, 413)).message).toMatch(/giới hạn 16 KB/);
    const user = await f.request('/api/admin/users', asAdmin({ method: 'POST', headers: json, body: JSON.stringify({ name: 'moi', role: 'viewer', password: 'x'.repeat(40_000) }) }));
    await errorBody(user, 413);
    // A deck of a normal size still goes through.
    const deck = await f.request('/api/decks', asAdmin({ method: 'POST', headers: json, body: JSON.stringify({ name: 'Hội nghị tổng kết' }) }));
    expect(deck.status).toBe(201);
  });

  it('refuses invalid UTF-8 in a deck name instead of storing U+FFFD', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"Bo '), 0xc3, 0x28, ...new TextEncoder().encode('"}')]);
    const res = await f.request('/api/decks', asAdmin({ method: 'POST', headers: json, body: bytes }));
    expect((await errorBody(res, 400)).message).toMatch(/UTF-8/);
    expect(await f.store.sql.all("SELECT id FROM decks WHERE name LIKE '%' || ? || '%'", ['\uFFFD'])).toEqual([]);
  });

  it('answers a failure with a request id and a Vietnamese message; the error itself goes to the log', async () => {
    const broken = await brokenStoreApp(f);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await broken.request('/api/health');
      const id = res.headers.get('x-request-id');
      const e = await errorBody(res, 500);
      expect(id).toBe(e.requestId);
      expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(e.message).toContain(e.requestId);
      expect(Object.keys(e).sort()).toEqual(['message', 'requestId', 'status']);
      expect(log.mock.calls.some((c) => String(c[0]).includes(e.requestId!) && String(c[1]).includes('SQLITE_CORRUPT'))).toBe(true);
    } finally {
      log.mockRestore();
    }
    await errorBody(await f.request('/api/auth/login', { method: 'POST', headers: { ...json, origin: 'http://[' }, body: '{}' }), 403);
  });

  it('refuses XLSX zip bombs with a clear message, while /api/health keeps answering', async () => {
    const upload = (bytes: Uint8Array, name: string) => f.request(`/api/imports/check?year=2025&name=${name}`, asAdmin({ method: 'POST', body: new Uint8Array(bytes) }));
    const bombs = {
      // 1,6 GB declared as such; 1,6 GB declared as 4 KB; 200 MB declared as 60 MB (inside the budget until inflated).
      honest: xlsxBomb(1600, false),
      lying: xlsxBomb(1600, true),
      inside: zipArchive([deflated('[Content_Types].xml', '<Types/>'), { name: 'xl/worksheets/sheet1.xml', data: bombData(200), method: 8, declaredSize: 60 * 1024 * 1024 }]),
    };
    expect(bombs.honest.length).toBeLessThan(2_000_000);
    const health: Promise<Response>[] = [];
    const answers = Object.entries(bombs).map(([name, bytes]) => upload(bytes, `${name}.xlsx`));
    for (let k = 0; k < 10; k++) health.push(f.request('/api/health'));
    const reports = await Promise.all(answers.map(async (r) => (await (await r).json()) as { canCommit: boolean; problems: { message: string }[] }));
    for (const h of await Promise.all(health)) expect(h.status).toBe(200);
    expect(reports[0].problems[0].message).toMatch(/giải nén ra 1[.,]?600 MB, quá giới hạn 64 MB/);
    expect(reports[1].problems[0].message).toMatch(/bị hỏng/);
    expect(reports[2].problems[0].message).toMatch(/bị hỏng|quá giới hạn/);
    for (const r of reports) expect(r.canCommit).toBe(false);
    expect(process.memoryUsage().rss).toBeLessThan(3 * 1024 ** 3);
  });
});

/** The same app on a store whose every read fails as a damaged database would. */
async function brokenStoreApp(f: FreshApp) {
  const { createApp } = await import('../server/app.js');
  const fail = async () => {
    throw new Error('SQLITE_CORRUPT: database disk image is malformed');
  };
  const store = new Proxy(f.store, { get: (t, p) => (p === 'version' ? fail : Reflect.get(t, p, t)) });
  const app = createApp({ store, geoDir: `${paths().buildDir}/geo`, admin: f.admin });
  return { request: (path: string, init: RequestInit = {}) => app.request(path, init) };
}
