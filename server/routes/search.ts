import { createHash } from 'node:crypto';
import { Hono, type TypedResponse } from 'hono';
import { buildSearchIndex, type SearchIndexData } from '../../shared/domain/searchIndex.js';
import type { StatsService } from '../services/stats.js';
import type { Store } from '../store/store.js';

interface Built {
  version: number;
  body: string;
  etag: string;
}

/** True when an If-None-Match header names this entity; compress() hands out the ETag weak (W/"…"). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** GET /api/search-index: every name the search box can find, downloaded once and searched on the client. */
export function searchRoutes(svc: StatsService, store: Store) {
  let built: Promise<Built> | null = null;
  const build = async (version: number): Promise<Built> => {
    const [now, old, links] = await Promise.all([svc.units('2025'), svc.units('pre2025'), svc.crosswalkLinks()]);
    const body = JSON.stringify(buildSearchIndex(now, old, links));
    // Keyed on the content: a new batch of figures bumps the store's version but leaves the names as they were.
    return { version, body, etag: `"si-${createHash('sha256').update(body).digest('hex').slice(0, 24)}"` };
  };
  const current = async (): Promise<Built> => {
    const version = await store.version();
    const b = await built?.catch(() => null);
    if (b?.version === version) return b;
    built = build(version);
    return built;
  };

  return new Hono().get('/', async (c) => {
    const b = await current();
    c.header('ETag', b.etag);
    c.header('Cache-Control', 'public, max-age=3600, must-revalidate');
    if (etagMatches(c.req.header('If-None-Match'), b.etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    // Serialised once per version; typed for hc<AppType> as what it is.
    return c.body(b.body) as unknown as TypedResponse<SearchIndexData, 200, 'json'>;
  });
}
