// The admin area at /quan-tri: log-in, then imports, import history, audit log and accounts by role.
import { useEffect, useState } from 'react';
import { logout, me, type User } from './adminApi.js';
import { AuditPage } from './AuditPage.js';
import { HistoryPage } from './HistoryPage.js';
import { ImportPage } from './ImportPage.js';
import { LoginForm } from './LoginForm.js';
import { UsersPage } from './UsersPage.js';
import { roleLabel } from './format.js';
import './admin.css';

type Tab = 'import' | 'history' | 'audit' | 'users';

const TABS: { id: Tab; label: string; adminOnly: boolean }[] = [
  { id: 'import', label: 'Nhập số liệu', adminOnly: false },
  { id: 'history', label: 'Lịch sử nhập', adminOnly: false },
  { id: 'audit', label: 'Nhật ký', adminOnly: true },
  { id: 'users', label: 'Người dùng', adminOnly: true },
];

export function AdminApp() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [tab, setTab] = useState<Tab>('import');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Quản trị — Bản đồ phong trào Toàn dân bảo vệ ANTQ';
    me().then((m) => setUser(m.user), (e: Error) => (setError(e.message), setUser(null)));
  }, []);

  const tabs = TABS.filter((t) => !t.adminOnly || user?.role === 'admin');
  const current = tabs.some((t) => t.id === tab) ? tab : (user?.role === 'viewer' ? 'history' : 'import');

  return (
    <div className="admin">
      <header className="admin-head">
        <a className="admin-back" href="/">← Bản đồ</a>
        <h1>Quản trị số liệu phong trào Toàn dân bảo vệ an ninh Tổ quốc</h1>
        {user && (
          <div className="admin-who">
            <span>
              <b>{user.name}</b> · {roleLabel(user)}
            </span>
            <button type="button" onClick={() => logout().finally(() => setUser(null))}>
              Đăng xuất
            </button>
          </div>
        )}
      </header>
      {error && <p className="admin-error" role="alert">{error}</p>}
      {user === undefined ? (
        <p className="admin-muted admin-main">Đang tải…</p>
      ) : user === null ? (
        <main className="admin-main">
          <LoginForm onLogin={(u) => (setError(null), setUser(u))} />
        </main>
      ) : (
        <>
          <nav className="admin-tabs" role="tablist">
            {tabs.map((t) => (
              <button key={t.id} type="button" role="tab" aria-selected={current === t.id} className={current === t.id ? 'active' : ''} onClick={() => setTab(t.id)}>
                {t.label}
              </button>
            ))}
          </nav>
          <main className="admin-main">
            {current === 'import' && (user.role === 'viewer' ? <p className="admin-muted">Tài khoản người xem không được nhập số liệu.</p> : <ImportPage user={user} />)}
            {current === 'history' && <HistoryPage user={user} />}
            {current === 'audit' && <AuditPage />}
            {current === 'users' && <UsersPage self={user} />}
          </main>
        </>
      )}
    </div>
  );
}
