import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bombData, deflated, xlsxBomb, zipArchive } from '../../test/support/zipBomb.js';
import { readUpload, warmReader } from './readUpload.js';
import { readSheet, SheetError } from './sheet.js';
import { templateXlsx } from './template.js';
import { checkZipBudget, zipEntries, ZipBudgetError } from './zipBudget.js';

const unit = (code: string, name: string) => ({ code, name, fullName: name, type: 'Xã', provinceCode: '24', provinceName: 'Bắc Ninh' });

describe('the zip budget', () => {
  it('the crafted bomb really inflates to what it says (the test data are honest)', () => {
    expect(inflateRawSync(bombData(3)).length).toBe(3 * 1024 * 1024);
    expect(bombData(200).length).toBeLessThan(250_000);
  });

  it('passes a real workbook and tells its inflated size', async () => {
    const bytes = new Uint8Array(await templateXlsx({ year: 2025, title: 'Mẫu', units: [unit('00004', 'Xã A'), unit('00008', 'Xã B')] } as never));
    const total = await checkZipBudget(bytes);
    expect(total).toBe(zipEntries(bytes).reduce((s, e) => s + e.declaredSize, 0));
    expect(total).toBeGreaterThan(bytes.length);
  });

  it('refuses a bomb that declares its size, before inflating anything', async () => {
    const bomb = xlsxBomb(200, false);
    await expect(checkZipBudget(bomb)).rejects.toThrow(/giải nén ra 200 MB, quá giới hạn 64 MB/);
  });

  it('refuses a bomb that lies about its size, having inflated no more than it declared', async () => {
    await expect(checkZipBudget(xlsxBomb(200, true))).rejects.toThrow(ZipBudgetError);
    await expect(checkZipBudget(xlsxBomb(200, true))).rejects.toThrow(/bị hỏng/);
  });

  it('refuses many honest entries that add up past the budget, and overlapping entries', async () => {
    const big = { name: 'a.xml', data: bombData(20), method: 8 as const, declaredSize: 20 * 1024 * 1024 };
    await expect(checkZipBudget(zipArchive([0, 1, 2, 3].map((k) => ({ ...big, name: `x${k}.xml` }))))).rejects.toThrow(/giải nén ra 80 MB/);
    await expect(checkZipBudget(xlsxBomb(10, false), { totalBytes: 5 * 1024 * 1024, entries: 10 })).rejects.toThrow(/quá giới hạn 5 MB/);
  });

  it('refuses truncated and foreign archives with a message, never a crash', async () => {
    const ok = zipArchive([deflated('a.xml', '<a/>'.repeat(100))]);
    await expect(checkZipBudget(ok.subarray(0, ok.length - 30))).rejects.toThrow(/bị hỏng/);
    const odd = zipArchive([{ name: 'a.xml', data: new Uint8Array(10), method: 12 as never, declaredSize: 10 }]);
    await expect(checkZipBudget(odd)).rejects.toThrow(/không được hỗ trợ/);
    expect(() => zipEntries(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toThrow(ZipBudgetError);
  });
});

describe('readUpload', () => {
  // First in the file: the module's reader is not booted yet, as at a server start.
  it('warms a reader at start, in the background: an upload meanwhile queues on it, and it is parked again after', async () => {
    const warming = warmReader();
    const bytes = new Uint8Array(await templateXlsx({ year: 2025, title: 'Mẫu', units: [unit('00004', 'Xã A')] } as never));
    expect(await readUpload(bytes, { workerAbove: 0 })).toEqual(await readSheet(bytes));
    expect(await warming).toBe(true);
    // One reader, idle again: a second warm-up starts none.
    expect(await warmReader()).toBe(false);
  });

  it('reads a workbook in a worker thread exactly as in the main thread', async () => {
    const bytes = new Uint8Array(await templateXlsx({ year: 2025, title: 'Mẫu', units: [unit('00004', 'Xã A'), unit('00008', 'Xã B')] } as never));
    const there = await readUpload(bytes, { workerAbove: 0 });
    expect(there).toEqual(await readSheet(bytes));
    expect(there.sheets[0].rows.length).toBeGreaterThan(2);
    // The warm worker reads the next files, one after the other and side by side, each answer its own.
    const other = new Uint8Array(await templateXlsx({ year: 2024, title: 'Mẫu', units: [unit('00010', 'Xã C')] } as never));
    const [a, b] = await Promise.all([readUpload(other, { workerAbove: 0 }), readUpload(bytes, { workerAbove: 0 })]);
    expect(a).toEqual(await readSheet(other));
    expect(b).toEqual(there);
    await expect(readUpload(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), { workerAbove: 0 })).rejects.toThrow(/Excel 97–2003/);
    expect(await readUpload(other, { workerAbove: 0 })).toEqual(a);
  });

  it("keeps the reader's own messages, and turns the bomb and a library failure into a message for the user", async () => {
    const csv = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]);
    await expect(readUpload(csv, { workerAbove: 0 })).rejects.toThrow(/Excel 97–2003/);
    await expect(readUpload(xlsxBomb(200, false))).rejects.toBeInstanceOf(SheetError);
    // A well-formed archive that is no workbook: the library's TypeError never reaches the user.
    const notXlsx = zipArchive([deflated('[Content_Types].xml', '<Types/>'), deflated('xl/workbook.xml', '<nonsense')]);
    const err = (await readUpload(notXlsx).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(SheetError);
    expect(err.message).toMatch(/^Không đọc được tệp/);
    expect(err.message).not.toMatch(/undefined|Cannot|reading|TypeError|null/);
  });
});
