import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { valid, validJson } from '../http/validate.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { requireSession, type AuthEnv } from '../auth/session.js';
import { badRequest, conflict } from '../services/errors.js';
import type { Store } from '../store/store.js';
import { ROLES, type AdminBackend, type Role } from '../store/admin.js';
import { LedgerError } from '../store/errors.js';

/** Checks an editor's province against the 2025 provinces. */
async function checkRole(store: Store, role: Role, province: string | null | undefined): Promise<{ role: Role; provinceCode: string | null }> {
  if (role !== 'editor') return { role, provinceCode: null };
  const code = province ?? '';
  const p = await store.unit('2025', code);
  if (!p || p.level !== 'province') throw badRequest(`Biên tập viên cần một tỉnh (mã 2 chữ số của 34 tỉnh, thành phố), nhận được "${code}"`, 'provinceCode');
  return { role: 'editor', provinceCode: code };
}

const NAME = /^[a-z0-9._-]{3,40}$/;
const NAME_RULE = 'Tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang';
const role = z.enum(['admin', 'editor', 'viewer'] satisfies Role[], { error: `Vai trò phải là một trong ${ROLES.join(', ')}` });
const provinceCode = z.string().nullable().optional();
const password = z.string({ error: 'Mật khẩu phải là chuỗi ký tự' });

const auditQuery = z.strictObject({
  limit: z.string().transform((s) => Math.min(Math.max(Number(s) || 100, 1), 500)).optional(),
  before: z.string().transform((s) => (s ? Number(s) : undefined)).optional(),
});
const newUser = z
  .object({ name: z.string({ error: NAME_RULE }).trim().regex(NAME, NAME_RULE), role, provinceCode, password })
  .superRefine((u, ctx) => {
    const weak = passwordProblem(u.password, u.name);
    if (weak) ctx.addIssue({ code: 'custom', path: ['password'], message: weak });
  });
const userChange = z.object({ role: role.optional(), provinceCode, disabled: z.boolean({ error: 'disabled phải là true hoặc false' }).optional(), password: password.optional() });
const userParams = z.object({ name: z.string() });

/**
 * GET /api/admin/audit[?before=ID&limit=N]; GET /api/admin/users; POST /api/admin/users {name, role,
 * provinceCode?, password}; PATCH /api/admin/users/:name {role?, provinceCode?, disabled?, password?}.
 * Admins only.
 */
export function adminRoutes(store: Store, admin: AdminBackend) {
  const ledgerErrors = async <T>(fn: () => Promise<T>) => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof LedgerError) throw conflict(e.message);
      throw e;
    }
  };
  /** Admins only, before the query or body is read: 401/403 come first. */
  const admins = (write: boolean) =>
    createMiddleware<AuthEnv>(async (c, next) => {
      requireSession(c, ['admin'], write);
      await next();
    });
  return new Hono<AuthEnv>()
    .get('/audit', admins(false), valid('query', auditQuery), async (c) => {
      c.header('Cache-Control', 'no-store');
      const { limit = 100, before } = c.req.valid('query');
      return c.json({ entries: await admin.audit.auditEntries({ limit, before }) });
    })
    .get('/users', admins(false), async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ users: await admin.users.users() });
    })
    .post('/users', admins(true), validJson(newUser), async (c) => {
      const s = requireSession(c, ['admin'], true);
      const { name, password, ...body } = c.req.valid('json');
      const role = await checkRole(store, body.role, body.provinceCode);
      const user = await ledgerErrors(async () => admin.users.addUser({ name, ...role, passwordHash: await hashPassword(password) }, s.user.name));
      return c.json({ user });
    })
    .patch('/users/:name', admins(true), valid('param', userParams), validJson(userChange), async (c) => {
      const s = requireSession(c, ['admin'], true);
      const { name } = c.req.valid('param');
      const body = c.req.valid('json');
      const change: Parameters<AdminBackend['users']['updateUser']>[1] = {};
      if (body.role !== undefined) Object.assign(change, await checkRole(store, body.role, body.provinceCode));
      if (body.disabled !== undefined) {
        if (name === s.user.name && body.disabled) throw badRequest('Không thể tự khóa tài khoản của mình', 'disabled');
        change.disabled = body.disabled;
      }
      if (body.password !== undefined) {
        const weak = passwordProblem(body.password, name);
        if (weak) throw badRequest(weak, 'password');
        change.passwordHash = await hashPassword(body.password);
      }
      return c.json({ user: await ledgerErrors(() => admin.users.updateUser(name, change, s.user.name)) });
    });
}
