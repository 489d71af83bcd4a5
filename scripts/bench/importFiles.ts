// The full-country return the import benchmark checks, in the two layouts it meets: the template as
// the portal hands it out (codes, one heading row; XLSX and CSV), and the same figures as a provincial
// office lays out a report (title block, two-row merged header, STT, names without codes, a header row
// per province, a subtotal per province, a grand total, a signature block, statuses and zeros written
// as people write them). Seeded, so every run checks the same bytes.

import ExcelJS from 'exceljs';
import type { Unit } from '../../shared/domain/types.js';
import { templateCsv, templateXlsx } from '../../server/import/template.js';
import { splitCommuneName } from '../../shared/import/normalize.js';
import { mulberry32 } from '../../shared/lib/prng.js';

export interface ImportFiles {
  templateXlsx: Buffer;
  templateCsv: Buffer;
  reportXlsx: Buffer;
  /** Answers a user gives once to the report layout's questions (its spellings of results and zeros). */
  reportAnswers: Record<string, string>;
  /** The line of each commune row of the report layout → its code, to check the check. */
  reportLines: Map<number, string>;
}

interface Figures {
  status: string;
  counts: number[];
  models: number;
}

/** One commune's return (certified ≤ total), the same in both layouts. */
function figures(rnd: () => number): Figures {
  const int = (n: number) => Math.floor(rnd() * n);
  const counts: number[] = [];
  for (const max of [30, 8, 25, 6]) {
    const total = int(max + 1);
    counts.push(total, total - int(Math.min(total, 3) + 1));
  }
  return { status: rnd() < 0.85 ? 'dat' : 'chua_dat', counts, models: int(40) };
}

// How offices write a result, with the answer a user gives to each spelling the dictionary asks about.
const WRITTEN: Record<Figures['status'], string[]> = { dat: ['Đạt', 'Đạt', 'Đạt', 'Đ', 'đạt chuẩn', 'Giữ vững'], chua_dat: ['Chưa đạt', 'Ko đạt', 'K.Đạt'] };
const ANSWERS: Record<string, string> = { 'status:d': 'dat', 'status:giu vung': 'dat', 'status:ko dat': 'chua_dat', 'status:k dat': 'chua_dat', 'zero:-': '0' };

