import { formatCount, formatPercent } from '../../shared/lib/format.js';
import { formatPoints } from '../../shared/export/keyFigures.js';
import { coverage, type Aggregate } from '../../shared/domain/aggregate.js';
import { FIRST_2025_YEAR, type Status, type Tally, type Vintage } from '../../shared/domain/types.js';
import { joinAnd, longDate, TYPE_ORDER, typesPhrase, typeWord, upper } from './viText.js';

/**
 * The sentence templates of the year's written report, in the words of the published conference reports
 * (../shared/seeds): every sentence the report says about the figures is made here, from ReportFigures alone.
 */

export type PlaceKind = 'country' | 'province' | 'district' | 'commune';

export interface ReportPlace {
  kind: PlaceKind;
  code: string | null;
  /** "Bắc Ninh" */
  name: string;
  /** "Tỉnh Bắc Ninh" (the country: "Toàn quốc") */
  fullName: string;
  /** "Tỉnh", "Thành phố", "Huyện", "Xã", … */
  type: string;
  vintage: Vintage;
  /** The province a district or commune lies in ("Tỉnh Tuyên Quang"). */
  provinceName: string | null;
}

/** One commune of the place, as the lists of the report name it. */
export interface CommuneLine {
  code: string;
  fullName: string;
  provinceName: string;
  status: Status | null;
  /** Its status the year before (for a 2025 commune: rolled up from its predecessors); null: unknown. */
  previousStatus: Status | null;
  /** The worklist's reasons ("chưa đạt 2 năm liền", "địa bàn trọng điểm", …), the status itself left out. */
  reasons: string[];
  keyArea: boolean | null;
  hotSpot: boolean | null;
  exemplary: boolean | null;
}

/** How the previous year's figures were taken (shared/domain/previousYear). */
export type Basis = 'reported' | 'old-units' | 'crosswalk';

export interface ReportFigures {
  place: ReportPlace;
  year: number;
  now: Aggregate;
  previous: { year: number; total: Aggregate; basis: Basis } | null;
  communes: CommuneLine[];
  /** 2025 only: the old communes the place's communes were formed from, and how they stood in 2024. */
  reform: { oldCommunes: number; oldCertified: number; oldAssessed: number; year: number } | null;
  sample: boolean;
}

interface ReportSection {
  heading: string;
  paragraphs: string[];
}

export interface ReportText {
  /** The heading block of an official document. */
  issuer: string[];
  number: string;
  placeAndDate: string;
  title: string;
  subtitle: string;
  sections: ReportSection[];
}

const STANDARD = '“An toàn về an ninh, trật tự”';
const MOVEMENT = 'phong trào Toàn dân bảo vệ an ninh Tổ quốc';
/** Lists longer than this name the first ones and refer to the table. */
const MAX_NAMED = 12;

const tally = (t: Tally) => `${formatCount(t.certified)}/${formatCount(t.total)}`;
const share = (t: Tally) => formatPercent(t.total > 0 ? t.certified / t.total : null);
/** " (báo cáo 87/120 xã)" after a figure some communes did not report: the sum and its rate are over those. */
const cov = (a: Aggregate, f: 'residential' | 'agencies' | 'enterprises' | 'schools' | 'models') => {
  const c = coverage(a, f);
  return c ? ` (${c})` : '';
};
const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);

/** "toàn tỉnh", "toàn thành phố", "toàn quốc"; a commune speaks of itself. */
function subject(p: ReportPlace): string {
  if (p.kind === 'country') return 'toàn quốc';
  if (p.kind === 'commune') return p.fullName;
  return `toàn ${typeWord(p.type)}`;
}

/** "trên địa bàn tỉnh", "trên toàn quốc", "trên địa bàn thị trấn". */
function where(p: ReportPlace): string {
  return p.kind === 'country' ? 'trên toàn quốc' : `trên địa bàn ${typeWord(p.type)}`;
}

