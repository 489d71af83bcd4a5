import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { requestScheme } from '../auth/origin.js';
import { securedResponse, withSecurityHeaders } from '../http/securityHeaders.js';

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
export function encodingFor(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  let e = seenEncodings.get(acceptEncoding);
  if (!e) {
    e = chooseEncoding(acceptEncoding);
    if (seenEncodings.size >= 64) seenEncodings.clear();
    seenEncodings.set(acceptEncoding, e);
  }
  return e;
}

/**
 * `bytes` in `encoding`, off the event loop. Brotli 6: about gzip's speed for ~10 % fewer bytes; 9 and up cost
 * seconds on a 1 MB body, but only milliseconds on a small one, where every byte saved is saved on each request.
 */
async function encodeBytes(bytes: Bytes, encoding: Exclude<Encoding, 'identity'>): Promise<Bytes> {
  const quality = bytes.length <= SMALL_BODY ? 11 : 6;
  return new Uint8Array(await (encoding === 'br' ? brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }) : gz(bytes)));
}

/** Bytes and their encodings, each made at most once, on first use. */
export class EncodedBytes {
  private readonly encoded = new Map<Exclude<Encoding, 'identity'>, Promise<Bytes>>();
  constructor(readonly identity: Bytes) {}

  bytes(encoding: Encoding): Promise<Bytes> {
    if (encoding === 'identity') return Promise.resolve(this.identity);
    let p = this.encoded.get(encoding);
    if (!p) this.encoded.set(encoding, (p = encodeBytes(this.identity, encoding)));
    return p;
  }
}

/** Whether an If-None-Match header names this ETag (or is "*"); weak comparison, as for GET. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** The Content-Encoding header of bytes sent in `encoding` (none for identity). */
export const contentEncoding = (encoding: Encoding): Record<string, string> => (encoding === 'identity' ? {} : { 'Content-Encoding': encoding });

/** The ETag suffix of each encoding: one strong validator per byte sequence sent. */
export const TAG_SUFFIX: Record<Encoding, string> = { identity: '', br: '.br', gzip: '.gz' };

/**
 * A JSON answer that does not change until the data do: serialised once, hashed once, and compressed at most
 * once per encoding (lazily, off the event loop), so that serving it again costs a buffer write and not a 1 MB
 * JSON.stringify plus gzip per request. `T` is the type of the value serialised: what a client parses back.
 */
export class EncodedBody<T> {
  readonly identity: Bytes;
  /** The hash of the JSON: every encoding's strong ETag is it plus the encoding's suffix. */
  private readonly hash: string;
  private readonly encoded: EncodedBytes;
  /** The whole header record of a 200, per encoding, Cache-Control and scheme: made once, sent as it is. */
  private readonly records = new Map<string, Record<string, string>>();
  /** What the bytes are the JSON of: types only (an EncodedBody<A> is not an EncodedBody<B>). */
  declare readonly valueType: T;

  constructor(value: T) {
    this.identity = new TextEncoder().encode(JSON.stringify(value));
    this.hash = createHash('sha1').update(this.identity).digest('base64url');
    this.encoded = new EncodedBytes(this.identity);
  }

  /** The strong ETag of the bytes sent in `encoding`. */
  etag(encoding: Encoding = 'identity'): string {
    return `"${this.hash}${TAG_SUFFIX[encoding]}"`;
  }

  /** Whether an If-None-Match header names any encoding of this JSON (or is "*"): the client has this content. */
  matches(ifNoneMatch: string | undefined): boolean {
    if (!ifNoneMatch) return false;
    return ifNoneMatch.split(',').some((t) => {
      const tag = t.trim();
      return tag === '*' || /^(?:W\/)?"([^".]*)(?:\.(?:br|gz))?"$/.exec(tag)?.[1] === this.hash;
    });
  }

  /** The headers of a 200 in `encoding` to `c` (security headers included), made on first use. */
  headers(c: Context, encoding: Encoding, bytes: Bytes, cacheControl: string): Record<string, string> {
    const key = `${encoding}|${requestScheme(c)}|${cacheControl}`;
    let r = this.records.get(key);
    if (!r) {
      r = withSecurityHeaders(c, {
        ETag: this.etag(encoding),
        'Cache-Control': cacheControl,
        Vary: 'Accept-Encoding',
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(bytes.length),
        ...contentEncoding(encoding),
      });
      this.records.set(key, r);
    }
    return r;
  }

  bytes(encoding: Encoding): Promise<Bytes> {
    return this.encoded.bytes(encoding);
  }
}

/** A 200 whose bytes are the JSON of a T, typed so for hc<AppType>. */
export type JsonBytes<T> = Response & TypedResponse<JSONParsed<T>, 200, 'json'>;

/**
 * The answer to one GET of body: 304 if the client has it, else the bytes in the best accepted encoding. The
 * client sees the union: a 304 reaches its code only if it sent If-None-Match itself (the browser turns the
 * 304s of its own revalidations into the 200 it kept).
 */
export async function respond<T>(c: Context, body: EncodedBody<T>, cacheControl: string): Promise<JsonBytes<T> | (Response & TypedResponse<null, 304, 'body'>)> {
  const encoding = encodingFor(c.req.header('Accept-Encoding'));
  if (body.matches(c.req.header('If-None-Match'))) return c.body(null, 304, { ETag: body.etag(encoding), 'Cache-Control': cacheControl, Vary: 'Accept-Encoding' });
  const bytes = await body.bytes(encoding);
  return jsonBytes(securedResponse(bytes, 200, body.headers(c, encoding, bytes, cacheControl)), body);
}

/** `res` as what its bytes are, the JSON of `body`'s T: the one place where bytes made from a T are typed as T. */
const jsonBytes = <T>(res: Response, _body: EncodedBody<T>) => res as JsonBytes<T>;
