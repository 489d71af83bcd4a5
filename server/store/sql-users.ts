// Accounts, sessions and log-in attempts on any Store. Log-in bookkeeping runs in keyed transactions, never
// behind an import. The same SQL runs on SQLite and PostgreSQL.

import type { LoginAttempt } from '../auth/loginThrottle.js';
import type { Role, Session, User, UserStore } from './admin.js';
import { LedgerError } from './errors.js';
import { appendAudit, now } from './sql.js';
import type { SqlRunner, Store } from './store.js';

interface UserRow {
  name: string;
  role: Role;
  province_code: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
}
const toUser = (r: UserRow): User => ({ name: r.name, role: r.role, provinceCode: r.province_code, disabled: r.disabled === 1, createdAt: r.created_at });

const USER_COLUMNS = 'name, role, province_code, password_hash, disabled, created_at';

const userOrThrow = async (db: SqlRunner, name: string) => {
  const r = await db.get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE name = ?`, [name]);
  if (!r) throw new LedgerError(`Không có tài khoản "${name}"`);
  return r;
};

/** The accounts of `store`, whatever its database. */
export function sqlUsers(store: Store): UserStore {
  return {
    async user(name) {
      const r = await store.sql.get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE name = ?`, [name]);
      return r && { ...toUser(r), passwordHash: r.password_hash };
    },
    async users() {
      return (await store.sql.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY name`)).map(toUser);
    },
    async addUser(u, actor) {
      return store.withTransaction(async (tx) => {
        if (await tx.get(`SELECT name FROM users WHERE name = ?`, [u.name])) throw new LedgerError(`Tài khoản "${u.name}" đã có`);
        try {
          await tx.run('INSERT INTO users (name, role, province_code, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)', [u.name, u.role, u.provinceCode, u.passwordHash, now()]);
        } catch (e) {
          console.error(`addUser ${u.name}:`, e);
          throw new LedgerError(`Không tạo được tài khoản "${u.name}": vai trò hoặc tỉnh không hợp lệ`);
        }
        const created = toUser(await userOrThrow(tx, u.name));
        await appendAudit(tx, { userName: actor, action: 'user.add', target: u.name, fileSha256: null, summary: `Tạo tài khoản ${u.name} (${u.role}${u.provinceCode ? `, tỉnh ${u.provinceCode}` : ''})`, details: { before: null, after: created } });
        return created;
      });
    },
    async updateUser(name, change, actor) {
      return store.withTransaction(async (tx) => {
        const old = await userOrThrow(tx, name);
        const role = change.role ?? old.role;
        const province = change.provinceCode !== undefined ? change.provinceCode : role === 'editor' ? old.province_code : null;
        const disabled = change.disabled ?? old.disabled === 1;
        try {
          await tx.run('UPDATE users SET role = ?, province_code = ?, disabled = ?, password_hash = ? WHERE name = ?', [role, role === 'editor' ? province : null, disabled ? 1 : 0, change.passwordHash ?? old.password_hash, name]);
        } catch (e) {
          console.error(`updateUser ${name}:`, e);
          throw new LedgerError(`Không sửa được tài khoản "${name}": vai trò hoặc tỉnh không hợp lệ`);
        }
        // A changed password, role or a disabled account ends the sessions opened before.
        await tx.run('DELETE FROM sessions WHERE user_name = ?', [name]);
        const after = toUser(await userOrThrow(tx, name));
        const what = [change.passwordHash ? 'đổi mật khẩu' : '', change.role ? `vai trò ${role}` : '', change.provinceCode !== undefined ? `tỉnh ${province ?? '—'}` : '', change.disabled !== undefined ? (disabled ? 'khóa' : 'mở khóa') : '']
          .filter(Boolean)
          .join(', ');
        await appendAudit(tx, { userName: actor, action: 'user.update', target: name, fileSha256: null, summary: `Sửa tài khoản ${name}: ${what || 'không đổi'}`, details: { before: toUser(old), after, passwordChanged: !!change.passwordHash } });
        return after;
      });
    },
    async createSession(x) {
      // Not behind an import either: the sweep and the new session need no other lock.
      await store.withKeyedTransaction([`session-user:${x.userName}`], async (tx) => {
        await tx.run('DELETE FROM sessions WHERE expires_at <= ?', [now()]);
        await tx.run('INSERT INTO sessions (token_hash, user_name, csrf_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [x.tokenHash, x.userName, x.csrfHash, now(), x.expiresAt]);
      });
    },
    async session(tokenHash, at): Promise<Session | undefined> {
      const r = await store.sql.get<UserRow & { csrf_hash: string; expires_at: string }>(
        `SELECT s.csrf_hash, s.expires_at, u.name, u.role, u.province_code, u.password_hash, u.disabled, u.created_at
         FROM sessions s JOIN users u ON u.name = s.user_name
         WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`,
        [tokenHash, at],
      );
      return r && { user: toUser(r), csrfHash: r.csrf_hash, expiresAt: r.expires_at };
    },
    async deleteSession(tokenHash) {
      await store.sql.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
    },
    async reserveLoginAttempt(k, wait) {
      // Serialised with every attempt on the same account or from the same address (any process), so that
      // parallel attempts see each other's reservation; not with imports, which a log-in must not wait for.
      return store.withKeyedTransaction([`login-account:${k.account}`, `login-address:${k.address}`], async (tx) => {
        await tx.run("DELETE FROM login_attempts WHERE at < ? OR (at < ? AND outcome <> 'ok')", [k.knownSince, k.since]);
        const attempts = await tx.all<LoginAttempt>('SELECT at, account, address, outcome FROM login_attempts WHERE (account = ? OR address = ?) AND at > ?', [k.account, k.address, k.since]);
        const known = (await tx.get("SELECT 1 AS one FROM login_attempts WHERE account = ? AND address = ? AND outcome = 'ok' AND at > ? LIMIT 1", [k.account, k.address, k.knownSince])) !== undefined;
        const ms = wait({ attempts, known });
        if (ms > 0) return { retryAfterMs: ms };
        const row = await tx.get<{ id: number }>("INSERT INTO login_attempts (at, account, address, outcome) VALUES (?, ?, ?, 'pending') RETURNING id", [k.at, k.account, k.address]);
        return { id: row!.id };
      });
    },
    async settleLoginAttempt(id, outcome) {
      await store.sql.run('UPDATE login_attempts SET outcome = ? WHERE id = ?', [outcome, id]);
    },
  };
}
