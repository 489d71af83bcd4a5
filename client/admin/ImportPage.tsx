// Nhập số liệu: choose year, province and file; the dry run lists every problem and offers the mapping
// step (columns, spellings), each change re-checked; commit only a clean file, or explicitly skipping
// the invalid rows.
import { useEffect, useRef, useState } from 'react';
import { announceDataChanged } from '../state/dataVersion.js';
import { checkImport, commitImport, provincesOf, RejectedImport, templateUrl, type ImportChoices, type ImportRecord, type ImportReport, type ProvinceOption, type User } from './adminApi.js';
import { ImportMapping } from './ImportMapping.js';
import { ImportReportView } from './ImportReportView.js';
import { ProgressBar } from './ProgressBar.js';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: THIS_YEAR - 2015 + 1 }, (_, k) => THIS_YEAR - k);

export function ImportPage({ user }: { user: User }) {
  const [year, setYear] = useState(Math.max(2025, THIS_YEAR - 1));
  const [provinces, setProvinces] = useState<ProvinceOption[]>([]);
  const [province, setProvince] = useState(user.provinceCode ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportRecord | null>(null);
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<ImportChoices>({});
  const recheck = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let live = true;
    provincesOf(year).then(
      (list) => {
        if (!live) return;
        setProvinces(list);
        setProvince((p) => (list.some((x) => x.code === p) ? p : year >= 2025 && user.provinceCode ? user.provinceCode : (list[0]?.code ?? '')));
      },
      (e: Error) => live && setError(e.message),
    );
    return () => void (live = false);
  }, [year, user.provinceCode]);

  // Any change of what would be sent makes the last report stale.
  useEffect(() => {
    setReport(null);
    setDone(null);
    setError(null);
    setChoices({});
  }, [year, province, file]);

  const target = file ? { file, year, province, choices } : null;

  const check = async (t = target) => {
    if (!t) return;
    setBusy('check');
    setError(null);
    setDone(null);
    setProgress(0);
    try {
      setReport(await checkImport(t, setProgress));
    } catch (e) {
      setReport(null);
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  // A changed mapping or answer is checked again at once, so the counts follow the choices.
  const choose = (c: ImportChoices) => {
    setChoices(c);
    setDone(null);
    if (recheck.current) clearTimeout(recheck.current);
    recheck.current = setTimeout(() => file && void check({ file, year, province, choices: c }), 250);
  };

  const commit = async (skipInvalid: boolean) => {
    if (!target || !report) return;
    if (skipInvalid && !window.confirm(`Ghi ${report.valid.toLocaleString('vi-VN')} dòng hợp lệ và bỏ qua ${report.invalid.toLocaleString('vi-VN')} dòng lỗi?`)) return;
    setBusy('commit');
    setError(null);
    setProgress(0);
    try {
      const out = await commitImport(target, skipInvalid, setProgress);
      // The map pages open in this browser load the new figures now, not at their next check.
      announceDataChanged();
      setReport(out.report);
      setDone(out.record);
    } catch (e) {
      if (e instanceof RejectedImport) setReport(e.report);
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const pname = provinces.find((p) => p.code === province)?.name;

  return (
    <section className="admin-import">
      <div className="admin-card">
        <h2>Nhập số liệu</h2>
        <div className="admin-form-row">
          <label>
            Năm
            <select name="year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {YEARS.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            Tỉnh, thành phố
            <select name="province" value={province} onChange={(e) => setProvince(e.target.value)}>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.code} · {p.name}
                </option>
              ))}
            </select>
          </label>
          <span className="admin-muted">{year >= 2025 ? 'Địa giới từ 01/7/2025 (34 tỉnh, thành phố)' : 'Địa giới trước 01/7/2025 (63 tỉnh, thành phố)'}</span>
        </div>
        <p className="admin-template">
          Tải mẫu {pname ? <b>{pname}</b> : null} năm {year}:{' '}
          <a href={templateUrl(year, province, 'xlsx')} download>
            Excel (.xlsx)
          </a>{' '}
          ·{' '}
          <a href={templateUrl(year, province, 'csv')} download>
            CSV
          </a>
        </p>
        <div className="admin-form-row">
          <label className="admin-file">
            Tệp số liệu (.xlsx, .csv)
            <span className="admin-file-pick">
              <span className="admin-file-button">Chọn tệp…</span>
              <span className={file ? 'admin-file-name' : 'admin-muted'}>{file ? `${file.name} (${(file.size / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB)` : 'chưa chọn tệp'}</span>
            </span>
            <input
              name="file"
              type="file"
              accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                // The same file, corrected and chosen again, must count as a new choice.
                e.target.value = '';
              }}
            />
          </label>
          <button type="button" className="primary" disabled={!file || !province || busy !== null} onClick={() => check()}>
            Kiểm tra
          </button>
        </div>
        {busy && <ProgressBar value={progress} label={progress < 1 ? `Đang gửi tệp… ${Math.round(progress * 100)}%` : busy === 'check' ? 'Đang kiểm tra…' : 'Đang ghi vào cơ sở dữ liệu…'} />}
        {error && (
          <p className="admin-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {report && (
        <div className="admin-card">
          {!done && <ImportMapping report={report} choices={choices} onChange={choose} checking={busy === 'check'} />}
          <ImportReportView report={report} />
          {done ? (
            <p className="admin-success" role="status">
              Đã ghi lần nhập #{done.batchId}: {done.rowsWritten.toLocaleString('vi-VN')} dòng ({done.rowsReplaced.toLocaleString('vi-VN')} thay số liệu cũ)
              {done.rowsSkipped ? `, bỏ qua ${done.rowsSkipped.toLocaleString('vi-VN')} dòng lỗi` : ''}. Có thể hoàn tác ở trang Lịch sử nhập.
            </p>
          ) : (
            <div className="admin-actions">
              {report.canCommit ? (
                <button type="button" className="primary" disabled={busy !== null} onClick={() => commit(false)}>
                  Ghi vào CSDL
                </button>
              ) : report.canCommitSkipping ? (
                <button type="button" className="warn" disabled={busy !== null} onClick={() => commit(true)}>
                  Ghi, bỏ qua các dòng lỗi
                </button>
              ) : (
                <span className="admin-muted">Không có dòng hợp lệ để ghi: sửa tệp rồi kiểm tra lại.</span>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
