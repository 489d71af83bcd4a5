import { describe, expect, it } from 'vitest';
import { appBase } from './app.js';
import { CONTENT_SECURITY_POLICY } from './http/securityHeaders.js';

// What every route pays, the benchmark's hello-world included (scripts/bench/server-process.ts): a route built on
// the base gets the security headers, and under /api/ the cross-site write check and the body limits.
describe('appBase', () => {
  const app = appBase()
    .get('/api/hello', (c) => c.text('Hello, World!'))
    .post('/api/hello', (c) => c.text('posted'));

  it('gives a plain route the security headers', async () => {
    for (let k = 0; k < 2; k++) {
      const res = await app.request('/api/hello');
      expect(await res.text()).toBe('Hello, World!');
      expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    }
  });

  it('refuses writes from another site and oversized bodies under /api/', async () => {
    const cross = await app.request('/api/hello', { method: 'POST', headers: { 'Sec-Fetch-Site': 'cross-site' }, body: '{}' });
    expect(cross.status).toBe(403);
    const big = await app.request('/api/hello', { method: 'POST', headers: { 'Content-Length': String(1 << 20) }, body: 'x'.repeat(1 << 20) });
    expect(big.status).toBe(413);
    expect((await app.request('/api/hello', { method: 'POST', body: '{}' })).status).toBe(200);
  });
});
