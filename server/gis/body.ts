import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { chooseEncoding, etagMatches } from '../lib/encodedBody.js';

const gz = promisify(gzip);

/**
 * A file answer made once (a GeoJSON, a GeoPackage, a CSV): its bytes, a strong ETag of them, and its gzip made
 * at most once. Large answers take gzip only: brotli's better ratio costs seconds on tens of megabytes.
 */
export class FileBody {
  readonly etag: string;
  private gzipped: Promise<Uint8Array<ArrayBuffer>> | null = null;

  constructor(
    readonly bytes: Uint8Array<ArrayBuffer>,
    readonly contentType: string,
  ) {
    this.etag = `"${createHash('sha1').update(bytes).digest('base64url')}"`;
  }

  gzip(): Promise<Uint8Array<ArrayBuffer>> {
    return (this.gzipped ??= gz(this.bytes).then((b) => new Uint8Array(b)));
  }
}

export const textBody = (s: string, contentType: string) => new FileBody(new Uint8Array(Buffer.from(s, 'utf8')), contentType);

/** 304 when the client has it; else the bytes, gzipped when accepted; `filename` makes it a download. */
export async function respondFile(body: FileBody, req: { acceptEncoding?: string; ifNoneMatch?: string }, cacheControl: string, filename?: string): Promise<Response> {
  const headers: Record<string, string> = { ETag: body.etag, 'Cache-Control': cacheControl, Vary: 'Accept, Accept-Encoding' };
  if (etagMatches(req.ifNoneMatch, body.etag)) return new Response(null, { status: 304, headers });
  headers['Content-Type'] = body.contentType;
  if (filename) headers['Content-Disposition'] = `attachment; filename="${filename}"`;
  // Brotli refused on purpose (see FileBody): gzip if the client takes it, else the bytes as they are.
  const gzipOk = req.acceptEncoding !== undefined && chooseEncoding(`${req.acceptEncoding}, br;q=0`) === 'gzip';
  const bytes = gzipOk ? await body.gzip() : body.bytes;
  if (bytes !== body.bytes) headers['Content-Encoding'] = 'gzip';
  headers['Content-Length'] = String(bytes.length);
  return new Response(bytes, { status: 200, headers });
}

/** A small least-recently-used cache of promised bodies (downloads of the finer layers are tens of megabytes). */
export class BodyCache {
  private readonly map = new Map<string, Promise<FileBody>>();
  constructor(private readonly limit: number) {}

  get(key: string, make: () => Promise<FileBody>): Promise<FileBody> {
    let p = this.map.get(key);
    if (p) this.map.delete(key);
    else p = make();
    this.map.set(key, p);
    // A failure is not kept: the next request tries again.
    p.catch(() => this.map.get(key) === p && this.map.delete(key));
    while (this.map.size > this.limit) this.map.delete(this.map.keys().next().value!);
    return p;
  }
}