/** The communes' unit words as the place has them: "xã, phường, thị trấn". */
function communeWords(a: Aggregate): string {
  return typesPhrase(Object.keys(a.communes.byType));
}

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
function resultsSentence(f: ReportFigures): string {
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
function ratesSentence(f: ReportFigures): string | null {
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

/** "tăng 1,32 điểm %", "giảm 0,50 điểm %", "không thay đổi": the key figures' rounding (formatPoints), in words. */
export function changeWords(now: number | null, before: number | null): string | null {
  const p = formatPoints(now, before);
  if (p === '–') return null;
  const sign = p[0];
  const size = p.slice(1);
  return sign === '+' ? `tăng ${size}` : sign === '−' ? `giảm ${size}` : 'không thay đổi';
}

function basisNote(prev: NonNullable<ReportFigures['previous']>): string {
  if (prev.basis === 'old-units') return ` (năm ${prev.year} tính trên ${formatCount(prev.total.communes.total)} xã, phường, thị trấn cũ, trước sắp xếp)`;
  if (prev.basis === 'crosswalk') return ` (năm ${prev.year} quy đổi từ các xã, phường, thị trấn cũ theo bảng chuyển đổi ngày 01/7/2025)`;
  return '';
}

/** The change on the previous year: "Tỷ lệ … đạt chuẩn tăng 1,32 điểm % so với năm 2024 (từ 95,00% lên 96,32%)". */
function changeSentences(f: ReportFigures): string[] {
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

/** "Xã A (chưa đạt 2 năm liền; địa bàn trọng điểm)". */
const named = (c: CommuneLine, country: boolean) => `${c.fullName}${country ? ` (${c.provinceName})` : ''}${c.reasons.length ? ` (${c.reasons.join('; ')})` : ''}`;

function nameList(list: readonly CommuneLine[], country: boolean): string {
  const shown = list.slice(0, MAX_NAMED).map((c) => named(c, country));
  const rest = list.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} và ${formatCount(rest)} đơn vị khác (xem bảng số liệu)` : joinAnd(shown);
}

/** For the country, where the communes of a list lie: "nhiều nhất ở Tỉnh A (12), Tỉnh B (9)". */
function byProvince(list: readonly CommuneLine[]): string {
  const counts = new Map<string, number>();
  for (const c of list) counts.set(c.provinceName, (counts.get(c.provinceName) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi')).slice(0, 5);
  return `nhiều nhất ở ${top.map(([p, n]) => `${p} (${formatCount(n)})`).join(', ')}`;
}

const listOf = (f: ReportFigures, list: readonly CommuneLine[]) => (f.place.kind === 'country' && list.length > MAX_NAMED ? byProvince(list) : nameList(list, f.place.kind === 'country'));

/** Communes not certified, not assessed, newly certified and that lost the standard, with the worklist's reasons. */
function statusSentences(f: ReportFigures): string[] {
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

/** Models, exemplary units, key areas and hot spots ("không để xảy ra “điểm nóng”" as reports 000 and 003 say). */
function movementSentences(f: ReportFigures): string[] {
  const a = f.now;
  const out: string[] = [];
  const words = communeWords(a);
  const subj = capital(f.place.kind === 'commune' ? f.place.fullName : where(f.place));
  if (a.reported.models === 0) out.push(`${subj} chưa báo cáo số mô hình tự quản về an ninh, trật tự năm ${f.year}.`);
  else if (a.models > 0) {
    // The average is over the communes that reported their models.
    const per = f.place.kind !== 'commune' && a.reported.models > 1 ? `, bình quân ${formatCount(Math.round((a.models / a.reported.models) * 10) / 10)} mô hình mỗi ${words}` : '';
    out.push(`${subj} duy trì hoạt động của ${formatCount(a.models)} mô hình tự quản về an ninh, trật tự theo phương châm “tự phòng, tự quản, tự bảo vệ, tự hòa giải”${per}${cov(a, 'models')}.`);
  } else out.push(`${subj} chưa có mô hình tự quản về an ninh, trật tự được ghi nhận năm ${f.year}.`);
  if (a.exemplary > 0) {
    if (f.place.kind === 'commune') out.push(`${f.place.fullName} được xây dựng là đơn vị điển hình về ${MOVEMENT} năm ${f.year}.`);
    else out.push(`${formatCount(a.exemplary)} ${words} được xây dựng điển hình về ${MOVEMENT}: ${listOf(f, f.communes.filter((c) => c.exemplary).map((c) => ({ ...c, reasons: [] })))}.`);
  }
  const key = f.communes.filter((c) => c.keyArea);
  if (f.place.kind === 'commune') {
    if (key.length) out.push(`${f.place.fullName} là địa bàn trọng điểm, phức tạp về an ninh, trật tự.`);
  } else if (key.length) out.push(`${formatCount(key.length)} ${words} là địa bàn trọng điểm, phức tạp về an ninh, trật tự: ${listOf(f, key.map((c) => ({ ...c, reasons: [] })))}.`);
  else out.push(`Không có ${words} nào được xác định là địa bàn trọng điểm, phức tạp về an ninh, trật tự.`);
  const hot = f.communes.filter((c) => c.hotSpot);
  if (!hot.length) out.push(`${subj} không để xảy ra “điểm nóng” về an ninh, trật tự.`);
  else if (f.place.kind === 'commune') out.push(`${f.place.fullName} còn xảy ra “điểm nóng” về an ninh, trật tự.`);
  else out.push(`Còn ${formatCount(hot.length)} ${words} có “điểm nóng” về an ninh, trật tự: ${listOf(f, hot.map((c) => ({ ...c, reasons: [] })))}.`);
  return out;
}

/** 2025: the reform of 01/7/2025, and how the old communes the place's communes were formed from stood in 2024. */
function reformSentences(f: ReportFigures): string[] {
  if (f.year < FIRST_2025_YEAR || !f.reform) return [];
  const r = f.reform;
  const a = f.now;
  const out: string[] = [];
  const count = f.place.kind === 'commune' ? `${f.place.fullName} được thành lập trên cơ sở sắp xếp ${formatCount(r.oldCommunes)} xã, phường, thị trấn cũ` : `${subject(f.place)} có ${formatCount(a.communes.total)} ${communeWords(a)} (không còn cấp huyện), được sắp xếp từ ${formatCount(r.oldCommunes)} xã, phường, thị trấn cũ`;
  out.push(`Thực hiện Nghị quyết số 202/2025/QH15 của Quốc hội và các nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính, từ ngày 01/7/2025 ${count}.`);
  if (r.oldAssessed > 0)
    out.push(`Năm ${r.year}, ${tally({ total: r.oldCommunes, certified: r.oldCertified })} xã, phường, thị trấn cũ này đạt tiêu chuẩn ${STANDARD} (${formatPercent(r.oldCertified / r.oldCommunes)}).`);
  out.push(`Số liệu năm ${r.year} trên địa giới mới được quy đổi theo bảng chuyển đổi ngày 01/7/2025: một đơn vị mới được tính là đạt chuẩn khi mọi xã, phường, thị trấn cũ hợp thành đều đạt chuẩn.`);
  return out;
}

/** The heading block of an official document (issuer, number, place and date) and the title. */
function heading(f: ReportFigures, date: Date): Pick<ReportText, 'issuer' | 'number' | 'placeAndDate' | 'title' | 'subtitle'> {
  const p = f.place;
  const issuer = p.kind === 'country' ? ['BỘ CÔNG AN', 'BAN CHỈ ĐẠO 138/CP'] : p.kind === 'province' ? ['UBND ' + upper(p.fullName), 'BAN CHỈ ĐẠO 138'] : [`UBND ${upper(p.fullName)}`, 'BAN CHỈ ĐẠO 138'];
  // Documents are dated at the province's name: "Bắc Ninh, ngày …" (a commune's or district's too).
  const town = p.kind === 'country' ? 'Hà Nội' : p.kind === 'province' ? p.name : (p.provinceName ?? p.name).replace(/^(Tỉnh|Thành phố)\s+/, '');
  return {
    issuer,
    number: 'Số:      /BC-BCĐ138',
    placeAndDate: `${town}, ${longDate(date)}`,
    title: 'BÁO CÁO',
    subtitle: `Kết quả xây dựng phong trào Toàn dân bảo vệ ANTQ năm ${f.year}`,
  };
}

/** The whole text of the report. */
export function reportText(f: ReportFigures, date: Date): ReportText {
  const results = [resultsSentence(f), ratesSentence(f), ...changeSentences(f)].filter((s): s is string => s !== null);
  const sections: ReportSection[] = [
    { heading: `I. KẾT QUẢ CÔNG NHẬN ĐẠT TIÊU CHUẨN ${upper(STANDARD)} NĂM ${f.year}`, paragraphs: results },
    { heading: f.place.kind === 'commune' ? 'II. TÌNH TRẠNG CÔNG NHẬN' : `II. CÁC ${upper(communeWords(f.now))} CHƯA ĐẠT, MỚI ĐẠT VÀ MẤT CHUẨN`, paragraphs: statusSentences(f) },
    { heading: 'III. MÔ HÌNH TỰ QUẢN, ĐỊA BÀN TRỌNG ĐIỂM VÀ ĐIỂM NÓNG', paragraphs: movementSentences(f) },
  ];
  const reform = reformSentences(f);
  if (reform.length) sections.push({ heading: 'IV. SẮP XẾP ĐƠN VỊ HÀNH CHÍNH', paragraphs: reform });
  return { ...heading(f, date), sections };
}

/** A slide's speaker notes: its key figures as sentences ("… đạt chuẩn (94,28%), tăng 1,32 điểm % so với năm 2024"). */
export function slideNotes(place: string, year: number, now: { total: Aggregate; basis: Basis }, prev: { year: number; total: Aggregate; basis: Basis } | null): string {
  const a = now.total;
  const words = communeWords(a);
  const assessed = { total: a.communes.total - a.communes.noData, certified: a.communes.certified };
  const out: string[] = [];
  const oldUnits = now.basis === 'old-units' ? ' (tính trên các xã, phường, thị trấn cũ, trước sắp xếp)' : '';
  let first = `Năm ${year}, ${place === 'Toàn quốc' ? 'toàn quốc' : place} có ${tally(assessed)} ${words} đạt tiêu chuẩn ${STANDARD} (${formatPercent(a.rates.communes)})${oldUnits}`;
  const w = prev ? changeWords(a.rates.communes, prev.total.rates.communes) : null;
  if (prev && w) first += `, ${w} so với năm ${prev.year}${basisNote(prev)}`;
  out.push(`${first}.`);
  if (a.residential.total > 0) out.push(`${tally(a.residential)} khu dân cư đạt chuẩn (${share(a.residential)})${cov(a, 'residential')}.`);
  if (a.reported.models > 0) out.push(`Duy trì hoạt động của ${formatCount(a.models)} mô hình tự quản về an ninh, trật tự${cov(a, 'models')}.`);
  out.push(`${formatCount(a.keyAreas)} ${words} là địa bàn trọng điểm, phức tạp; ${a.hotSpots ? `${formatCount(a.hotSpots)} ${words} có “điểm nóng”` : 'không để xảy ra “điểm nóng”'}.`);
  return out.join(' ');
}

/** The report's text as one string (tests, speaker notes). */
export const plainText = (t: ReportText) => [t.title, t.subtitle, ...t.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');
