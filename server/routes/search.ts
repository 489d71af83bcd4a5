import { Hono } from 'hono';
import { buildSearchIndex, type SearchIndexData } from '../../shared/domain/searchIndex.js';
import { EncodedBody, respond } from '../lib/encodedBody.js';
import type { StatsService } from '../services/stats.js';
import type { Store } from '../store/store.js';

interface Built {
  version: number;
  body: EncodedBody<SearchIndexData>;
}

/** GET /api/search-index: every name the search box can find, downloaded once and searched on the client. */
export function searchRoutes(svc: StatsService, store: Store) {
  let built: Promise<Built> | null = null;
  const build = async (version: number): Promise<Built> => {
    const [now, old, links] = await Promise.all([svc.units('2025'), svc.units('pre2025'), svc.crosswalkLinks()]);
    // Tagged by its content: a new batch of figures bumps the store's version but leaves the names (and the tag) as they were.
    return { version, body: new EncodedBody(buildSearchIndex(now, old, links)) };
  };
  const current = async (): Promise<Built> => {
    const version = await store.version();
    const b = await built?.catch(() => null);
    if (b?.version === version) return b;
    built = build(version);
    return built;
  };

  // Serialised and compressed once per version.
  return new Hono().get('/', async (c) => respond(c, (await current()).body, 'public, max-age=3600, must-revalidate'));
}
