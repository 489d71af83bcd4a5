// An XLSX file is a ZIP archive: a few hundred kilobytes can inflate to gigabytes (a "zip bomb"). Before
// the XLSX reader sees the bytes, the archive's directory is read and every entry inflated once, as a
// stream that is counted and dropped: the sizes the archive declares and the sizes it really inflates
// to must both stay within a budget, and agree. Inflating runs in zlib's thread pool, so other requests
// are answered meanwhile.

import { createInflateRaw } from 'node:zlib';

export interface ZipBudget {
  /** Largest inflated size of all entries together (bytes). */
  totalBytes: number;
  /** Largest number of entries. */
  entries: number;
}

/** A real workbook of every commune of the country inflates to about 10 MB. */
export const DEFAULT_ZIP_BUDGET: ZipBudget = { totalBytes: 64 * 1024 * 1024, entries: 2_000 };

/** The archive is over budget, damaged, or of a kind that is not read; the message says which, in Vietnamese. */
export class ZipBudgetError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
const DAMAGED = 'Tệp Excel (.xlsx) bị hỏng (cấu trúc ZIP không hợp lệ): hãy mở tệp bằng Excel, lưu lại và thử lại.';

export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The entries listed in the archive's central directory (what XLSX readers trust). */
export function zipEntries(bytes: Uint8Array, budget: ZipBudget = DEFAULT_ZIP_BUDGET): ZipEntry[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: within the last 22 + 65535 bytes (its comment may follow it).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipBudgetError(DAMAGED);
  const count = v.getUint16(eocd + 10, true);
  const dirSize = v.getUint32(eocd + 12, true);
  const dirOffset = v.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipBudgetError('Tệp Excel (.xlsx) dạng ZIP64 quá lớn để nhập: hãy chia nhỏ tệp theo tỉnh.');
  if (count > budget.entries) throw new ZipBudgetError(`Tệp Excel (.xlsx) chứa ${count} phần, quá giới hạn ${budget.entries}: không phải bảng số liệu thông thường.`);
  if (dirOffset + dirSize > eocd) throw new ZipBudgetError(DAMAGED);
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || v.getUint32(p, true) !== 0x02014b50) throw new ZipBudgetError(DAMAGED);
    const nameLength = v.getUint16(p + 28, true);
    const entry: ZipEntry = {
      method: v.getUint16(p + 10, true),
      compressedSize: v.getUint32(p + 20, true),
      declaredSize: v.getUint32(p + 24, true),
      localOffset: v.getUint32(p + 42, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff) throw new ZipBudgetError('Tệp Excel (.xlsx) dạng ZIP64 quá lớn để nhập: hãy chia nhỏ tệp theo tỉnh.');
    entries.push(entry);
    p += 46 + nameLength + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return entries;
}

/** The entry's compressed bytes, found through its local header. */
function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > bytes.length || v.getUint32(at, true) !== 0x04034b50) throw new ZipBudgetError(DAMAGED);
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  if (start + e.compressedSize > bytes.length) throw new ZipBudgetError(DAMAGED);
  return bytes.subarray(start, start + e.compressedSize);
}

/** Inflates `data`, counting and dropping the output; rejects as soon as it passes `limit` bytes. */
function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: 64 * 1024 });
    let n = 0;
    let over = false;
    z.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > limit && !over) {
        over = true;
        z.destroy();
        resolve(n);
      }
    });
    z.on('error', () => (over ? undefined : reject(new ZipBudgetError(DAMAGED))));
    z.on('end', () => resolve(n));
    z.end(data);
  });
}

/**
 * Throws ZipBudgetError unless the archive's declared and actual inflated sizes stay within the budget
 * and agree; resolves to the total inflated size.
 */
export async function checkZipBudget(bytes: Uint8Array, budget: ZipBudget = DEFAULT_ZIP_BUDGET): Promise<number> {
  const entries = zipEntries(bytes, budget);
  const declared = entries.reduce((s, e) => s + e.declaredSize, 0);
  const tooLarge = (n: number) =>
    new ZipBudgetError(`Tệp Excel (.xlsx) giải nén ra ${mb(n)}, quá giới hạn ${mb(budget.totalBytes)}: hãy chia tệp theo tỉnh hoặc xóa các trang tính, cột không cần thiết.`);
  if (declared > budget.totalBytes) throw tooLarge(declared);
  let total = 0;
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8) throw new ZipBudgetError(`Tệp Excel (.xlsx) nén theo kiểu không được hỗ trợ (phần "${e.name.slice(0, 80)}"): hãy lưu lại bằng Excel.`);
    const data = entryData(bytes, e);
    // Never more than the entry declares (nor than what is left of the budget): a lying size is refused below.
    const limit = Math.min(e.declaredSize, budget.totalBytes - total);
    const n = e.method === 0 ? data.length : await inflatedSize(data, limit);
    if (total + n > budget.totalBytes) throw tooLarge(total + n);
    if (n !== e.declaredSize) throw new ZipBudgetError(DAMAGED);
    total += n;
  }
  return total;
}
