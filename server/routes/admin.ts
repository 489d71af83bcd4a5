import { Hono } from 'hono';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { requireSession, type AuthEnv } from '../auth/session.js';
import { badRequest, conflict } from '../services/errors.js';
import type { Store } from '../store/store.js';
import { ROLES, type AdminBackend, type Role } from '../store/admin.js';
import { LedgerError } from '../store/errors.js';

/** Checks an account's role and province against the 2025 provinces. */
async function checkRole(store: Store, role: unknown, province: unknown): Promise<{ role: Role; provinceCode: string | null }> {
  if (!ROLES.includes(role as Role)) throw badRequest(`Vai trò phải là một trong ${ROLES.join(', ')}`, 'role');
  if (role !== 'editor') return { role: role as Role, provinceCode: null };
  const code = typeof province === 'string' ? province : '';
  const p = await store.unit('2025', code);
  if (!p || p.level !== 'province') throw badRequest(`Biên tập viên cần một tỉnh (mã 2 chữ số của 34 tỉnh, thành phố), nhận được "${code}"`, 'provinceCode');
  return { role: 'editor', provinceCode: code };
}

const NAME = /^[a-z0-9._-]{3,40}$/;

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
  return new Hono<AuthEnv>()
    .get('/audit', async (c) => {
      requireSession(c, ['admin'], false);
      const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 100) || 100, 1), 500);
      const before = c.req.query('before') ? Number(c.req.query('before')) : undefined;
      c.header('Cache-Control', 'no-store');
      return c.json({ entries: await admin.audit.auditEntries({ limit, before }) });
    })
    .get('/users', async (c) => {
      requireSession(c, ['admin'], false);
      c.header('Cache-Control', 'no-store');
      return c.json({ users: await admin.users.users() });
    })
    .post('/users', async (c) => {
      const s = requireSession(c, ['admin'], true);
      const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      if (!NAME.test(name)) throw badRequest('Tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang', 'name');
      const password = typeof body.password === 'string' ? body.password : '';
      const weak = passwordProblem(password, name);
      if (weak) throw badRequest(weak, 'password');
      const role = await checkRole(store, body.role, body.provinceCode);
      const user = await ledgerErrors(async () => admin.users.addUser({ name, ...role, passwordHash: await hashPassword(password) }, s.user.name));
      return c.json({ user });
    })
    .patch('/users/:name', async (c) => {
      const s = requireSession(c, ['admin'], true);
      const name = c.req.param('name');
      const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
      const change: Parameters<AdminBackend['users']['updateUser']>[1] = {};
      if (body.role !== undefined) Object.assign(change, await checkRole(store, body.role, body.provinceCode));
      if (body.disabled !== undefined) {
        if (typeof body.disabled !== 'boolean') throw badRequest('disabled phải là true hoặc false', 'disabled');
        if (name === s.user.name && body.disabled) throw badRequest('Không thể tự khóa tài khoản của mình', 'disabled');
        change.disabled = body.disabled;
      }
      if (body.password !== undefined) {
        const weak = passwordProblem(typeof body.password === 'string' ? body.password : '', name);
        if (weak) throw badRequest(weak, 'password');
        change.passwordHash = await hashPassword(body.password as string);
      }
      return c.json({ user: await ledgerErrors(() => admin.users.updateUser(name, change, s.user.name)) });
    });
}
