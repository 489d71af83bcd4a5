import { relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { boundariesRoutes } from './routes/boundaries.js';
import { fontsRoutes } from './routes/fonts.js';
import { metaRoutes } from './routes/meta.js';
import { statsRoutes } from './routes/stats.js';
import { unitsRoutes } from './routes/units.js';
import { worklistRoutes } from './routes/worklist.js';
import { ApiError } from './services/errors.js';
import { StatsService } from './services/stats.js';
import type { Store } from './store/store.js';

export interface AppOptions {
  store: Store;
  /** build/geo: the pipeline's boundary layers. */
  geoDir: string;
  /** The built client; omitted in API-only tests. */
  clientDir?: string;
}

export function createApp({ store, geoDir, clientDir }: AppOptions) {
  const svc = new StatsService(store);
  const api = new Hono()
    .use(compress())
    .get('/health', async (c) => c.json({ ok: true, storeVersion: await store.version() }))
    .route('/meta', metaRoutes(svc))
    .route('/stats', statsRoutes(svc))
    .route('/units', unitsRoutes(svc))
    // /worklist, /worklist.xlsx|.csv, /targets, /targets.xlsx|.csv: file names, so mounted at the root.
    .route('/', worklistRoutes(svc));

  const app = new Hono()
    .route('/api', api)
    // Precompressed already: kept out of compress().
    .route('/api/boundaries', boundariesRoutes(geoDir))
    .route('/fonts', fontsRoutes());

  app.all('/api/*', (c) => c.json({ error: { status: 404, message: `Không có đường dẫn API ${c.req.path}` } }, 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json({ error: { status: err.status, message: err.message, field: err.field ?? null } }, err.status);
    console.error(err);
    return c.json({ error: { status: 500, message: 'Lỗi máy chủ', detail: err.message } }, 500);
  });
  if (clientDir) {
    const root = relative(process.cwd(), clientDir) || '.';
    app.use('/*', serveStatic({ root }));
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  return app;
}

/** The API's type, shared with the client through hono/client's hc<AppType>. */
export type AppType = ReturnType<typeof createApp>;
