import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { validJson } from '../http/validate.js';
import { clientAddress, parseProxies } from '../auth/clientAddress.js';
import { DEFAULT_THROTTLE, loginWait, type ThrottlePolicy } from '../auth/loginThrottle.js';
import { dummyHash, verifyLogin } from '../auth/password.js';
import { closeSession, openSession, requestCsrfToken, requireSession, type AuthEnv } from '../auth/session.js';
import { ApiError, badRequest } from '../services/errors.js';
import { ROLES, type AdminBackend } from '../store/admin.js';

const MISSING = 'Nhập tên đăng nhập và mật khẩu';
const loginBody = z.object({
  name: z.string({ error: MISSING }).trim().min(1, MISSING),
  password: z.string({ error: MISSING }).min(1, MISSING),
});

const jsonOnly = createMiddleware(async (c, next) => {
  if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw badRequest('Gửi tên và mật khẩu dạng JSON');
  await next();
});

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * POST /api/auth/login {name, password}; POST /api/auth/logout; GET /api/auth/me.
 * Cross-site writes are refused before this (sameOriginWrites); bodies are small (bodyLimits).
 */
export function authRoutes(admin: AdminBackend, policy: ThrottlePolicy = DEFAULT_THROTTLE) {
  // Made now, so that the first log-in with an unknown name is not the one slow answer.
  void dummyHash();
  const proxies = parseProxies(process.env.ANTQ_TRUSTED_PROXIES);
  return new Hono<AuthEnv>()
    .post('/login', jsonOnly, validJson(loginBody), async (c) => {
      const { name, password } = c.req.valid('json');
      // The attempt is reserved before the slow check: parallel attempts count as they start.
      const account = name.toLowerCase();
      const address = clientAddress(c, proxies);
      const at = Date.now();
      const reserved = await admin.users.reserveLoginAttempt(
        { account, address, at, since: at - policy.windowMs, knownSince: at - policy.knownMs },
        (h) => loginWait(h, account, address, at, policy),
      );
      if ('retryAfterMs' in reserved) {
        c.header('Retry-After', String(Math.ceil(reserved.retryAfterMs / 1000)));
        throw new ApiError(429, `Đăng nhập sai quá nhiều lần: thử lại sau ${minutes(reserved.retryAfterMs)} phút`);
      }
      const user = await admin.users.user(name);
      const usable = user !== undefined && !user.disabled;
      const ok = (await verifyLogin(password, usable ? user.passwordHash : undefined)) && usable;
      await admin.users.settleLoginAttempt(reserved.id, ok ? 'ok' : 'fail');
      if (!ok) throw new ApiError(401, 'Sai tên đăng nhập hoặc mật khẩu');
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
      return c.json(s ? { user: s.user, csrfToken: requestCsrfToken(c) } : { user: null, csrfToken: null });
    });
}
