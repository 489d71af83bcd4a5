// Headers on every answer, pages and API alike. The Content-Security-Policy is the one the app runs
// under (checked in Chromium by test/e2e/csp.e2e.test.ts): everything from this server; MapLibre's
// worker from a file here or a blob: URL; canvases and exports read back through data: and blob:
// URLs; fonts and glyphs served here (/fonts); nothing may frame the portal.

import type { MiddlewareHandler } from 'hono';
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

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) h.set(k, v);
    // Only once the client reached us over https (directly or through the proxy): then it must stay there.
    if (requestScheme(c) === 'https:') h.set('Strict-Transport-Security', 'max-age=31536000');
  };
}
