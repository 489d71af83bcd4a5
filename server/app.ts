import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { sameOriginWrites } from './auth/origin.js';
import { loadSession } from './auth/session.js';
import { bodyLimits } from './http/bodyLimits.js';
import { clientFiles } from './http/clientFiles.js';
import { errorHandler } from './http/errorHandler.js';
import { MemoRouter } from './http/memoRouter.js';
import { securityHeaders } from './http/securityHeaders.js';
import { adminRoutes } from './routes/admin.js';
import { authRoutes } from './routes/auth.js';
import { boundariesRoutes } from './routes/boundaries.js';
import { deckRoutes } from './routes/decks.js';
import { DEFAULT_MAX_UPLOAD_BYTES, importRoutes } from './routes/imports.js';
import { fontsRoutes } from './routes/fonts.js';
import { metaRoutes } from './routes/meta.js';
import { reportRoutes } from './routes/reports.js';
import { ogcRoutes } from './routes/ogc.js';
import { searchRoutes } from './routes/search.js';
import { statsRoutes } from './routes/stats.js';
import { unitsRoutes } from './routes/units.js';
import { versionRoutes } from './routes/version.js';
import { worklistRoutes } from './routes/worklist.js';
import { ApiError } from './services/errors.js';
import { ImportService } from './services/imports.js';
import { StatsService } from './services/stats.js';
import type { AdminBackend } from './store/admin.js';
import type { Store } from './store/store.js';

export interface AppOptions {
  store: Store;
  /** build/geo: the pipeline's boundary layers. */
  geoDir: string;
  /** The built client; omitted in API-only tests. */
  clientDir?: string;
  /** Imports, accounts and audit log (e.g. sqliteAdmin(store)); without it every admin operation answers 503. */
  admin?: AdminBackend;
  /** Largest import file accepted (bytes); default 10 MB. */
  maxUploadBytes?: number;
}

export function createApp({ store, geoDir, clientDir, admin, maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES }: AppOptions) {
  const svc = new StatsService(store);
  const backend = admin ?? unavailableAdmin();
  const compressed = compress();
  const api = new Hono()
    .use(compressed)
    .use(loadSession(backend.users))
    // The database's identity beside its version: behind a load balancer, every process should name the same one.
    .get('/health', async (c) => c.json({ ok: true, storeVersion: await store.version(), db: await store.identity() }))
    .route('/meta', metaRoutes(svc, store))
    .route('/units', unitsRoutes(svc))
    .route('/auth', authRoutes(backend))
    .route('/imports', importRoutes(new ImportService(store, backend.ledger), backend, maxUploadBytes))
    .route('/admin', adminRoutes(store, backend))
    .route('/decks', deckRoutes(backend))
    .route('/reports', reportRoutes(svc, geoDir, backend.decks))
    // /worklist, /worklist.xlsx|.csv, /targets, /targets.xlsx|.csv: file names, so mounted at the root.
    .route('/', worklistRoutes(svc));

  const app = appBase()
    // The busiest route, first and outside /api's middleware: it needs no session, and it sends bytes it compressed
    // once itself (compress() would only rebuild their headers on each request).
    .route('/api/stats', statsRoutes(svc))
    // Likewise public, and sent as bytes compressed once per version.
    .route('/api/search-index', searchRoutes(svc, store))
    // Polled by every open map page (client/state/dataVersion.ts): as cheap as /api/stats' 304, and for the same reasons.
    .route('/api/version', versionRoutes(store))
    .route('/api', api)
    // Precompressed already: kept out of compress().
    .route('/api/boundaries', boundariesRoutes(geoDir))
    .route('/fonts', fontsRoutes())
    // OGC API – Features and the GIS downloads: public, read-only; compresses its own answers (server/gis/body.ts).
    .route('/ogc', ogcRoutes(svc, geoDir));

  app.all('/api/*', (c) => c.json({ error: { status: 404, message: `Không có đường dẫn API ${c.req.path}` } }, 404));
  if (clientDir) app.get('*', clientFiles(clientDir));
  return app;
}

/**
 * The app before its routes: the router every request is matched by (route() copies the sub-apps' routes into the
 * top app's), the middleware every answer passes (security headers on all, errors and static files included; on
 * /api/*, writes from other sites and oversized bodies refused) and the error handler. The benchmark's hello-world route is built on it
 * too (scripts/bench/server-process.ts), so that it pays what a real route pays.
 */
export function appBase() {
  const base = new Hono({ router: new MemoRouter() }).use(securityHeaders()).use('/api/*', sameOriginWrites(), bodyLimits());
  base.onError(errorHandler);
  return base;
}

/** No admin backend configured: public routes work, every admin operation says so. */
function unavailableAdmin(): AdminBackend {
  const no = async (): Promise<never> => {
    throw new ApiError(503, 'Máy chủ chưa bật chức năng quản trị (nhập số liệu, tài khoản, bộ trình chiếu)');
  };
  return {
    ledger: { commitImport: no, rollbackImport: no, imports: no, importMapping: no, saveImportMapping: no },
    users: { user: no, users: no, addUser: no, updateUser: no, createSession: no, session: async () => undefined, deleteSession: no, reserveLoginAttempt: no, settleLoginAttempt: no },
    audit: { auditEntries: no, appendAudit: no },
    decks: { decks: no, deck: no, createDeck: no, renameDeck: no, deleteDeck: no, addSlide: no, updateSlide: no, deleteSlide: no, reorderSlides: no },
  };
}

/** The API's type, shared with the client through hono/client's hc<AppType>. */
export type AppType = ReturnType<typeof createApp>;
