// Nhật ký: the audit log (admins only), newest first, 100 at a time.
import { useEffect, useState } from 'react';
import { audit, type AuditEntry } from './adminApi.js';
import { when } from './format.js';

const ACTIONS: Record<string, string> = {
  login: 'Đăng nhập',
  import: 'Nhập số liệu',
  rollback: 'Hoàn tác',
  'user.add': 'Tạo tài khoản',
  'user.update': 'Sửa tài khoản',
  'deck.create': 'Tạo bộ trình chiếu',
  'deck.import': 'Nhập bộ trình chiếu',
  'deck.rename': 'Đổi tên bộ trình chiếu',
  'deck.delete': 'Xóa bộ trình chiếu',
  'deck.slide.add': 'Thêm trang chiếu',
  'deck.slide.update': 'Sửa trang chiếu',
  'deck.slide.delete': 'Xóa trang chiếu',
  'deck.reorder': 'Sắp xếp trang chiếu',
};

export function AuditPage() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    audit().then((e) => (setEntries(e), setMore(e.length === 100)), (e: Error) => setError(e.message));
  }, []);

  const next = async () => {
    if (!entries?.length) return;
    try {
      const e = await audit(entries[entries.length - 1].id);
      setEntries([...entries, ...e]);
      setMore(e.length === 100);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="admin-card">
      <h2>Nhật ký thao tác</h2>
      {error && <p className="admin-error" role="alert">{error}</p>}
      {entries === null ? (
        !error && <p className="admin-muted">Đang tải…</p>
      ) : (
        <>
          <table className="admin-table admin-audit">
            <thead>
              <tr>
                <th>Thời gian</th>
                <th>Người thực hiện</th>
                <th>Thao tác</th>
                <th>Đối tượng</th>
                <th>Nội dung</th>
                <th>SHA-256 tệp</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{when(e.at)}</td>
                  <td>{e.userName}</td>
                  <td>{ACTIONS[e.action] ?? e.action}</td>
                  <td>{e.target}</td>
                  <td>{e.summary}</td>
                  <td>{e.fileSha256 ? <code title={e.fileSha256}>{e.fileSha256.slice(0, 10)}…</code> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more && (
            <button type="button" onClick={next}>
              Xem cũ hơn
            </button>
          )}
        </>
      )}
    </section>
  );
}
