// The columns of a commune return: the template's headings, and how a heading someone typed
// (with or without diacritics, in another wording) is recognised.

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
  | 'note';

export interface Column {
  id: ColumnId;
  /** The heading the templates print. */
  heading: string;
  /** Other wordings accepted, compared normalised. */
  aliases: string[];
  required: boolean;
  /** Shown in the template's second sheet and in hints. */
  help: string;
}

const COUNT_HELP = 'số nguyên ≥ 0; để trống = 0';
const FLAG_HELP = '"x" nếu có, để trống nếu không';

export const COLUMNS: readonly Column[] = [
  { id: 'code', heading: 'Mã xã', aliases: ['ma', 'ma xa phuong', 'ma don vi', 'ma dvhc', 'ma so', 'code'], required: false, help: 'mã đơn vị hành chính (5 chữ số, theo danh mục của Tổng cục Thống kê)' },
  { id: 'name', heading: 'Tên xã, phường', aliases: ['ten', 'ten xa', 'ten don vi', 'xa phuong', 'don vi', 'name', 'ten xa phuong thi tran', 'ten xa phuong dac khu'], required: false, help: 'dùng để đối chiếu khi không có mã' },
  { id: 'year', heading: 'Năm', aliases: ['year', 'nam bao cao'], required: false, help: 'năm của số liệu; để trống = năm chọn khi nhập' },
  { id: 'status', heading: 'Kết quả ANTT', aliases: ['ket qua', 'tinh trang', 'trang thai', 'an toan ve antt', 'dat chuan antt', 'cong nhan antt', 'status', 'an toan ve an ninh trat tu'], required: true, help: '"Đạt", "Chưa đạt", hoặc để trống (chưa đánh giá)' },
  { id: 'rdTotal', heading: 'Khu dân cư (tổng số)', aliases: ['kdc tong so', 'so khu dan cu', 'khu dan cu'], required: true, help: COUNT_HELP },
  { id: 'rdCertified', heading: 'Khu dân cư đạt', aliases: ['kdc dat', 'khu dan cu dat chuan', 'khu dan cu dat antt'], required: true, help: COUNT_HELP },
  { id: 'agTotal', heading: 'Cơ quan (tổng số)', aliases: ['co quan tong so', 'so co quan', 'co quan'], required: true, help: COUNT_HELP },
  { id: 'agCertified', heading: 'Cơ quan đạt', aliases: ['co quan dat chuan', 'co quan dat antt'], required: true, help: COUNT_HELP },
  { id: 'enTotal', heading: 'Doanh nghiệp (tổng số)', aliases: ['doanh nghiep tong so', 'so doanh nghiep', 'doanh nghiep', 'dn tong so'], required: true, help: COUNT_HELP },
  { id: 'enCertified', heading: 'Doanh nghiệp đạt', aliases: ['doanh nghiep dat chuan', 'doanh nghiep dat antt', 'dn dat'], required: true, help: COUNT_HELP },
  { id: 'scTotal', heading: 'Nhà trường (tổng số)', aliases: ['nha truong tong so', 'so nha truong', 'nha truong', 'truong hoc', 'co so giao duc', 'co so giao duc tong so'], required: true, help: COUNT_HELP },
  { id: 'scCertified', heading: 'Nhà trường đạt', aliases: ['nha truong dat chuan', 'truong hoc dat', 'co so giao duc dat'], required: true, help: COUNT_HELP },
  { id: 'models', heading: 'Số mô hình tự quản', aliases: ['mo hinh', 'so mo hinh', 'mo hinh tu quan', 'models'], required: true, help: COUNT_HELP },
  { id: 'keyArea', heading: 'Địa bàn trọng điểm', aliases: ['trong diem', 'dia ban trong diem phuc tap', 'key area'], required: true, help: FLAG_HELP },
  { id: 'hotSpot', heading: 'Điểm nóng', aliases: ['diem nong ve antt', 'hot spot'], required: true, help: FLAG_HELP },
  { id: 'exemplary', heading: 'Điển hình', aliases: ['xa dien hinh', 'dien hinh phong trao', 'xa phuong dien hinh'], required: false, help: FLAG_HELP },
  { id: 'note', heading: 'Ghi chú', aliases: ['note', 'ghi chu khac'], required: false, help: 'tùy ý' },
];

export const COLUMN_BY_ID = new Map(COLUMNS.map((c) => [c.id, c]));
export const heading = (id: ColumnId) => COLUMN_BY_ID.get(id)!.heading;

const LOOKUP = new Map<string, ColumnId>();
for (const c of COLUMNS) for (const h of [c.heading, c.id, ...c.aliases]) LOOKUP.set(normalize(h), c.id);

/** The column a heading names, or undefined. */
export function columnOf(text: string): ColumnId | undefined {
  return LOOKUP.get(normalize(text));
}

export interface HeaderMatch {
  /** Where the heading row is in the sheet (index into the rows). */
  rowIndex: number;
  index: Map<ColumnId, number>;
  /** Headings not recognised (ignored, reported as warnings). */
  unknown: { column: number; text: string }[];
  duplicates: { column: number; text: string; id: ColumnId }[];
}

/**
 * Finds the heading row among the first rows (a title may stand above it): the first row that names
 * the status column and at least two other known columns.
 */
export function findHeader(rows: string[][], scan = 10): HeaderMatch | undefined {
  for (let r = 0; r < Math.min(rows.length, scan); r++) {
    const ids = rows[r].map(columnOf);
    if (!ids.includes('status') || ids.filter((x) => x !== undefined).length < 3) continue;
    const index = new Map<ColumnId, number>();
    const unknown: HeaderMatch['unknown'] = [];
    const duplicates: HeaderMatch['duplicates'] = [];
    ids.forEach((id, k) => {
      const text = rows[r][k];
      if (id === undefined) {
        if (text.trim() !== '') unknown.push({ column: k, text });
      } else if (index.has(id)) duplicates.push({ column: k, text, id });
      else index.set(id, k);
    });
    return { rowIndex: r, index, unknown, duplicates };
  }
  return undefined;
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(k: number): string {
  let s = '';
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
