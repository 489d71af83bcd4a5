import { Hono, type Context } from 'hono';
import { FailureLimiter } from '../auth/rateLimit.js';
import { verifyPassword } from '../auth/password.js';
import { closeSession, openSession, requireSession, type AuthEnv } from '../auth/session.js';
import { ApiError, badRequest, forbidden } from '../services/errors.js';
import { ROLES, type AdminBackend } from '../store/admin.js';

/** The client's address as the socket sees it (no proxy header is trusted). */
function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * A log-in form posted from another site: browsers send Origin; refuse one that is not this host.
 * (JSON bodies already need a CORS preflight that this server never grants.)
 */
function assertSameOrigin(c: Context) {
  const origin = c.req.header('origin');
  if (origin && new URL(origin).host !== (c.req.header('host') ?? new URL(c.req.url).host)) throw forbidden('Yêu cầu từ trang khác bị từ chối');
}

/** POST /api/auth/login {name, password}; POST /api/auth/logout; GET /api/auth/me. */
export function authRoutes(admin: AdminBackend, limiter = new FailureLimiter()) {
  return new Hono<AuthEnv>()
    .post('/login', async (c) => {
      assertSameOrigin(c);
      if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw badRequest('Gửi tên và mật khẩu dạng JSON');
      const body = (await c.req.json().catch(() => null)) as { name?: unknown; password?: unknown } | null;
      const name = typeof body?.name === 'string' ? body.name.trim() : '';
      const password = typeof body?.password === 'string' ? body.password : '';
      if (!name || !password) throw badRequest('Nhập tên đăng nhập và mật khẩu', name ? 'password' : 'name');
      const keys = [`ip:${clientAddress(c)}`, `user:${name.toLowerCase()}`];
      const wait = Math.max(...keys.map((k) => limiter.retryAfter(k)));
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, `Đăng nhập sai quá nhiều lần: thử lại sau ${Math.ceil(wait / 60)} phút`);
      }
      const user = await admin.users.user(name);
      const ok = user !== undefined && !user.disabled && (await verifyPassword(password, user.passwordHash));
      if (!ok) {
        for (const k of keys) limiter.fail(k);
        throw new ApiError(401, 'Sai tên đăng nhập hoặc mật khẩu');
      }
      for (const k of keys) limiter.reset(k);
      const { passwordHash: _, ...safe } = user;
      const csrfToken = await openSession(c, admin.users, safe);
      await admin.audit.appendAudit({ userName: safe.name, action: 'login', target: safe.name, fileSha256: null, summary: `Đăng nhập`, details: { before: null, after: null } });
      return c.json({ user: safe, csrfToken });
    })
    .post('/logout', async (c) => {
      requireSession(c, ROLES, true);
      await closeSession(c, admin.users);
      return c.json({ ok: true });
    })
    .get('/me', (c) => {
      const s = c.get('session');
      c.header('Cache-Control', 'no-store');
      return c.json(s ? { user: s.user, csrfToken: s.csrfToken } : { user: null, csrfToken: null });
    });
}
