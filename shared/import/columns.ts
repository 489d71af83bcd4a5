// The columns of a commune return: the template's headings, and how a heading someone typed
// (with or without diacritics, in another wording, under a group heading) is recognised. This is the
// one synonym dictionary of headings; the words of cells are in dictionary.ts.

import { normalize } from './normalize.js';

export type ColumnId =
  | 'code'
  | 'name'
  | 'year'
  | 'status'
  | 'rdTotal'
  | 'rdCertified'
  | 'agTotal'
  | 'agCertified'
  | 'enTotal'
  | 'enCertified'
  | 'scTotal'
  | 'scCertified'
  | 'models'
  | 'keyArea'
  | 'hotSpot'
  | 'exemplary'
  | 'note'
  // Recognised in returns, not printed in the template:
  | 'seq'
  | 'district'
  | 'rdRate'
  | 'agRate'
  | 'enRate'
  | 'scRate';

export interface Column {
  id: ColumnId;
  /** The heading the templates print. */
  heading: string;
  /** Other wordings accepted, compared normalised. */
  aliases: string[];
  /** Printed as expected in the template's help; a return may still leave it out ("not reported"). */
  required: boolean;
  /** Shown in the template's second sheet and in hints. */
  help: string;
}

const COUNT_HELP = 'số nguyên ≥ 0; để trống = 0';
const FLAG_HELP = '"x" nếu có, để trống nếu không';

export const COLUMNS: readonly Column[] = [
  { id: 'code', heading: 'Mã xã', aliases: ['ma', 'ma xa phuong', 'ma don vi', 'ma dvhc', 'ma so', 'code'], required: false, help: 'mã đơn vị hành chính (5 chữ số, theo danh mục của Tổng cục Thống kê)' },
  { id: 'name', heading: 'Tên xã, phường', aliases: ['ten', 'ten xa', 'ten don vi', 'xa phuong', 'don vi', 'name', 'ten xa phuong thi tran', 'ten xa phuong dac khu', 'ten don vi hanh chinh', 'don vi hanh chinh', 'xa phuong thi tran', 'ten dvhc', 'ten xa phuong thi tran dac khu'], required: false, help: 'dùng để đối chiếu khi không có mã' },
  { id: 'year', heading: 'Năm', aliases: ['year', 'nam bao cao'], required: false, help: 'năm của số liệu; để trống = năm chọn khi nhập' },
  { id: 'status', heading: 'Kết quả ANTT', aliases: ['ket qua', 'ket qua phan loai', 'phan loai', 'xep loai', 'ket qua xep loai', 'ket qua danh gia', 'ket qua cong nhan', 'tinh trang', 'trang thai', 'an toan ve antt', 'dat chuan antt', 'cong nhan antt', 'status', 'an toan ve an ninh trat tu'], required: true, help: '"Đạt", "Chưa đạt", hoặc để trống (chưa đánh giá)' },
  { id: 'rdTotal', heading: 'Khu dân cư (tổng số)', aliases: ['kdc tong so', 'so khu dan cu', 'khu dan cu'], required: true, help: COUNT_HELP },
  { id: 'rdCertified', heading: 'Khu dân cư đạt', aliases: ['kdc dat', 'khu dan cu dat chuan', 'khu dan cu dat antt'], required: true, help: COUNT_HELP },
  { id: 'agTotal', heading: 'Cơ quan (tổng số)', aliases: ['co quan tong so', 'so co quan', 'co quan'], required: true, help: COUNT_HELP },
  { id: 'agCertified', heading: 'Cơ quan đạt', aliases: ['co quan dat chuan', 'co quan dat antt'], required: true, help: COUNT_HELP },
  { id: 'enTotal', heading: 'Doanh nghiệp (tổng số)', aliases: ['doanh nghiep tong so', 'so doanh nghiep', 'doanh nghiep', 'dn tong so'], required: true, help: COUNT_HELP },
  { id: 'enCertified', heading: 'Doanh nghiệp đạt', aliases: ['doanh nghiep dat chuan', 'doanh nghiep dat antt', 'dn dat'], required: true, help: COUNT_HELP },
  { id: 'scTotal', heading: 'Nhà trường (tổng số)', aliases: ['nha truong tong so', 'so nha truong', 'nha truong', 'truong hoc', 'co so giao duc', 'co so giao duc tong so'], required: true, help: COUNT_HELP },
  { id: 'scCertified', heading: 'Nhà trường đạt', aliases: ['nha truong dat chuan', 'truong hoc dat', 'co so giao duc dat'], required: true, help: COUNT_HELP },
  { id: 'models', heading: 'Số mô hình tự quản', aliases: ['mo hinh', 'so mo hinh', 'mo hinh tu quan', 'so mo hinh to tu quan', 'mo hinh to tu quan', 'so mo hinh tu quan ve antt', 'models'], required: true, help: COUNT_HELP },
  { id: 'keyArea', heading: 'Địa bàn trọng điểm', aliases: ['trong diem', 'dia ban trong diem phuc tap', 'key area'], required: true, help: FLAG_HELP },
  { id: 'hotSpot', heading: 'Điểm nóng', aliases: ['diem nong ve antt', 'hot spot'], required: true, help: FLAG_HELP },
  { id: 'exemplary', heading: 'Điển hình', aliases: ['xa dien hinh', 'dien hinh phong trao', 'xa phuong dien hinh'], required: false, help: FLAG_HELP },
  { id: 'note', heading: 'Ghi chú', aliases: ['note', 'ghi chu khac'], required: false, help: 'tùy ý' },
];

