import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { EncodedBody, chooseEncoding, etagMatches, respond } from './encodedBody.js';

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, as browsers offer them', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
  });
  it('sends plain bytes when nothing usable is accepted', () => {
    expect(chooseEncoding(undefined)).toBe('identity');
    expect(chooseEncoding('deflate')).toBe('identity');
    expect(chooseEncoding('br;q=0, gzip;q=0')).toBe('identity');
  });
  it('honours q=0 and the wildcard', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
  });
});

describe('etagMatches', () => {
  const etag = 'W/"abc"';
  it('compares weakly and within a list', () => {
    expect(etagMatches('W/"abc"', etag)).toBe(true);
    expect(etagMatches('"abc"', etag)).toBe(true);
    expect(etagMatches('"x", W/"abc"', etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
  });
  it('does not match another tag or no header', () => {
    expect(etagMatches('"abd"', etag)).toBe(false);
    expect(etagMatches(undefined, etag)).toBe(false);
  });
});

describe('EncodedBody', () => {
  const value = { units: Array.from({ length: 200 }, (_, i) => ({ code: String(i).padStart(5, '0'), status: 'dat' })) };
  it('serialises once and decodes back to the same JSON in every encoding', async () => {
    const b = new EncodedBody(value);
    expect(JSON.parse(Buffer.from(b.identity).toString())).toEqual(value);
    expect(JSON.parse(gunzipSync(await b.bytes('gzip')).toString())).toEqual(value);
    expect(JSON.parse(brotliDecompressSync(await b.bytes('br')).toString())).toEqual(value);
    expect((await b.bytes('br')).length).toBeLessThan(b.identity.length);
  });
  it('compresses each encoding once', async () => {
    const b = new EncodedBody(value);
    expect(await b.bytes('gzip')).toBe(await b.bytes('gzip'));
  });
  it('tags equal JSON alike and different JSON apart, strongly, each encoding apart', () => {
    expect(new EncodedBody(value).etag()).toBe(new EncodedBody(value).etag());
    expect(new EncodedBody({ other: 1 }).etag()).not.toBe(new EncodedBody(value).etag());
    const b = new EncodedBody(value);
    expect(b.etag()).toMatch(/^"[^"]+"$/);
    expect(new Set([b.etag(), b.etag('br'), b.etag('gzip')]).size).toBe(3);
  });
  it('knows any encoding of its JSON in an If-None-Match list, weak or strong', () => {
    const b = new EncodedBody(value);
    for (const tag of [b.etag(), b.etag('br'), `W/${b.etag('gzip')}`, `"x", ${b.etag('br')}`, '*']) expect(b.matches(tag), tag).toBe(true);
    for (const tag of [undefined, '', '"x"', new EncodedBody({ other: 1 }).etag(), b.etag().replace(/"$/, '.zz"')]) expect(b.matches(tag), tag).toBe(false);
  });
});

describe('respond', () => {
  const body = new EncodedBody({ year: 2025 });
  const app = new Hono().get('/', (c) => respond(c, body, 'no-cache'));
  const get = (headers: Record<string, string> = {}) => app.request('/', { headers });
  it('sends the accepted encoding with its length, tag and caching headers', async () => {
    const res = await get({ 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('ETag')).toBe(body.etag('gzip'));
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('Content-Length'))).toBe(bytes.length);
    expect(JSON.parse(gunzipSync(bytes).toString())).toEqual({ year: 2025 });
  });
  it('sends plain JSON to a client that accepts no compression', async () => {
    const res = await get();
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('ETag')).toBe(body.etag());
    expect(await res.json()).toEqual({ year: 2025 });
  });
  it('answers 304 without a body when the client has this version', async () => {
    const res = await get({ 'Accept-Encoding': 'br', 'If-None-Match': body.etag() });
    expect(res.status).toBe(304);
    expect(res.headers.get('ETag')).toBe(body.etag('br'));
    expect(await res.text()).toBe('');
  });
});
