// Started by the benchmark as a child process, so that the load generator and the browser do not
// share its event loop: the real app (built client, API, boundaries) and, in the same process, a bare
// Hono hello-world route that the stats route is compared against.
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../server/app.js';
import { paths } from '../../server/config.js';
import { WARM_TILE } from '../../server/routes/boundaries.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { HELLO_PATH } from './server.js';

const p = paths();
const store = openSqliteStore(p.dbPath);
const app = createApp({ store, geoDir: join(p.buildDir, 'geo'), clientDir: p.clientDir });
const hello = new Hono().get('*', (c) => c.text('Hello, World!'));

const server = serve(
  {
    // Both apps behind the same dispatch, so the comparison pays the same per-request cost.
    fetch: (req: Request) => (new URL(req.url).pathname === HELLO_PATH ? hello.fetch(req) : app.fetch(req)),
    port: 0,
    hostname: '127.0.0.1',
  },
  // As `npm run serve` does: the vector tile index is cut before the first page asks for a tile.
  (info: AddressInfo) => void Promise.resolve(app.request(WARM_TILE)).then(() => process.send?.({ port: info.port })),
);

process.on('disconnect', () => {
  server.close();
  void store.close().then(() => process.exit(0));
});
