// What a client learns of an error: an ApiError's own (Vietnamese) message; for anything else, only that
// the server failed and a request id. The error itself, with that id, goes to the server's log.

import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from '../services/errors.js';

export function errorHandler(err: Error, c: Context): Response {
  if (err instanceof ApiError) return c.json({ error: { status: err.status, message: err.message, field: err.field ?? null } }, err.status);
  // Hono's own refusals (e.g. a malformed body for a validator): the status, not the library's words.
  if (err instanceof HTTPException && err.status < 500) return c.json({ error: { status: err.status, message: 'Yêu cầu không hợp lệ', field: null } }, err.status);
  const requestId = randomUUID();
  console.error(`request ${requestId} ${c.req.method} ${c.req.path} failed:`, err);
  return c.json(
    { error: { status: 500, message: `Lỗi máy chủ: yêu cầu không thực hiện được. Nếu lỗi lặp lại, hãy báo quản trị viên mã yêu cầu ${requestId}.`, requestId } },
    500,
    { 'X-Request-Id': requestId },
  );
}
