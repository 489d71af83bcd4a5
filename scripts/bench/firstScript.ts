import { gzipSync } from 'node:zlib';
import { get } from './get.js';

/** The scripts a page loads before its own code runs: its module entry and the modules it preloads. */
export function startScripts(html: string): string[] {
  const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set([...srcs, ...preloads])];
}

/** The gzip size of the page's first scripts, MapLibre's chunk (named maplibre-*) apart. */
export async function firstScriptBytes(base: string): Promise<{ gzip: number; maplibreGzip: number }> {
  const html = await (await get(`${base}/`)).text();
  const out = { gzip: 0, maplibreGzip: 0 };
  for (const src of startScripts(html)) {
    const body = Buffer.from(await (await get(new URL(src, `${base}/`))).arrayBuffer());
    const n = gzipSync(body).length;
    if (/(^|\/)maplibre-[^/]*\.js$/.test(src)) out.maplibreGzip += n;
    else out.gzip += n;
  }
  if (out.gzip === 0) throw new Error(`no module script in ${base}/`);
  return out;
}
