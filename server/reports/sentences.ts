// The year's written report, in the words of the published conference reports (../shared/seeds): every sentence it
// says about the figures is made from ReportFigures alone, section by section (resultSentences, statusSentences,
// movementSentences, of the phrases in phrases.ts); here the whole text and a slide's speaker notes.

import { formatCount, formatPercent } from '../../shared/lib/format.js';
import type { Aggregate } from '../../shared/domain/aggregate.js';
import { movementSentences, reformSentences } from './movementSentences.js';
import { basisNote, changeWords, communeWords, cov, share, STANDARD, tally } from './phrases.js';
import type { Basis, ReportFigures, ReportSection, ReportText } from './reportFigures.js';
import { changeSentences, ratesSentence, resultsSentence } from './resultSentences.js';
import { statusSentences } from './statusSentences.js';
import { longDate, upper } from './viText.js';

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
  out.push(`${formatCount(a.keyAreas)} ${words}${cov(a, 'keyArea')} là địa bàn trọng điểm, phức tạp; ${a.hotSpots ? `${formatCount(a.hotSpots)} ${words}${cov(a, 'hotSpot')} có “điểm nóng”` : `không để xảy ra “điểm nóng”${cov(a, 'hotSpot')}`}.`);
  return out.join(' ');
}

/** The report's text as one string (tests, speaker notes). */
export const plainText = (t: ReportText) => [t.title, t.subtitle, ...t.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');
