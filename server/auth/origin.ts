// Writes from another site are refused before anything is read (log-in included: it needs no CSRF
// token). A browser names the page that sent a request in Origin, and in Sec-Fetch-Site whether it
// was this site. Origin must match the portal's origin, scheme and port included.
//
// Which origin is the portal's? ANTQ_ORIGIN (comma-separated, e.g. https://antt.bocongan.gov.vn) when
// set: behind a proxy it must be. Without it the request's own scheme and Host are taken, but only for
// an IP address or localhost: a DNS name in Host may be an attacker's name rebound to this server.

import type { Context, MiddlewareHandler } from 'hono';
import { forbidden } from '../services/errors.js';

const REFUSED = 'Yêu cầu từ trang khác bị từ chối';

/** ANTQ_ORIGIN as a list of origins; null when unset. Throws on an entry that is not an origin. */
function parseOrigins(raw: string | undefined): string[] | null {
  if (!raw || !raw.trim()) return null;
  return raw.split(',').map((s) => {
    const u = new URL(s.trim());
    if (u.origin === 'null' || u.origin !== s.trim().replace(/\/$/, '')) throw new Error(`ANTQ_ORIGIN: "${s}" is not an origin such as https://example.vn`);
    return u.origin;
  });
}

function safeUrl(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

const isLiteralHost = (hostname: string) => hostname === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[');

/** The scheme of the request as the client sent it (a TLS-terminating proxy says so in X-Forwarded-Proto). */
// (The URL is absolute: its scheme is how it starts, no parse needed on every answer.)
export const requestScheme = (c: Context) => (c.req.header('x-forwarded-proto') === 'https' || c.req.url.startsWith('https:') ? 'https:' : 'http:');

/** Why this request's origin is refused, or null. A request without Origin (not a browser's cross-site write) passes. */
function originProblem(c: Context, allowed: string[] | null): string | null {
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return REFUSED;
  const origin = c.req.header('origin');
  if (origin === undefined) return null;
  const u = safeUrl(origin);
  if (!u || u.origin === 'null') return REFUSED;
  if (allowed) return allowed.includes(u.origin) ? null : REFUSED;
  const host = c.req.header('host');
  const self = host ? safeUrl(`${requestScheme(c)}//${host}`) : null;
  if (!self || !isLiteralHost(self.hostname) || self.origin !== u.origin) return REFUSED;
  return null;
}

/** 403 for a write (any method but GET, HEAD, OPTIONS) whose origin is not the portal's. */
export function sameOriginWrites(allowed: string[] | null = parseOrigins(process.env.ANTQ_ORIGIN)): MiddlewareHandler {
  return async (c, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const problem = originProblem(c, allowed);
      if (problem) throw forbidden(problem);
    }
    await next();
  };
}
