// The mapping step of an import: what each column of the file is taken for (a choice per column, the
// first rows beside it), and the questions about spellings and names, answered once for the whole
// file. Every change re-checks the file (the page does it), so the count of rows that would import is live.
import { ALL_COLUMNS } from '../../shared/import/columns.js';
import type { ImportChoices, ImportReport } from './adminApi.js';

const n = (x: number) => x.toLocaleString('vi-VN');

export function ImportMapping({ report, choices, onChange, checking }: { report: ImportReport; choices: ImportChoices; onChange: (c: ImportChoices) => void; checking: boolean }) {
  const unknown = report.columns.filter((c) => c.source === 'unknown' || c.source === 'mapping' || c.source === 'ignored' || c.duplicateOf);
  const setColumn = (letter: string, value: string) => {
    const mapping = { ...choices.mapping };
    if (value === '') delete mapping[letter];
    else mapping[letter] = value as NonNullable<ImportChoices['mapping']>[string];
    onChange({ ...choices, mapping });
  };
  const setAnswer = (id: string, value: string) => {
    const answers = { ...choices.answers };
    if (value === '') delete answers[id];
    else answers[id] = value;
    onChange({ ...choices, answers });
  };
  const open = report.questions.filter((q) => q.answer === null);
  const acceptAll = () => onChange({ ...choices, answers: { ...choices.answers, ...Object.fromEntries(open.filter((q) => q.suggested !== null).map((q) => [q.id, q.suggested!])) } });
  if (report.columns.length === 0) return null;
  return (
    <div className="admin-mapping">
      <h3>Ghép cột {report.sheet ? <span className="admin-muted">· trang "{report.sheet}", tiêu đề dòng {report.headerLines.join('–')}</span> : null}</h3>
      {report.savedMapping && (
        <p className="admin-muted" role="note">
          Đã dùng cách ghép đã lưu cho tỉnh này ({report.savedMapping.savedBy}, {report.savedMapping.savedAt.slice(0, 10)}): {n(report.savedMapping.columns)} cột, {n(report.savedMapping.answers)} cách ghi.
        </p>
      )}
      {report.otherSheets.map((s) => (
        <p key={s.name} className="admin-muted">
          Trang "{s.name}": {s.why}.
        </p>
      ))}
      <div className="admin-scroll">
        <table className="admin-table admin-columns">
          <thead>
            <tr>
              <th>Cột</th>
              <th>Tiêu đề trong tệp</th>
              <th>Hiểu là</th>
              {report.preview.map((p) => (
                <th key={p.line} className="num">
                  Dòng {p.line}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.columns.map((c, k) => {
              const chosen = choices.mapping?.[c.letter] ?? '';
              const needs = unknown.includes(c);
              return (
                <tr key={c.letter} className={c.source === 'unknown' ? 'unknown' : c.duplicateOf ? 'duplicate' : ''}>
                  <td>{c.letter}</td>
                  <td>{c.heading || <span className="admin-muted">(không có tiêu đề)</span>}</td>
                  <td>
                    <select aria-label={`Cột ${c.letter} ${c.heading}`} name={`map-${c.letter}`} value={chosen} onChange={(e) => setColumn(c.letter, e.target.value)} disabled={checking}>
                      <option value="">{c.source === 'heading' ? `${ALL_COLUMNS.find((x) => x.id === c.id)?.heading} (tự nhận)` : needs && !chosen ? '— chưa ghép (bỏ qua) —' : '— theo tiêu đề —'}</option>
                      <option value="ignore">Bỏ qua cột này</option>
                      {ALL_COLUMNS.map((x) => (
                        <option key={x.id} value={x.id}>
                          {x.heading}
                        </option>
                      ))}
                    </select>
                    {c.duplicateOf && <span className="admin-bad"> trùng cột {c.duplicateOf}</span>}
                  </td>
                  {report.preview.map((p) => (
                    <td key={p.line} className="preview">
                      {p.cells[k] ?? ''}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {report.questions.length > 0 && (
        <div className="admin-questions">
          <h3>Cách ghi cần xác nhận</h3>
          <ul>
            {report.questions.map((q) => (
              <li key={q.id}>
                <label>
                  <span>{q.text}</span>
                  <select name={`answer-${q.id}`} value={choices.answers?.[q.id] ?? q.answer ?? ''} onChange={(e) => setAnswer(q.id, e.target.value)} disabled={checking}>
                    <option value="">— chưa trả lời —</option>
                    {q.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            ))}
          </ul>
          {open.some((q) => q.suggested !== null) && (
            <button type="button" onClick={acceptAll} disabled={checking}>
              Đồng ý các cách hiểu đề xuất ({n(open.filter((q) => q.suggested !== null).length)})
            </button>
          )}
        </div>
      )}
      <p className="admin-live" role="status" aria-live="polite">
        {checking ? 'Đang kiểm tra lại…' : `Sẽ nhập ${n(report.valid)} dòng; ${n(report.invalid)} dòng có lỗi; bỏ qua ${n(report.skipped.length)} dòng không phải xã.`}
      </p>
    </div>
  );
}
