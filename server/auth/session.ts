// Sessions in a cookie (HttpOnly, SameSite=Strict, Secure behind https) and a per-session CSRF token
// that every write must echo in the X-CSRF-Token header. Only the token's hash is stored.

import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { forbidden, unauthorized } from '../services/errors.js';
import type { Role, Session, User, UserStore } from '../store/admin.js';

export const SESSION_COOKIE = 'antq_session';
export const CSRF_HEADER = 'X-CSRF-Token';
export const SESSION_HOURS = 12;

export type AuthEnv = { Variables: { session: Session | null } };

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

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

export async function openSession(c: Context, users: UserStore, user: User): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  await users.createSession({ tokenHash: tokenHash(token), userName: user.name, csrfToken, expiresAt });
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
  if (write && c.req.header(CSRF_HEADER) !== s.csrfToken) throw forbidden('Thiếu hoặc sai mã chống giả mạo (CSRF): hãy tải lại trang và thử lại');
  return s;
}
