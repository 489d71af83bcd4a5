// A request body read as UTF-8 that refuses invalid bytes (the default decoder would store U+FFFD in
// their place, silently changing what the user typed) and reports bad JSON in Vietnamese.

import type { Context } from 'hono';
import { badRequest } from '../services/errors.js';

async function strictText(c: Context, field = 'body'): Promise<string> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('Nội dung gửi lên không phải văn bản UTF-8 hợp lệ', field);
  }
}

/** The body as JSON; undefined when it is not JSON (the caller says what it expected). */
export async function strictJson(c: Context, field = 'body'): Promise<unknown> {
  const text = await strictText(c, field);
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
