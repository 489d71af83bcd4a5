// The built client (dist/), served from memory: each file read once (again if it changes on disk), compressed at
// most once per encoding, with a strong ETag. Vite names every file under assets/ by its content's hash, so those
// are cached for a year and never revalidated; the page itself is revalidated on each visit, so that a new build
// reaches every browser at its next load. Uncompressed, a cold load of the map received 2.5 MB (MapLibre 1 MB, its
// worker 0.5 MB, the app 0.35 MB; the glyphs, compressed likewise by routes/fonts.ts, 0.34 MB); now 0.85 MB, what a
// phone on a mobile network waits for.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context, Handler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { EncodedBytes, TAG_SUFFIX, contentEncoding, encodingFor, etagMatches } from '../lib/encodedBody.js';
import { securedResponse, withSecurityHeaders } from './securityHeaders.js';

/** Text formats worth compressing; images, woff/woff2 and archives are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.map', '.svg', '.txt', '.xml', '.ttf', '.otf', '.webmanifest']);
/** Below this, compression saves less than its headers cost. */
const MIN_COMPRESSED = 1024;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

interface ClientFile {
  mtimeMs: number;
  size: number;
  bytes: EncodedBytes;
  hash: string;
  type: string;
  compressible: boolean;
}

/**
 * The file of the client a request path names, as an absolute path inside `root`, or null when the path could
 * name nothing there: undecodable, a NUL or backslash, a segment that is empty, `.`, `..` or a dotfile.
 */
export function clientPath(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(path) || !path.startsWith('/')) return null;
  const segments = path.slice(1).split('/');
  if (path === '/') return join(root, 'index.html');
  if (segments.some((s) => s === '' || s.startsWith('.'))) return null;
  const file = resolve(root, ...segments);
  return file.startsWith(root + sep) ? file : null;
}

/** Paths that name a file (a dot in the last segment) or anything under assets/: a 404 when missing, never the page. */
const namesFile = (urlPath: string) => urlPath.startsWith('/assets/') || /\.[^/]*$/.test(urlPath);

/** GET (and HEAD) of the built client in `dir`; any other path without an extension is the page (client-side routes). */
export function clientFiles(dir: string): Handler {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  // Only files that exist: a request for a missing one keeps nothing (the set stays that of the build's files).
  const files = new Map<string, ClientFile>();
  const reading = new Map<string, Promise<ClientFile>>();

  async function file(path: string): Promise<ClientFile | null> {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      files.delete(path);
      return null;
    }
    const known = files.get(path);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known;
    // Concurrent first requests share one read.
    let p = reading.get(path);
    if (!p) {
      p = read(path, info.mtimeMs).finally(() => reading.delete(path));
      reading.set(path, p);
    }
    const f = await p.catch(() => null);
    if (f) files.set(path, f);
    return f;
  }

  return async (c: Context) => {
    const wanted = clientPath(root, c.req.path);
    let found = wanted ? await file(wanted) : null;
    if (!found && !namesFile(c.req.path)) found = await file(index);
    if (!found) return c.text(`Không có tệp ${c.req.path.slice(0, 200)} trên máy chủ`, 404);
    const cacheControl = c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
    const encoding = found.compressible ? encodingFor(c.req.header('Accept-Encoding')) : 'identity';
    const etag = `"${found.hash}${TAG_SUFFIX[encoding]}"`;
    const vary: Record<string, string> = found.compressible ? { Vary: 'Accept-Encoding' } : {};
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, { ETag: etag, 'Cache-Control': cacheControl, ...vary });
    const bytes = await found.bytes.bytes(encoding);
    return securedResponse(
      bytes,
      200,
      withSecurityHeaders(c, {
        'Content-Type': found.type,
        'Content-Length': String(bytes.length),
        'Cache-Control': cacheControl,
        ETag: etag,
        ...vary,
        ...contentEncoding(encoding),
      }),
    );
  };
}

async function read(file: string, mtimeMs: number): Promise<ClientFile> {
  const bytes = new Uint8Array(await readFile(file));
  return {
    mtimeMs,
    size: bytes.length,
    bytes: new EncodedBytes(bytes),
    hash: createHash('sha1').update(bytes).digest('base64url'),
    type: getMimeType(file) ?? 'application/octet-stream',
    compressible: COMPRESSIBLE.has(extname(file).toLowerCase()) && bytes.length >= MIN_COMPRESSED,
  };
}
