import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';
/** Bytes a Response can send as they are. */
type Bytes = Uint8Array<ArrayBuffer>;

const brotli = promisify(brotliCompress);
/** Bytes up to which a body is worth brotli's best (slowest) quality. */
const SMALL_BODY = 64 * 1024;
const gz = promisify(gzip);

/**
 * The encoding to send, from an Accept-Encoding header: brotli if accepted (smaller), else gzip,
 * else none. A q=0 refuses an encoding; "*" accepts any not named.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (enc: string) => (q.get(enc) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/** chooseEncoding, remembered for the few Accept-Encoding headers browsers send (parsing it costs a few per cent of a cached answer's CPU). */
const seenEncodings = new Map<string, Encoding>();
function encodingFor(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  let e = seenEncodings.get(acceptEncoding);
  if (!e) {
    e = chooseEncoding(acceptEncoding);
    if (seenEncodings.size >= 64) seenEncodings.clear();
    seenEncodings.set(acceptEncoding, e);
  }
  return e;
}

/** Whether an If-None-Match header names this ETag (or is "*"); weak comparison, as for GET. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/**
 * A JSON answer that does not change until the data do: serialised once, with an ETag of its bytes,
 * and compressed at most once per encoding (lazily, off the event loop), so that serving it again
 * costs a buffer write and not a 1 MB JSON.stringify plus gzip per request.
 */
export class EncodedBody {
  readonly identity: Bytes;
  /** Weak: the same validator stands for every encoding of the same JSON. */
  readonly etag: string;
  private readonly encoded = new Map<Exclude<Encoding, 'identity'>, Promise<Bytes>>();

  constructor(value: unknown) {
    this.identity = new TextEncoder().encode(JSON.stringify(value));
    this.etag = `W/"${createHash('sha1').update(this.identity).digest('base64url')}"`;
  }

  bytes(encoding: Encoding): Promise<Bytes> {
    if (encoding === 'identity') return Promise.resolve(this.identity);
    let p = this.encoded.get(encoding);
    if (!p) {
      // Brotli 6: about gzip's speed for ~10 % fewer bytes; 9 and up cost seconds on a 1 MB body, but only
      // milliseconds on a small one (the map's status answer), where every byte saved is saved on each request.
      const quality = this.identity.length <= SMALL_BODY ? 11 : 6;
      const packed = encoding === 'br' ? brotli(this.identity, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }) : gz(this.identity);
      p = packed.then((b) => new Uint8Array(b));
      this.encoded.set(encoding, p);
    }
    return p;
  }
}

/** The answer to one GET of body: 304 if the client has it, else the bytes in the best accepted encoding. */
export async function respond(
  body: EncodedBody,
  req: { acceptEncoding?: string; ifNoneMatch?: string },
  cacheControl: string,
): Promise<Response> {
  const headers: Record<string, string> = { ETag: body.etag, 'Cache-Control': cacheControl, Vary: 'Accept-Encoding' };
  if (etagMatches(req.ifNoneMatch, body.etag)) return new Response(null, { status: 304, headers });
  const encoding = encodingFor(req.acceptEncoding);
  const bytes = await body.bytes(encoding);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = String(bytes.length);
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  return new Response(bytes, { status: 200, headers });
}
