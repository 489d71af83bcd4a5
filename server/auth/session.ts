// Sessions in a cookie (HttpOnly, SameSite=Strict, Secure behind https) and a per-session CSRF token
// that every write must echo in the X-CSRF-Token header. The store holds hashes of both: a copy of the
// database opens no session and forges no write. The CSRF token is derived from the session token, so
// that /api/auth/me can hand it again to a reloaded page without it being stored.

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { forbidden, unauthorized } from '../services/errors.js';
import type { Role, Session, User, UserStore } from '../store/admin.js';

const SESSION_COOKIE = 'antq_session';
const CSRF_HEADER = 'X-CSRF-Token';
const SESSION_HOURS = 12;

export type AuthEnv = { Variables: { session: Session | null } };

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
/** The CSRF token of a session token (a keyed hash: it tells nothing of the session token). */
const csrfTokenOf = (sessionToken: string) => createHmac('sha256', sessionToken).update('antq-csrf').digest('base64url');

/** The CSRF token of this request's session cookie, if any. */
export const requestCsrfToken = (c: Context) => {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? csrfTokenOf(token) : null;
};

function sameHash(token: string | undefined, hash: string): boolean {
  if (!token) return false;
  const a = Buffer.from(tokenHash(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Behind a TLS-terminating proxy the request arrives as http with X-Forwarded-Proto: https. */
const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/** Loads the session named by the cookie, if any (never refuses: public routes need none). */
export function loadSession(users: UserStore): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('session', token ? ((await users.session(tokenHash(token), new Date().toISOString())) ?? null) : null);
    await next();
  };
}

/** A new session for `user`; the one this client had before (if any) ends: a log-in rotates the session. */
export async function openSession(c: Context, users: UserStore, user: User): Promise<string> {
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await users.deleteSession(tokenHash(previous));
  const token = randomBytes(32).toString('base64url');
  const csrfToken = csrfTokenOf(token);
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  await users.createSession({ tokenHash: tokenHash(token), userName: user.name, csrfHash: tokenHash(csrfToken), expiresAt });
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure: isHttps(c), path: '/', maxAge: SESSION_HOURS * 3600 });
  return csrfToken;
}

export async function closeSession(c: Context, users: UserStore): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await users.deleteSession(tokenHash(token));
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
}

const ROLE_LABELS: Record<Role, string> = { admin: 'quản trị', editor: 'biên tập viên tỉnh', viewer: 'người xem' };

/**
 * The session of a request that needs one: 401 without, 403 for a role not listed. Writes
 * (`write: true`) must also carry the session's CSRF token.
 */
export function requireSession(c: Context<AuthEnv>, roles: readonly Role[], write: boolean): Session {
  const s = c.get('session');
  if (!s) throw unauthorized();
  if (!roles.includes(s.user.role)) {
    throw forbidden(`Tài khoản ${ROLE_LABELS[s.user.role]} không được thực hiện thao tác này (cần: ${roles.map((r) => ROLE_LABELS[r]).join(' hoặc ')})`);
  }
  if (write && !sameHash(c.req.header(CSRF_HEADER), s.csrfHash)) throw forbidden('Thiếu hoặc sai mã chống giả mạo (CSRF): hãy tải lại trang và thử lại');
  return s;
}
