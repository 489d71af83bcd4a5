import { describe, expect, it, vi } from 'vitest';
import type { SearchIndexData } from '../../shared/domain/searchIndex.js';
import { search } from '../../shared/lib/search.js';
import { VersionedCache } from '../lib/versionedCache.js';
import { searchIndexLoader } from './searchIndex.js';

const names = (commune: string): SearchIndexData => ({
  provinces: [['01', 'Hà Nội', 'Thành phố', '']],
  communes: [['00004', commune, 'Phường', '01']],
  oldProvinces: [],
  oldDistricts: [],
  aliases: [],
});

describe('searchIndexLoader', () => {
  it('loads once per data version, asks the server again after it moved on, and keeps the index when the names held', async () => {
    const versions = new VersionedCache();
    versions.observe('a.1');
    const answers = [
      { data: names('Ba Đình'), etag: '"e1"' },
      { data: names('Ba Đình'), etag: '"e1"' }, // the names held: a 304, the browser's copy
      { data: names('Ngọc Hà'), etag: '"e2"' }, // a re-seed renamed the ward
    ];
    const fetch = vi.fn(async (_revalidate: boolean) => answers.shift()!);
    const load = searchIndexLoader(versions, fetch);

    const first = await load();
    expect(await load()).toBe(first);
    // Polls that find the same version fetch nothing.
    versions.observe('a.1');
    expect(await load()).toBe(first);
    expect(fetch.mock.calls).toEqual([[false]]);

    versions.observe('a.2'); // figures changed, names did not
    expect(await load()).toBe(first);
    expect(fetch.mock.calls).toEqual([[false], [true]]);

    versions.observe('b.2'); // another database, same version number
    const renamed = await load();
    expect(fetch.mock.calls).toEqual([[false], [true], [true]]);
    expect(search(renamed, 'ngoc ha')[0]?.name).toBe('Phường Ngọc Hà');
    expect(search(renamed, 'ba dinh')).toEqual([]);
  });

  it('forgets a failed load, so that the next one tries again', async () => {
    const fetch = vi.fn().mockRejectedValueOnce(new Error('503')).mockResolvedValueOnce({ data: names('Ba Đình'), etag: null });
    const load = searchIndexLoader(new VersionedCache(), fetch);
    await expect(load()).rejects.toThrow('503');
    expect(search(await load(), 'ba dinh')[0]?.name).toBe('Phường Ba Đình');
  });
});
