// Headers on every answer, pages and API alike. The Content-Security-Policy is the one the app runs
// under (checked in Chromium by test/e2e/csp.e2e.test.ts): everything from this server; MapLibre's
// worker from a file here or a blob: URL; canvases and exports read back through data: and blob:
// URLs; fonts and glyphs served here (/fonts); nothing may frame the portal.

import type { Context, MiddlewareHandler } from 'hono';
import { requestScheme } from '../auth/origin.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' blob:",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  // Presentation mode uses full screen; nothing uses the camera, microphone, location or payments.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=(), fullscreen=(self)',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const HSTS = { 'Strict-Transport-Security': 'max-age=31536000' };

/** Answers made by securedResponse: they carry the headers already. */
const secured = new WeakSet<Response>();

/** `headers` with the security headers of an answer to `c` added: for a route that keeps its header records ready. */
export function withSecurityHeaders(c: Context, headers: Record<string, string>): Record<string, string> {
  return { ...headers, ...SECURITY_HEADERS, ...(requestScheme(c) === 'https:' ? HSTS : {}) };
}

/**
 * A response whose plain header record holds the security headers already (see withSecurityHeaders), which the
 * middleware then leaves alone: the Node adapter writes such a record as it is, where a Headers object (and
 * setting headers on it afterwards) costs more than the rest of a cached answer (the busiest route's).
 */
export function securedResponse(body: Uint8Array<ArrayBuffer> | null, status: number, headers: Record<string, string>): Response {
  const res = new Response(body, { status, headers });
  secured.add(res);
  return res;
}

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (secured.has(c.res)) return;
    const h = c.res.headers;
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) h.set(k, v);
    // Only once the client reached us over https (directly or through the proxy): then it must stay there.
    if (requestScheme(c) === 'https:') h.set('Strict-Transport-Security', HSTS['Strict-Transport-Security']);
  };
}
