import { useState, type FormEvent } from 'react';
import { addUser, type ProvinceOption, type Role } from './adminApi.js';

export function NewUserForm({ provinces, onCreated }: { provinces: ProvinceOption[]; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [province, setProvince] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setMessage(null);
    try {
      const u = await addUser({ name: name.trim(), role, provinceCode: role === 'editor' ? province || null : null, password });
      setMessage(`Đã tạo tài khoản ${u.name}.`);
      setName('');
      setPassword('');
      onCreated();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <form className="admin-card admin-new-user" onSubmit={submit}>
      <h2>Tạo tài khoản</h2>
      <div className="admin-form-row">
        <label>
          Tên đăng nhập
          <input name="new-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="vd. bacninh.antt" required pattern="[a-z0-9._\-]{3,40}" title="3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang" />
        </label>
        <label>
          Vai trò
          <select name="new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="admin">Quản trị viên</option>
            <option value="editor">Biên tập viên (một tỉnh)</option>
            <option value="viewer">Người xem</option>
          </select>
        </label>
        {role === 'editor' && (
          <label>
            Tỉnh, thành phố
            <select name="new-province" value={province} onChange={(e) => setProvince(e.target.value)} required>
              <option value="">— chọn —</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.code} · {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Mật khẩu
          <input name="new-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <button type="submit" className="primary">
          Tạo
        </button>
      </div>
      {error && <p className="admin-error" role="alert">{error}</p>}
      {message && <p className="admin-success" role="status">{message}</p>}
    </form>
  );
}