/** Columns read from returns but not printed in the template. */
const EXTRA_COLUMNS: readonly Column[] = [
  { id: 'seq', heading: 'STT', aliases: ['so thu tu', 'tt', 'so tt'], required: false, help: 'số thứ tự (không nhập)' },
  { id: 'district', heading: 'Huyện/TP', aliases: ['huyen', 'quan huyen', 'huyen tp', 'huyen thi xa thanh pho', 'huyen thi xa tp', 'huyen thanh pho', 'don vi cap huyen', 'cap huyen', 'quan huyen thi xa', 'huyen thi xa', 'ten huyen'], required: false, help: 'huyện, quận, thị xã, thành phố (trước 01/7/2025): phân biệt các xã cùng tên' },
  { id: 'rdRate', heading: 'Tỷ lệ khu dân cư đạt (%)', aliases: [], required: false, help: 'tỷ lệ %, đối chiếu với số đạt và tổng số' },
  { id: 'agRate', heading: 'Tỷ lệ cơ quan đạt (%)', aliases: [], required: false, help: 'tỷ lệ %, đối chiếu với số đạt và tổng số' },
  { id: 'enRate', heading: 'Tỷ lệ doanh nghiệp đạt (%)', aliases: [], required: false, help: 'tỷ lệ %, đối chiếu với số đạt và tổng số' },
  { id: 'scRate', heading: 'Tỷ lệ nhà trường đạt (%)', aliases: [], required: false, help: 'tỷ lệ %, đối chiếu với số đạt và tổng số' },
];

export const ALL_COLUMNS: readonly Column[] = [...COLUMNS, ...EXTRA_COLUMNS];
const COLUMN_BY_ID = new Map(ALL_COLUMNS.map((c) => [c.id, c]));
export const heading = (id: ColumnId) => COLUMN_BY_ID.get(id)!.heading;
export const isColumnId = (s: string): s is ColumnId => COLUMN_BY_ID.has(s as ColumnId);

const LOOKUP = new Map<string, ColumnId>();
for (const c of ALL_COLUMNS) for (const h of [c.heading, c.id, ...c.aliases]) LOOKUP.set(normalize(h), c.id);

/** The four counted groups: the words of their group heading, and their total/certified/rate columns. */
const GROUPS: { words: string[]; total: ColumnId; certified: ColumnId; rate: ColumnId }[] = [
  { words: ['khu dan cu', 'kdc', 'thon to dan pho', 'thon xom', 'thon ap'], total: 'rdTotal', certified: 'rdCertified', rate: 'rdRate' },
  { words: ['co quan'], total: 'agTotal', certified: 'agCertified', rate: 'agRate' },
  { words: ['doanh nghiep', 'dn'], total: 'enTotal', certified: 'enCertified', rate: 'enRate' },
  { words: ['nha truong', 'truong hoc', 'co so giao duc', 'csgd'], total: 'scTotal', certified: 'scCertified', rate: 'scRate' },
];
/** What a sub-heading (or the rest of a heading after the group's words) says: total or certified. */
const TOTAL_SUB = new Set(['', 'tong so', 'tong', 'so luong', 'so', 'sl', 'hien co', 'tong so hien co']);
const CERTIFIED_SUB = new Set(['dat', 'dat chuan', 'so dat', 'da dat', 'dat antt', 'dat chuan antt', 'so dat chuan', 'duoc cong nhan', 'cong nhan', 'so duoc cong nhan', 'dat an toan']);
const RATE_WORDS = ['ty le', 'ti le', 'phan tram'];

const hasWord = (n: string, w: string) => ` ${n} `.includes(` ${w} `);

/**
 * The column a heading names, or undefined. The heading of a header band is its group heading and its
 * sub-headings joined with " › " ("Khu dân cư › Đạt chuẩn"). A percentage ("(%)", "Tỷ lệ") is a rate
 * column, never a count.
 */
export function columnOf(text: string): ColumnId | undefined {
  const parts = text.split('›').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const whole = normalize(parts.join(' '));
  // The group is named by the lowest heading that names one ("Cơ quan, doanh nghiệp › Doanh nghiệp › Đạt").
  const norm = parts.map(normalize);
  let at = -1;
  let group: (typeof GROUPS)[number] | undefined;
  for (let k = norm.length - 1; k >= 0 && !group; k--) {
    const named = GROUPS.filter((g) => g.words.some((w) => hasWord(norm[k], w)));
    if (named.length === 1) [group, at] = [named[0], k];
  }
  if (text.includes('%') || RATE_WORDS.some((w) => hasWord(whole, w))) return group?.rate;
  if (group) {
    const word = group.words.find((w) => hasWord(norm[at], w))!;
    const rest = normalize([` ${norm[at]} `.replace(` ${word} `, ' '), ...norm.slice(at + 1)].join(' '));
    if (TOTAL_SUB.has(rest)) return group.total;
    if (CERTIFIED_SUB.has(rest) || hasWord(rest, 'dat')) return group.certified;
    return LOOKUP.get(whole);
  }
  const direct = LOOKUP.get(whole);
  if (direct) return direct;
  // A group heading over sub-headings that name the column on their own ("Kết quả › Phân loại").
  for (let k = parts.length - 1; k >= 0; k--) {
    const id = LOOKUP.get(normalize(parts[k]));
    if (id) return id;
  }
  return undefined;
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(k: number): string {
  let s = '';
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
