// A size limit on every request body, chosen by route: small where only a few fields are expected
// (log-in, deck and account edits), larger for the upload routes, which enforce their own limit with
// their own message. A body over the limit is not read past it: 413 with a Vietnamese message.

import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const LOGIN_BODY_BYTES = 4 * 1024;
const DEFAULT_BODY_BYTES = 16 * 1024;

/** Routes whose handler sets its own (larger) limit: import files and deck files. */
const OWN_LIMIT = new Set(['/api/imports', '/api/imports/check', '/api/decks/import']);

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

function limitFor(max: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: max,
    onError: (c) => c.json({ error: { status: 413, message: `Nội dung gửi lên quá lớn: giới hạn ${kb(max)} cho thao tác này`, field: 'body' } }, 413),
  });
}

export function bodyLimits(): MiddlewareHandler {
  const login = limitFor(LOGIN_BODY_BYTES);
  const other = limitFor(DEFAULT_BODY_BYTES);
  return async (c, next) => {
    // No handler reads the body of a GET or HEAD; and asking the Node adapter's request for its body (as
    // bodyLimit does) builds a whole Fetch Request, a third of a cached answer's cost.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const path = c.req.path.replace(/\/+$/, '') || '/';
    if (OWN_LIMIT.has(path) && c.req.method === 'POST') return next();
    return (path.startsWith('/api/auth/') ? login : other)(c, next);
  };
}
