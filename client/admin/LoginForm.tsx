import { useState, type FormEvent } from 'react';
import { login, type User } from './adminApi.js';

export function LoginForm({ onLogin }: { onLogin: (u: User) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const m = await login(name, password);
      if (m.user) onLogin(m.user);
    } catch (err) {
      // 401, 400 and 429 ("thử lại sau N phút") all come with the server's message.
      setError((err as Error).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-card admin-login" onSubmit={submit}>
      <h2>Đăng nhập</h2>
      <label>
        Tên đăng nhập
        <input name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
      </label>
      <label>
        Mật khẩu
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error && <p className="admin-error" role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
      </button>
      <p className="admin-muted">Bản đồ xem công khai, không cần đăng nhập. Tài khoản do quản trị viên cấp.</p>
    </form>
  );
}
