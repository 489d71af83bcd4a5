// Every route's input goes through a zod schema: the typed client (hc<AppType>) learns each route's query, params
// and body from them, and a refusal is the API's one 400 {error: {status, message, field}}, in Vietnamese.

import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { vi } from 'zod/locales';
import { ApiError, badRequest } from '../services/errors.js';
import { strictJson } from './strictJson.js';

// zod's own words (a body field of the wrong type) in Vietnamese; the schemas give their own messages where it matters.
z.config(vi());

type Issue = z.core.$ZodIssue;

/** Where an issue is, as the API names fields: "slides[2].view", "body" for the whole. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '') || 'body';
}

/** zod's first problem as the API's 400: a schema's own message names its field; zod's generic words get the field in front. */
export function problem(error: z.ZodError): ApiError {
  const i: Issue = error.issues[0];
  if (i.code === 'unrecognized_keys') return badRequest(`Tham số không được hỗ trợ: ${i.keys.join(', ')}`, i.keys[0]);
  // A domain check run inside a schema (e.g. the deck rules) reports its own field.
  const own = i.code === 'custom' ? (i.params as { field?: string } | undefined)?.field : undefined;
  const field = own ?? fieldOf(i.path);
  return badRequest(own !== undefined || i.message.includes(field) ? i.message : `${field}: ${i.message}`, field);
}

/** What a request holds for a target: a repeated query parameter as a list, as hono's validator reads it. */
function raw(c: Context, target: 'query' | 'param'): Record<string, string | string[]> {
  if (target === 'param') return c.req.param();
  return Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
}

/** Query strings whose checked values a memoised `valid` keeps. */
const MEMO_SIZE = 256;

/**
 * A route's query or path parameters checked by `schema`; refusals answer 400 naming the field. The typed client
 * sees z.input<S> (what is sent), the handler z.output<S> (what the schema made of it). With `memo`, the checked
 * query of each of the last few query strings is kept (frozen: handlers share it), for a busy route whose clients
 * ask the same few questions: the parse and the schema then cost a map lookup.
 */
// The route's Env (AuthEnv or none) is the route's to set, as in hono's own validator: hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function valid<T extends 'query' | 'param', S extends z.ZodType>(target: T, schema: S, o: { memo?: T extends 'query' ? boolean : never } = {}): MiddlewareHandler<any, string, { in: { [K in T]: z.input<S> }; out: { [K in T]: z.output<S> } }> {
  const memo = o.memo ? new Map<string, object>() : null;
  return async (c, next) => {
    const url = c.req.url;
    const key = memo && url.slice(url.indexOf('?') + 1 || url.length);
    let data = key !== null ? memo!.get(key) : undefined;
    if (!data) {
      const r = await schema.safeParseAsync(raw(c, target));
      if (!r.success) throw problem(r.error);
      data = r.data as object;
      if (key !== null) {
        if (memo!.size >= MEMO_SIZE) memo!.delete(memo!.keys().next().value!);
        memo!.set(key, Object.freeze(data));
      }
    }
    c.req.addValidatedData(target, data);
    await next();
  };
}

/**
 * A JSON body checked by `schema`, read strictly (invalid UTF-8 refused, not replaced with U+FFFD; any content type)
 * and with the same 400s as `valid`: the typed client sees its input as z.input<S>.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the route's Env, as for `valid`
export function validJson<S extends z.ZodType>(schema: S): MiddlewareHandler<any, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async (c: Context, next) => {
    const raw = await strictJson(c);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest('Nội dung gửi lên phải là một đối tượng JSON', 'body');
    const r = await schema.safeParseAsync(raw);
    if (!r.success) throw problem(r.error);
    c.req.addValidatedData('json', r.data as object);
    await next();
  };
}

/** A domain check (which throws an error with a field) run inside a schema: its message and field become the 400's. */
export function checkedBy<I, O>(check: (value: I) => O, isDomainError: (e: unknown) => e is Error & { field: string }) {
  return (value: I, ctx: z.core.$RefinementCtx<I>): O => {
    try {
      return check(value);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      ctx.addIssue({ code: 'custom', message: e.message, params: { field: e.field }, input: value });
      return z.NEVER;
    }
  };
}
