import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { EncodedBytes, contentEncoding, encodingFor } from '../lib/encodedBody.js';
import { subsetGlyphs } from '../lib/glyphSubset.js';

const require = createRequire(import.meta.url);
/** Glyph PBFs (Noto Sans, which covers Vietnamese) from the npm package, so no font comes from the internet. */
const FONTS_DIR = join(dirname(require.resolve('tileserver-gl-styles/package.json')), 'fonts');

export function fontsRoutes(dir = FONTS_DIR) {
  // Each range cut (glyphSubset.ts) and compressed once: the map's three are 336 KB, 112 KB in brotli, uncut.
  const cache = new Map<string, EncodedBytes>();
  return new Hono().get('/:stack/:range', async (c) => {
    const range = c.req.param('range');
    if (!/^\d+-\d+\.pbf$/.test(range)) return c.text('bad glyph range', 400);
    // MapLibre asks for a comma-separated font stack: serve the first font we have.
    const font = c.req.param('stack').split(',').map((s) => s.trim()).find((f) => !f.includes('/') && !f.includes('..') && existsSync(join(dir, f)));
    if (!font) return c.text('unknown font', 404);
    const file = join(dir, font, range);
    let glyphs = cache.get(file);
    if (!glyphs) {
      if (!existsSync(file)) return c.text('unknown glyph range', 404);
      glyphs = new EncodedBytes(subsetGlyphs(new Uint8Array(readFileSync(file))));
      cache.set(file, glyphs);
    }
    const encoding = encodingFor(c.req.header('Accept-Encoding'));
    return c.body(await glyphs.bytes(encoding), 200, {
      'Content-Type': 'application/x-protobuf',
      'Cache-Control': 'public, max-age=604800, immutable',
      Vary: 'Accept-Encoding',
      ...contentEncoding(encoding),
    });
  });
}
