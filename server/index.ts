import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { WARM_REQUESTS } from './routes/boundaries.js';
import { createApp } from './app.js';
import { warmReader } from './import/readUpload.js';
import { paths } from './config.js';
import { openStore } from './store/open.js';

const p = paths();
const { store, admin } = await openStore();
const maxUploadBytes = process.env.ANTQ_IMPORT_MAX_BYTES ? Number(process.env.ANTQ_IMPORT_MAX_BYTES) : undefined;
const app = createApp({ store, geoDir: join(p.buildDir, 'geo'), clientDir: p.clientDir, admin, maxUploadBytes });
const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';

const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`Bản đồ phong trào Toàn dân bảo vệ ANTQ: http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}/`);
  // Cuts the vector tile index now (about a second) rather than on the first visitor's map.
  for (const [path, init] of WARM_REQUESTS) void app.request(path, init);
  // Boots the import file reader's thread in the background, so the first large upload's check does not pay for it.
  if (admin) void warmReader();
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void store.close().then(() => process.exit(0));
  });
}
