import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { missingSeededApi, skipUnlessCi } from '../../test/support/prerequisites.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildIndex, search } from '../../shared/lib/search.js';
import { createApp } from '../app.js';
import { paths } from '../config.js';
import type { SearchIndexData } from '../../shared/domain/searchIndex.js';
import { openSqliteStore } from '../store/sqlite.js';

const db = inject('seededDb');
const geoDir = join(paths().buildDir, 'geo');
const skip = skipUnlessCi('the search index API tests', missingSeededApi(db, inject('seededDbSkip')));

describe.skipIf(skip)('GET /api/search-index on the seeded data', () => {
  const store = openSqliteStore(db!);
  const app = createApp({ store, geoDir });
  afterAll(() => store.close());

  it('serves every province, commune and old name, gzipped, with an ETag that revalidates', async () => {
    const res = await app.request('/api/search-index', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Cache-Control')).toMatch(/must-revalidate/);
    const gz = Buffer.from(await res.arrayBuffer());
    expect(gz.length).toBeLessThan(200_000);
    const data = JSON.parse(gunzipSync(gz).toString('utf8')) as SearchIndexData;
    expect(data.provinces).toHaveLength(34);
    expect(data.communes).toHaveLength(3321);
    expect(data.oldProvinces).toHaveLength(63);
    expect(data.aliases.length).toBeGreaterThan(8000);
    expect(data.aliases).toContainEqual(['09367', 'Đông Ngàn', 'Phường', '261', ['09367']]);
    expect(data.aliases).toContainEqual(['02287', 'Vĩnh Lộc', 'Thị trấn', '073', ['02287']]);
    // A split commune lists every successor, the largest share first.
    expect(data.aliases.some((a) => a[4].length > 1)).toBe(true);

    const etag = res.headers.get('ETag')!;
    expect(etag).toMatch(/^"[^"]+\.gz"$/); // strong: these bytes
    const again = await app.request('/api/search-index', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect((await app.request('/api/search-index', { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
  });

  it('lets the client find today\'s communes from old names', async () => {
    const data = (await (await app.request('/api/search-index')).json()) as SearchIndexData;
    const index = buildIndex(data);
    for (const q of ['dong ngan', 'Đông Ngàn', 'dong ngna']) {
      expect(search(index, q)[0], q).toMatchObject({ kind: 'commune', code: '09367', name: 'Phường Từ Sơn', alias: { oldName: 'Phường Đông Ngàn' } });
    }
    expect(search(index, 'Thị trấn Vĩnh Lộc')[0]).toMatchObject({ code: '02287', name: 'Xã Chiêm Hoá' });
    const vinhLoc = search(index, 'vinh loc').map((r) => r.id);
    expect(vinhLoc).toEqual(expect.arrayContaining(['c15349', 'c27601', 'c31858', 'o02287']));
    expect(search(index, 'bac ninh')[0]).toMatchObject({ kind: 'province', code: '24' });
    // How fast each keystroke is answered is measured in the benchmark (npm run bench), not asserted here.
  });
});
