import { formatCount, formatPercent } from '../../shared/lib/format.js';
import { FIRST_2025_YEAR } from '../../shared/domain/types.js';
import { capital, communeWords, cov, listOf, MOVEMENT, subject, tally, STANDARD, where } from './phrases.js';
import type { ReportFigures } from './reportFigures.js';

// Sections III and IV of the report: the movement's models, key areas and hot spots; the 2025 reform.

/** Models, exemplary units, key areas and hot spots ("không để xảy ra “điểm nóng”" as reports 000 and 003 say). */
export function movementSentences(f: ReportFigures): string[] {
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
  // A flag not reported is not a "no": "không có…" and "không để xảy ra…" are said of the communes that reported it
  // (with their count when some did not), and nothing is claimed where none did.
  const key = f.communes.filter((c) => c.keyArea);
  if (a.reported.keyArea === 0 && !key.length) out.push(`${subj} chưa báo cáo địa bàn trọng điểm, phức tạp về an ninh, trật tự năm ${f.year}.`);
  else if (f.place.kind === 'commune') {
    if (key.length) out.push(`${f.place.fullName} là địa bàn trọng điểm, phức tạp về an ninh, trật tự.`);
  } else if (key.length) out.push(`${formatCount(key.length)} ${words}${cov(a, 'keyArea')} là địa bàn trọng điểm, phức tạp về an ninh, trật tự: ${listOf(f, key.map((c) => ({ ...c, reasons: [] })))}.`);
  else out.push(`Không có ${words} nào được xác định là địa bàn trọng điểm, phức tạp về an ninh, trật tự${cov(a, 'keyArea')}.`);
  const hot = f.communes.filter((c) => c.hotSpot);
  if (a.reported.hotSpot === 0 && !hot.length) out.push(`${subj} chưa báo cáo “điểm nóng” về an ninh, trật tự năm ${f.year}.`);
  else if (!hot.length) out.push(`${subj} không để xảy ra “điểm nóng” về an ninh, trật tự${cov(a, 'hotSpot')}.`);
  else if (f.place.kind === 'commune') out.push(`${f.place.fullName} còn xảy ra “điểm nóng” về an ninh, trật tự.`);
  else out.push(`Còn ${formatCount(hot.length)} ${words}${cov(a, 'hotSpot')} có “điểm nóng” về an ninh, trật tự: ${listOf(f, hot.map((c) => ({ ...c, reasons: [] })))}.`);
  return out;
}

/** 2025: the reform of 01/7/2025, and how the old communes the place's communes were formed from stood in 2024. */
export function reformSentences(f: ReportFigures): string[] {
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
