// Lịch sử nhập: every import, newest first, with a confirmed "Hoàn tác" for admins and editors.
import { useCallback, useEffect, useState } from 'react';
import { announceDataChanged } from '../state/dataVersion.js';
import { imports, rollback, type ImportRecord, type User } from './adminApi.js';
import { num, when } from './format.js';

export function HistoryPage({ user }: { user: User }) {
  const [list, setList] = useState<ImportRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(() => imports().then(setList, (e: Error) => setError(e.message)), []);
  useEffect(() => void load(), [load]);

  const undo = async (r: ImportRecord) => {
    if (!window.confirm(`Hoàn tác lần nhập #${r.batchId} (${r.fileName}, năm ${r.year})? Số liệu trước lần nhập này sẽ được khôi phục.`)) return;
    setBusy(r.batchId);
    setError(null);
    setMessage(null);
    try {
      const out = await rollback(r.batchId);
      announceDataChanged();
      setMessage(`Đã hoàn tác lần nhập #${out.batchId}: khôi phục ${num(out.restored)} dòng, xóa ${num(out.removed)} dòng mới.`);
      await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const mayUndo = (r: ImportRecord) => user.role === 'admin' || (user.role === 'editor' && r.provinceCode !== null);

  return (
    <section className="admin-card">
      <h2>Lịch sử nhập</h2>
      {message && <p className="admin-success" role="status">{message}</p>}
      {error && <p className="admin-error" role="alert">{error}</p>}
      {list === null ? (
        <p className="admin-muted">Đang tải…</p>
      ) : list.length === 0 ? (
        <p className="admin-muted">Chưa có lần nhập nào.</p>
      ) : (
        <table className="admin-table admin-history">
          <thead>
            <tr>
              <th>#</th>
              <th>Thời gian</th>
              <th>Người nhập</th>
              <th>Năm</th>
              <th>Tỉnh</th>
              <th>Tệp</th>
              <th>SHA-256</th>
              <th className="num">Dòng ghi</th>
              <th className="num">Thay cũ</th>
              <th className="num">Bỏ qua</th>
              <th>Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.batchId} data-batch={r.batchId} className={r.rolledBackAt ? 'undone' : ''}>
                <td className="num">{r.batchId}</td>
                <td>{when(r.createdAt)}</td>
                <td>{r.userName}</td>
                <td>{r.year}</td>
                <td>{r.provinceCode ?? 'nhiều tỉnh'}</td>
                <td className="file">{r.fileName}</td>
                <td>
                  <code title={r.fileSha256}>{r.fileSha256.slice(0, 10)}…</code>
                </td>
                <td className="num">{num(r.rowsWritten)}</td>
                <td className="num">{num(r.rowsReplaced)}</td>
                <td className="num">{num(r.rowsSkipped)}</td>
                <td>
                  {r.rolledBackAt ? (
                    <span className="admin-muted">
                      Đã hoàn tác {when(r.rolledBackAt)} ({r.rolledBackBy})
                    </span>
                  ) : mayUndo(r) ? (
                    <button type="button" className="warn small" disabled={busy !== null} onClick={() => undo(r)}>
                      Hoàn tác
                    </button>
                  ) : (
                    'Đang hiệu lực'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
