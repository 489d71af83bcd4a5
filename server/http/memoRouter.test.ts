import { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { describe, expect, it } from 'vitest';
import { MemoRouter } from './memoRouter.js';

describe('MemoRouter', () => {
  it('answers as the router it wraps, and asks it once per method and path', () => {
    const inner = new TrieRouter<string>();
    let asked = 0;
    const counted = { name: inner.name, add: inner.add.bind(inner), match: (m: string, p: string) => (asked++, inner.match(m, p)) };
    const r = new MemoRouter(counted);
    r.add('ALL', '/api/*', 'mw');
    r.add('GET', '/api/units/:code', 'unit');
    r.add('GET', '/api/imports/check', 'check');
    r.add('POST', '/api/imports/:id/rollback', 'rollback');
    const fresh = new TrieRouter<string>();
    for (const [m, p, h] of [['ALL', '/api/*', 'mw'], ['GET', '/api/units/:code', 'unit'], ['GET', '/api/imports/check', 'check'], ['POST', '/api/imports/:id/rollback', 'rollback']]) fresh.add(m, p, h);
    for (const [m, p] of [['GET', '/api/units/01'], ['GET', '/api/units/01'], ['POST', '/api/imports/7/rollback'], ['GET', '/api/imports/7/rollback'], ['GET', '/api/units/02']]) {
      expect(r.match(m, p)).toEqual(fresh.match(m, p));
    }
    expect(asked).toBe(4);
  });

  it('keeps at most its size of paths, the oldest going first', () => {
    let asked = 0;
    const inner = new TrieRouter<string>();
    const r = new MemoRouter({ name: 'counted', add: inner.add.bind(inner), match: (m, p) => (asked++, inner.match(m, p)) }, 2);
    r.add('GET', '/:x', 'x');
    for (const p of ['/a', '/b', '/c', '/b', '/a']) r.match('GET', p);
    // /a, /b, /c asked; /c pushed /a out; /b still there; /a asked again.
    expect(asked).toBe(4);
  });

  it('routes a Hono app as its default router does, parameters included', async () => {
    const app = new Hono({ router: new MemoRouter() })
      .use('/api/*', async (c, next) => {
        await next();
        c.res.headers.set('X-Seen', '1');
      })
      .get('/api/units/:code', (c) => c.text(`unit ${c.req.param('code')}`))
      .get('/api/imports/check', (c) => c.text('check'))
      .post('/api/imports/:id/rollback', (c) => c.text(`rollback ${c.req.param('id')}`));
    for (let k = 0; k < 2; k++) {
      const a = await app.request('/api/units/01');
      expect([await a.text(), a.headers.get('X-Seen')]).toEqual(['unit 01', '1']);
      expect(await (await app.request('/api/units/79')).text()).toBe('unit 79');
      expect(await (await app.request('/api/imports/12/rollback', { method: 'POST' })).text()).toBe('rollback 12');
      expect((await app.request('/api/imports/12/rollback')).status).toBe(404);
    }
  });
});
