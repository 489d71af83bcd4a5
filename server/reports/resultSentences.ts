import { formatCount, formatPercent } from '../../shared/lib/format.js';
import { coverage, type Aggregate } from '../../shared/domain/aggregate.js';
import { FIRST_2025_YEAR } from '../../shared/domain/types.js';
import { basisNote, changeWords, communeWords, cov, share, STANDARD, subject, tally, where } from './phrases.js';
import type { ReportFigures } from './reportFigures.js';
import { TYPE_ORDER, typeWord } from './viText.js';

// Section I of the report: what was certified, at what rates, and the change on the previous year.

const typesInOrder = (a: Aggregate) =>
  Object.entries(a.communes.byType)
    .filter(([, t]) => t.total > 0)
    .sort(([x], [y]) => rank(x) - rank(y));
const rank = (t: string) => {
  const i = (TYPE_ORDER as readonly string[]).indexOf(t);
  return i < 0 ? TYPE_ORDER.length : i;
};

/** Who manages the communes' bodies: districts before the reform, communes after it. */
const localLevel = (year: number) => (year >= FIRST_2025_YEAR ? 'cấp xã' : 'cấp huyện');

/**
 * The results sentence of report 002: "Toàn tỉnh công nhận 194/213 cơ quan, doanh nghiệp, cơ sở giáo dục do cấp
 * tỉnh quản lý đạt tiêu chuẩn …; 69/70 xã, 48/52 phường, 4/4 thị trấn, 269/270 cơ quan, … do cấp huyện quản lý
 * đạt tiêu chuẩn …; 709/730 khu dân cư đạt tiêu chuẩn …".
 */
export function resultsSentence(f: ReportFigures): string {
  const { now: a, place } = f;
  const clauses: string[] = [];
  const pb = a.provinceBodies && a.provinceBodies.total > 0 ? a.provinceBodies : null;
  if (pb && place.kind !== 'commune') clauses.push(`${tally(pb)} cơ quan, doanh nghiệp, cơ sở giáo dục do cấp tỉnh quản lý đạt tiêu chuẩn ${STANDARD}`);
  const local: string[] = [];
  if (place.kind !== 'commune') for (const [type, t] of typesInOrder(a)) local.push(`${tally(t)} ${typeWord(type)}`);
  for (const [k, word] of [
    ['agencies', 'cơ quan'],
    ['enterprises', 'doanh nghiệp'],
    ['schools', 'nhà trường'],
  ] as const)
    if (a[k].total > 0) local.push(`${tally(a[k])} ${word}${cov(a, k)}`);
  if (local.length) clauses.push(`${local.join(', ')}${pb && place.kind !== 'commune' ? ` do ${localLevel(f.year)} quản lý` : ''} đạt tiêu chuẩn ${STANDARD}`);
  if (a.residential.total > 0) clauses.push(`${tally(a.residential)} khu dân cư${cov(a, 'residential')} đạt tiêu chuẩn ${STANDARD}`);
  if (!clauses.length) return `Năm ${f.year}, ${where(place)} chưa có số liệu công nhận đạt tiêu chuẩn ${STANDARD}.`;
  const lead = place.kind === 'commune' ? `Năm ${f.year}, ${place.fullName} có` : `Năm ${f.year}, ${subject(place)} công nhận`;
  return `${lead} ${clauses.join('; ')}.`;
}

/**
 * The rates sentence of report 001: "Kết quả năm 2020 đã công nhận 3.321 khu dân cư (chiếm tỷ lệ 94,75%); 223 xã,
 * phường, thị trấn (chiếm tỷ lệ 97,37%); … đạt “An toàn về an ninh trật tự”." Agencies and schools are also summed,
 * as report 003 does ("110 cơ quan, đơn vị, trường học đạt chuẩn").
 */
export function ratesSentence(f: ReportFigures): string | null {
  const a = f.now;
  const parts: string[] = [];
  const assessed = a.communes.total - a.communes.noData;
  if (f.place.kind !== 'commune' && assessed > 0)
    parts.push(`${tally({ total: assessed, certified: a.communes.certified })} ${communeWords(a)} (chiếm tỷ lệ ${formatPercent(a.rates.communes)})`);
  for (const [k, word] of [
    ['residential', 'khu dân cư'],
    ['agencies', 'cơ quan'],
    ['enterprises', 'doanh nghiệp'],
    ['schools', 'nhà trường'],
  ] as const) {
    const c = coverage(a, k);
    if (a[k].total > 0) parts.push(`${formatCount(a[k].certified)} ${word} (chiếm tỷ lệ ${share(a[k])}${c ? `; ${c}` : ''})`);
  }
  if (!parts.length) return null;
  let s = `Kết quả năm ${f.year} đã công nhận ${parts.join('; ')} đạt ${STANDARD}.`;
  const bodies = { total: a.agencies.total + a.schools.total, certified: a.agencies.certified + a.schools.certified };
  if (a.agencies.total > 0 && a.schools.total > 0) s += ` Tính chung có ${formatCount(bodies.certified)} cơ quan, đơn vị, trường học đạt chuẩn an toàn về an ninh trật tự.`;
  return s;
}

/** The change on the previous year: "Tỷ lệ … đạt chuẩn tăng 1,32 điểm % so với năm 2024 (từ 95,00% lên 96,32%)". */
export function changeSentences(f: ReportFigures): string[] {
  const prev = f.previous;
  if (!prev) return [`Không có số liệu năm ${f.year - 1} để so sánh.`];
  const out: string[] = [];
  const one = (label: string, now: number | null, before: number | null) => {
    const w = changeWords(now, before);
    if (w === null) return;
    const span = w === 'không thay đổi' ? `(${formatPercent(now)})` : `(từ ${formatPercent(before)} lên ${formatPercent(now)})`.replace(' lên ', w.startsWith('giảm') ? ' xuống ' : ' lên ');
    out.push(`${out.length ? 'tỷ lệ' : 'Tỷ lệ'} ${label} đạt chuẩn ${w} so với năm ${prev.year} ${span}`);
  };
  if (f.place.kind !== 'commune') one(communeWords(f.now), f.now.rates.communes, prev.total.rates.communes);
  one('khu dân cư', f.now.rates.residential, prev.total.rates.residential);
  if (!out.length) return [`Năm ${prev.year} không có số liệu tương ứng để so sánh.`];
  return [`${out.join('; ')}${basisNote(prev)}.`];
}
