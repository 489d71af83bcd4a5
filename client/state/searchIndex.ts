// The search box's index of names, one per page, and fresh with the data: a re-seed or new reference data may
// rename units or change their set. It is loaded again only when the data version moved on (not at each poll), and
// then revalidated with the server (a 304 when the names are the same, and the index built before is kept).

import { buildIndex, type SearchIndex } from '../../shared/lib/search.js';
import type { SearchIndexData } from '../../shared/domain/searchIndex.js';
import { fetchSearchIndex } from '../api.js';
import type { VersionedCache } from '../lib/versionedCache.js';
import { figures } from './dataVersion.js';

type Fetch = (revalidate: boolean) => Promise<{ data: SearchIndexData; etag: string | null }>;

/** Loads the index at most once per data version of `versions`; `fetch` as fetchSearchIndex. */
export function searchIndexLoader(versions: Pick<VersionedCache, 'generation'>, fetch: Fetch) {
  let current: { generation: number; index: Promise<SearchIndex> } | null = null;
  let built: { etag: string; index: SearchIndex } | null = null;
  return (): Promise<SearchIndex> => {
    const generation = versions.generation;
    if (current?.generation === generation) return current.index;
    // The first load may take the browser's copy; after a change of data it asks the server.
    const index = fetch(built !== null || generation > 0).then(({ data, etag }) => {
      if (etag && built?.etag === etag) return built.index;
      const fresh = buildIndex(data);
      built = etag ? { etag, index: fresh } : null;
      return fresh;
    });
    const entry = { generation, index };
    current = entry;
    // Forgotten on failure, so that the next focus retries.
    index.catch(() => current === entry && (current = null));
    return index;
  };
}

/** The page's index: whichever search box asks first, then again after each change of the data. */
export const loadSearchIndex = searchIndexLoader(figures, fetchSearchIndex);
