import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE, clientFiles, clientPath } from './clientFiles.js';
import { SECURITY_HEADERS, securityHeaders } from './securityHeaders.js';

describe('clientPath', () => {
  const root = '/srv/dist';
  it.each([
    ['/', '/srv/dist/index.html'],
    ['/assets/index-abc.js', '/srv/dist/assets/index-abc.js'],
    ['/assets/t%C3%AAn.js', '/srv/dist/assets/tên.js'],
  ])('%s → %s', (path, file) => expect(clientPath(root, path)).toBe(file));

  it.each(['/../package.json', '/assets/../../etc/passwd', '/assets/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fx', '/.env', '/assets/.git/config', '/a%00.js', '/a%5c..%5cx', '/a//b', '/%E0%A4%A'])(
    'refuses %s',
    (path) => expect(clientPath(root, path)).toBeNull(),
  );
});

describe('clientFiles', () => {
  let dir: string;
  let app: Hono;
  const script = 'export const x = ' + JSON.stringify('bản đồ '.repeat(2000)) + ';\n';
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'antq-client-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Bản đồ</title>' + '<!-- - -->'.repeat(200));
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(dir, 'assets', 'font-abc.woff2'), Buffer.alloc(4000, 7));
    // Beside the client, not in it: out of reach.
    writeFileSync(`${dir}-secret.txt`, 'x');
    app = new Hono().use(securityHeaders()).get('*', clientFiles(dir));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-secret.txt`, { force: true });
  });

  it('sends a hashed asset compressed as the browser accepts, cached for a year, with the security headers', async () => {
    const br = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(br.headers.get('Cache-Control')).toBe(IMMUTABLE);
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    const packed = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('Content-Length'))).toBe(packed.length);
    expect(packed.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(packed).toString()).toBe(script);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(br.headers.get(k), k).toBe(v);

    const gz = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    // One validator per byte sequence sent.
    expect(new Set([br, gz, plain].map((r) => r.headers.get('ETag'))).size).toBe(3);
  });

  it('answers a revalidation with 304, and a changed file with its new bytes', async () => {
    const first = await get('/', { 'Accept-Encoding': 'br' });
    expect(first.headers.get('Cache-Control')).toBe(REVALIDATE);
    const etag = first.headers.get('ETag')!;
    const again = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    // A new build writes the page again: its next load gets it.
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Bản đồ mới</title>' + '<!-- - -->'.repeat(200));
    utimesSync(join(dir, 'index.html'), new Date(), new Date(Date.now() + 5000));
    const changed = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(brotliDecompressSync(Buffer.from(await changed.arrayBuffer())).toString()).toMatch(/Bản đồ mới/);
  });

  it('sends compressed formats as they are', async () => {
    const res = await get('/assets/font-abc.woff2', { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Content-Type')).toBe('font/woff2');
    expect((await res.arrayBuffer()).byteLength).toBe(4000);
  });

  it('answers client-side routes with the page, and a missing file with a Vietnamese 404, never the page', async () => {
    for (const path of ['/quan-tri', '/quan-tri/nhap-so-lieu', '/assets']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toMatch(/^<!doctype html>/);
    }
    const outside = `/%2e%2e/${basename(dir)}-secret.txt`;
    for (const path of ['/assets/index-old999.js', '/favicon.ico', outside, `/assets${outside}`, '/.env']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toMatch(/^Không có tệp/);
    }
  });

  it('answers HEAD with the headers of a GET and no body', async () => {
    const res = await app.request('/assets/index-abc123.js', { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });
});
