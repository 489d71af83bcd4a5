// Started by the benchmark as a child process, so that the load generator and the browser do not
// share its event loop: the real app (built client, API, boundaries) and, in the same process, the hello-world
// route that the stats route is compared against. Hello-world is built on the app's own base (its router and the
// middleware every answer passes: security headers, and under /api/ the write check and body limits), so the
// comparison is of the route's own work, not of what every route pays; the bare Hono route beside it says what
// that base costs.
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { appBase, createApp } from '../../server/app.js';
import { paths } from '../../server/config.js';
import { WARM_REQUESTS } from '../../server/routes/boundaries.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { BARE_HELLO_PATH, HELLO_PATH } from './server.js';

const p = paths();
const store = openSqliteStore(p.dbPath);
const app = createApp({ store, geoDir: join(p.buildDir, 'geo'), clientDir: p.clientDir });
const hello = appBase().get(HELLO_PATH, (c) => c.text('Hello, World!'));
const bare = new Hono().get('*', (c) => c.text('Hello, World!'));
const routes: Record<string, { fetch: (req: Request) => Response | Promise<Response> }> = { [HELLO_PATH]: hello, [BARE_HELLO_PATH]: bare };

const server = serve(
  {
    // Every app behind the same dispatch, so that each path pays the same for it.
    fetch: (req: Request) => (routes[new URL(req.url).pathname] ?? app).fetch(req),
    port: 0,
    hostname: '127.0.0.1',
  },
  // As `npm run serve` does: the vector tile index is cut before the first page asks for a tile.
  (info: AddressInfo) => void Promise.all(WARM_REQUESTS.map(([path, init]) => Promise.resolve(app.request(path, init)))).then(() => process.send?.({ port: info.port })),
);

process.on('disconnect', () => {
  server.close();
  void store.close().then(() => process.exit(0));
});