export async function importFiles(communes: Unit[], provinceNames: Map<string, string>): Promise<ImportFiles> {
  const units = [...communes].sort((a, b) => a.provinceCode.localeCompare(b.provinceCode) || a.code.localeCompare(b.code));
  const rnd = mulberry32(3321);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const fig = new Map(units.map((u) => [u.code, figures(rnd)]));

  // The template, filled in.
  const countIds = ['rdTotal', 'rdCertified', 'agTotal', 'agCertified', 'enTotal', 'enCertified', 'scTotal', 'scCertified'] as const;
  const fill = (u: Unit) => {
    const f = fig.get(u.code)!;
    return { status: f.status === 'dat' ? 'Đạt' : 'Chưa đạt', models: String(f.models), ...Object.fromEntries(countIds.map((id, k) => [id, String(f.counts[k])])) };
  };
  const spec = { year: 2025, title: 'bench', units, fill };
  const xlsx = await templateXlsx(spec);
  const csv = Buffer.from(templateCsv(spec), 'utf8');

  // The report layout: names as written (the type word dropped only where the bare name is unique in
  // its province, as an office would write it), grouped by province.
  const bareCount = new Map<string, number>();
  const bare = (u: Unit) => `${u.provinceCode}|${splitCommuneName(u.fullName).key}`;
  for (const u of units) bareCount.set(bare(u), (bareCount.get(bare(u)) ?? 0) + 1);
  const written = (u: Unit) => {
    const rest = u.fullName.slice(u.type.length + 1);
    const forms = [u.fullName, u.fullName, u.fullName.toUpperCase(), ...(u.type === 'Phường' ? [`P. ${rest}`] : u.type === 'Xã' ? [`X. ${rest}`] : [])];
    if (bareCount.get(bare(u)) === 1 && !/^\d+$/.test(rest)) forms.push(rest);
    return pick(forms);
  };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 01');
  const width = 13;
  ws.addRow(['BỘ CÔNG AN', null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  ws.addRow(['CỤC CẢNH SÁT QLHC VỀ TTXH', null, null, null, null, 'Độc lập - Tự do - Hạnh phúc']);
  ws.addRow(['BIỂU TỔNG HỢP KẾT QUẢ PHÂN LOẠI XÃ, PHƯỜNG AN TOÀN VỀ ANTT NĂM 2025']);
  ws.addRow(['(Kèm theo Báo cáo số 312/BC-C06 ngày 20/12/2025)']);
  for (const m of ['A1:E1', 'F1:M1', 'A2:E2', 'F2:M2', 'A3:M3', 'A4:M4']) ws.mergeCells(m);
  ws.addRow(['STT', 'Tên đơn vị', 'Kết quả phân loại', 'Khu dân cư', null, 'Cơ quan', null, 'Doanh nghiệp', null, 'Nhà trường', null, 'Số mô hình tự quản', 'Ghi chú']);
  ws.addRow([null, null, null, 'Tổng số', 'Đạt chuẩn', 'Tổng số', 'Đạt chuẩn', 'Tổng số', 'Đạt chuẩn', 'Tổng số', 'Đạt chuẩn']);
  for (const m of ['A5:A6', 'B5:B6', 'C5:C6', 'D5:E5', 'F5:G5', 'H5:I5', 'J5:K5', 'L5:L6', 'M5:M6']) ws.mergeCells(m);
  const lines = new Map<number, string>();
  const roman = (n: number) => [['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1]].reduce((s, [r, v]) => { let out = s; while (n >= (v as number)) { out += r; n -= v as number; } return out; }, '');
  const provinces = [...new Set(units.map((u) => u.provinceCode))];
  const grand = { dat: 0, all: 0 };
  provinces.forEach((p, k) => {
    ws.addRow([roman(k + 1), provinceNames.get(p)]);
    const mine = units.filter((u) => u.provinceCode === p);
    mine.forEach((u, j) => {
      const f = fig.get(u.code)!;
      // A zero written as "-" now and then.
      const count = (n: number) => (n === 0 && rnd() < 0.5 ? '-' : n);
      const row = ws.addRow([j + 1, written(u), pick(WRITTEN[f.status]), ...f.counts.map(count), count(f.models), '']);
      lines.set(row.number, u.code);
    });
    const dat = mine.filter((u) => fig.get(u.code)!.status === 'dat').length;
    grand.dat += dat;
    grand.all += mine.length;
    ws.addRow([null, 'Cộng', `${dat}/${mine.length}`]);
  });
  ws.addRow([null, 'Tổng cộng', `${grand.dat}/${grand.all}`]);
  ws.addRow([]);
  const at = ws.addRow([null, null, null, null, null, null, null, null, 'Hà Nội, ngày 20 tháng 12 năm 2025']).number;
  ws.mergeCells(`I${at}:${String.fromCharCode(64 + width)}${at}`);
  ws.addRow([null, 'NGƯỜI LẬP BIỂU', null, null, null, null, null, null, 'CỤC TRƯỞNG']);
  ws.addRow([null, '(Ký, ghi rõ họ tên)', null, null, null, null, null, null, '(Ký tên, đóng dấu)']);
  ws.addRow([]);
  ws.addRow([null, 'Nguyễn Văn Hùng', null, null, null, null, null, null, 'Thiếu tướng Trần Quốc Bảo']);
  return { templateXlsx: xlsx, templateCsv: csv, reportXlsx: Buffer.from(await wb.xlsx.writeBuffer()), reportAnswers: ANSWERS, reportLines: lines };
}
