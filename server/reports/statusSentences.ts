import { formatCount } from '../../shared/lib/format.js';
import { communeWords, listOf, STANDARD, tally, where } from './phrases.js';
import type { ReportFigures } from './reportFigures.js';

// Section II of the report: the communes not certified, not assessed, newly certified and that lost the standard.

/** Communes not certified, not assessed, newly certified and that lost the standard, with the worklist's reasons. */
export function statusSentences(f: ReportFigures): string[] {
  const a = f.now;
  const words = communeWords(a);
  if (f.place.kind === 'commune') return communeStatus(f);
  const assessed = a.communes.total - a.communes.noData - a.communes.notAssessed;
  if (assessed === 0) return [`Năm ${f.year}, ${where(f.place)} chưa có ${words} nào được đánh giá, công nhận đạt tiêu chuẩn ${STANDARD}.`];
  const out: string[] = [];
  const failing = f.communes.filter((c) => c.status === 'chua_dat');
  if (!failing.length && a.communes.certified === a.communes.total) out.push(`100% ${words} (${tally({ total: a.communes.total, certified: a.communes.certified })}) đạt tiêu chuẩn ${STANDARD}.`);
  else if (failing.length) out.push(`Còn ${formatCount(failing.length)} ${words} chưa đạt tiêu chuẩn: ${listOf(f, failing)}.`);
  const notAssessed = f.communes.filter((c) => c.status === 'chua_danh_gia');
  if (notAssessed.length) out.push(`${formatCount(notAssessed.length)} ${words} chưa được đánh giá: ${listOf(f, notAssessed)}.`);
  const noData = f.communes.filter((c) => c.status === null);
  if (noData.length) out.push(`${formatCount(noData.length)} ${words} chưa có số liệu năm ${f.year}.`);
  if (f.previous) {
    const since = `so với năm ${f.previous.year}${f.previous.basis === 'reported' ? '' : ' (quy đổi từ xã cũ)'}`;
    const gained = f.communes.filter((c) => c.status === 'dat' && c.previousStatus !== null && c.previousStatus !== 'dat');
    const lost = f.communes.filter((c) => c.previousStatus === 'dat' && c.status !== null && c.status !== 'dat');
    if (gained.length) out.push(`${formatCount(gained.length)} ${words} mới được công nhận đạt chuẩn ${since}: ${listOf(f, gained.map((c) => ({ ...c, reasons: [] })))}.`);
    if (lost.length) out.push(`${formatCount(lost.length)} ${words} mất chuẩn ${since}: ${listOf(f, lost)}.`);
    if (!gained.length && !lost.length) out.push(`Không có ${words} nào mới đạt chuẩn hoặc mất chuẩn ${since}.`);
  }
  return out;
}

function communeStatus(f: ReportFigures): string[] {
  const c = f.communes[0];
  const p = f.place.fullName;
  if (!c || c.status === null) return [`${p} chưa có số liệu năm ${f.year}.`];
  const reasons = c.reasons.length ? ` (${c.reasons.join('; ')})` : '';
  const s =
    c.status === 'dat'
      ? `${p} đạt tiêu chuẩn ${STANDARD} năm ${f.year}`
      : c.status === 'chua_dat'
        ? `${p} chưa đạt tiêu chuẩn ${STANDARD} năm ${f.year}${reasons}`
        : `${p} chưa được đánh giá năm ${f.year}`;
  const prev = f.previous;
  if (!prev || c.previousStatus === null) return [`${s}.`];
  const before = `năm ${prev.year}${prev.basis === 'reported' ? '' : ' (quy đổi từ các xã cũ hợp thành)'}`;
  const then = c.previousStatus === 'dat' ? 'đạt chuẩn' : c.previousStatus === 'chua_dat' ? 'chưa đạt chuẩn' : 'chưa được đánh giá';
  const verdict =
    c.status === 'dat' && c.previousStatus === 'dat'
      ? `giữ vững danh hiệu so với ${before}`
      : c.status === 'dat'
        ? `mới được công nhận so với ${before} (${then})`
        : c.previousStatus === 'dat'
          ? `mất chuẩn so với ${before} (đạt chuẩn)`
          : `${before} cũng ${then}`;
  return [`${s}, ${verdict}.`];
}
