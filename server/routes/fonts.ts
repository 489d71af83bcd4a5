import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
/** Glyph PBFs (Noto Sans, which covers Vietnamese) from the npm package, so no font comes from the internet. */
const FONTS_DIR = join(dirname(require.resolve('tileserver-gl-styles/package.json')), 'fonts');

export function fontsRoutes(dir = FONTS_DIR) {
  const cache = new Map<string, Buffer>();
  return new Hono().get('/:stack/:range', (c) => {
    const range = c.req.param('range');
    if (!/^\d+-\d+\.pbf$/.test(range)) return c.text('bad glyph range', 400);
    // MapLibre asks for a comma-separated font stack: serve the first font we have.
    const font = c.req.param('stack').split(',').map((s) => s.trim()).find((f) => !f.includes('/') && !f.includes('..') && existsSync(join(dir, f)));
    if (!font) return c.text('unknown font', 404);
    const file = join(dir, font, range);
    let buf = cache.get(file);
    if (!buf) {
      if (!existsSync(file)) return c.text('unknown glyph range', 404);
      buf = readFileSync(file);
      cache.set(file, buf);
    }
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': 'application/x-protobuf',
      'Cache-Control': 'public, max-age=604800, immutable',
    });
  });
}
