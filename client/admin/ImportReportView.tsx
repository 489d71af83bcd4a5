// The dry run's report: counts; the errors one by one with row, column and hint; the warnings folded
// by kind ("97 dòng không có mã, khớp theo tên"); the rows skipped as not communes, and why.
import { foldReport, lineRanges } from '../../shared/import/fold.js';
import type { ImportReport } from './adminApi.js';

const n = (x: number) => x.toLocaleString('vi-VN');

export function ImportReportView({ report }: { report: ImportReport }) {
  const r = report;
  const listed = r.problems.length;
  const total = r.errors + r.warnings;
  const folded = foldReport(r.problems, r.skipped);
  return (
    <div className="admin-report">
      <h2>
        Kết quả kiểm tra: {r.fileName}
        {r.canCommit ? <span className="badge ok">Không có lỗi</span> : <span className="badge bad">{n(r.errors)} lỗi</span>}
      </h2>
      <p className="admin-muted">
        Năm {r.year}
        {r.province ? `, ${r.province.name}` : ''} · {r.format?.toUpperCase() ?? '?'}
        {r.encoding ? `, ${r.encoding}` : ''} · {n(r.bytes)} byte · SHA-256 <code title={r.sha256}>{r.sha256.slice(0, 12)}…</code>
      </p>
      <dl className="admin-counts">
        <div><dt>Dòng số liệu</dt><dd>{n(r.dataRows)}</dd></div>
        <div className="ok"><dt>Hợp lệ</dt><dd data-count="valid">{n(r.valid)}</dd></div>
        <div className={r.invalid ? 'bad' : ''}><dt>Lỗi</dt><dd data-count="invalid">{n(r.invalid)}</dd></div>
        <div><dt>Để trống (bỏ qua)</dt><dd>{n(r.unfilled)}</dd></div>
        <div><dt>Khớp theo tên</dt><dd data-count="matched-by-name">{n(r.matchedByName)}</dd></div>
        <div><dt>Thay số liệu cũ</dt><dd>{n(r.replaces)}</dd></div>
        <div><dt>Thêm mới</dt><dd>{n(r.adds)}</dd></div>
        <div><dt>Cảnh báo</dt><dd>{n(r.warnings)}</dd></div>
      </dl>
      {folded.errors.length > 0 && (
        <table className="admin-table admin-problems">
          <caption>Lỗi ({n(r.errors)})</caption>
          <thead>
            <tr>
              <th>Dòng</th>
              <th>Cột</th>
              <th>Vấn đề</th>
              <th>Cách sửa</th>
            </tr>
          </thead>
          <tbody>
            {folded.errors.map((p, k) => (
              <tr key={k} className="error">
                <td className="num">{p.line || '—'}</td>
                <td>{p.column ?? 'cả dòng'}</td>
                <td>{p.message}</td>
                <td className="hint">{p.hint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {folded.warnings.length > 0 && (
        <div className="admin-warnings">
          <h3>Cảnh báo</h3>
          {folded.warnings.map((g) => (
            <details key={g.kind} data-kind={g.kind}>
              <summary>
                {n(g.count)} {g.label}
                {g.lines.length > 0 ? ` (dòng ${lineRanges(g.lines)})` : ''}
              </summary>
              <p>
                Ví dụ{g.example.line ? `, dòng ${g.example.line}` : ''}: {g.example.message}. <span className="hint">{g.example.hint}</span>
              </p>
            </details>
          ))}
        </div>
      )}
      {folded.skipped.length > 0 && (
        <div className="admin-skipped">
          <h3>Dòng bỏ qua (không phải xã): {n(r.skipped.length)}</h3>
          <ul>
            {folded.skipped.map((s) => (
              <li key={s.why}>
                {n(s.lines.length)} {s.why}: dòng {lineRanges(s.lines)} <span className="admin-muted">(ví dụ “{s.example}”)</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {listed < total && <p className="admin-muted">Chỉ liệt kê {n(listed)} trong số {n(total)} vấn đề.</p>}
    </div>
  );
}
