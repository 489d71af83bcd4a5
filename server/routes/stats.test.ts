import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { missingSeededApi, skipUnlessCi } from '../../test/support/prerequisites.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../app.js';
import { paths } from '../config.js';
import { unpackCodes, unpackStatuses } from '../../shared/domain/compactStatus.js';
import type { StatsResponse, StatusResponse } from '../services/stats.js';
import { KINDS, kindSkip, seededStore, type TestStore } from '../../test/support/databases.js';
import { SECURITY_HEADERS } from '../http/securityHeaders.js';

const db = inject('seededDb');
const geoDir = join(paths().buildDir, 'geo');
const skip = skipUnlessCi('the /api/stats tests', missingSeededApi(db, inject('seededDbSkip')));

for (const kind of KINDS) describe.skipIf(skip || kindSkip(kind, true))(`/api/stats from cached bytes (${kind})`, () => {
  let t: TestStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await seededStore(kind);
    app = createApp({ store: t.store, geoDir });
  });
  afterAll(() => t?.remove());
  const path = '/api/stats?year=2025&level=commune';

  it('sends the same JSON as a browser asks for it (brotli), tagged, and 304 once the client has it', async () => {
    const plain = await app.request(path);
    expect(plain.status).toBe(200);
    const body = (await plain.json()) as StatsResponse;
    expect(body.units.length).toBeGreaterThan(3000);

    const br = await app.request(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    expect(JSON.parse(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString())).toEqual(body);

    // Strong tags, one per byte sequence: the same content's tags differ only by the encoding's suffix.
    const etag = br.headers.get('ETag')!;
    expect(etag).toBe(plain.headers.get('ETag')!.replace(/"$/, '.br"'));
    for (const tag of [etag, plain.headers.get('ETag')!]) {
      const again = await app.request(path, { headers: { 'If-None-Match': tag, 'Accept-Encoding': 'br' } });
      expect(again.status).toBe(304);
      expect(again.headers.get('ETag')).toBe(etag);
    }
  });

  it('answers fields=status with the status of each commune packed, in a few KB, matching the full answer', async () => {
    const full = (await (await app.request(path)).json()) as StatsResponse;
    const res = await app.request(`${path}&fields=status`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBeLessThan(4000);
    const compact = JSON.parse(brotliDecompressSync(bytes).toString()) as StatusResponse;
    const { units, ...head } = full;
    expect(compact).toMatchObject(head);
    const codes = unpackCodes(compact.codes);
    expect(codes).toEqual(units.map((u) => u.code));
    expect(unpackStatuses(compact.status, codes.length)).toEqual(units.map((u) => ('status' in u ? u.status : null)));
    // One province's communes, and the old communes (island districts among them: codes of mixed widths).
    const province = (await (await app.request('/api/stats?year=2025&level=commune&province=24&fields=status')).json()) as StatusResponse;
    expect(unpackCodes(province.codes).every((c) => c.length === 5)).toBe(true);
    const old = (await (await app.request('/api/stats?year=2020&vintage=pre2025&fields=status')).json()) as StatusResponse;
    const oldFull = (await (await app.request('/api/stats?year=2020&vintage=pre2025')).json()) as StatsResponse;
    expect(unpackCodes(old.codes)).toEqual(oldFull.units.map((u) => u.code));
    expect(res.headers.get('ETag')).not.toBe((await app.request(path)).headers.get('ETag'));
  });

  it('sends its ready-made answers with the security headers of every answer (HSTS over https only), the same each time', async () => {
    for (let k = 0; k < 2; k++) {
      for (const headers of [{}, { 'Accept-Encoding': 'br' }] as Record<string, string>[]) {
        const res = await app.request(`${path}&fields=status`, { headers });
        for (const [h, v] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(h), h).toBe(v);
        expect(res.headers.get('Strict-Transport-Security')).toBeNull();
      }
    }
    const https = await app.request(`${path}&fields=status`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(https.headers.get('Strict-Transport-Security')).toMatch(/max-age=/);
    const again = await app.request(`${path}&fields=status`, { headers: { 'If-None-Match': https.headers.get('ETag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('Content-Security-Policy')).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    // A refused query is checked each time, never remembered.
    for (let k = 0; k < 2; k++) expect((await app.request('/api/stats?year=2025&fields=all')).status).toBe(400);
  });

  it('tags different queries differently', async () => {
    const a = await app.request(path);
    const b = await app.request('/api/stats?year=2024&level=commune');
    expect(a.headers.get('ETag')).not.toBe(b.headers.get('ETag'));
  });
});
