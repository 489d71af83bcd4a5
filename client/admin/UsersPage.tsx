// Người dùng (admins only): the accounts, lock/unlock, and a form for a new one.
import { useEffect, useState } from 'react';
import { provincesOf, updateUser, users, type ProvinceOption, type User } from './adminApi.js';
import { NewUserForm } from './NewUserForm.js';
import { roleLabel, when } from './format.js';

export function UsersPage({ self }: { self: User }) {
  const [list, setList] = useState<User[] | null>(null);
  const [provinces, setProvinces] = useState<ProvinceOption[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = () => users().then(setList, (e: Error) => setError(e.message));
  useEffect(() => {
    void load();
    provincesOf(2025).then(setProvinces, (e: Error) => setError(e.message));
  }, []);

  const toggle = async (u: User) => {
    if (!window.confirm(u.disabled ? `Mở khóa tài khoản ${u.name}?` : `Khóa tài khoản ${u.name}? Các phiên đăng nhập của tài khoản sẽ kết thúc.`)) return;
    setError(null);
    try {
      await updateUser(u.name, { disabled: !u.disabled });
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="admin-users">
      <div className="admin-card">
        <h2>Tài khoản</h2>
        {error && <p className="admin-error" role="alert">{error}</p>}
        {list && (
          <table className="admin-table">
            <thead>
              <tr>
                <th>Tên đăng nhập</th>
                <th>Vai trò</th>
                <th>Tạo lúc</th>
                <th>Trạng thái</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.name} className={u.disabled ? 'undone' : ''}>
                  <td>{u.name}</td>
                  <td>{roleLabel(u)}</td>
                  <td>{when(u.createdAt)}</td>
                  <td>{u.disabled ? 'Đã khóa' : 'Đang hoạt động'}</td>
                  <td>
                    {u.name !== self.name && (
                      <button type="button" className="small" onClick={() => toggle(u)}>
                        {u.disabled ? 'Mở khóa' : 'Khóa'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <NewUserForm provinces={provinces} onCreated={() => void load()} />
    </section>
  );
}
