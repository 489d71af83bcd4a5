import { afterEach, describe, expect, it } from 'vitest';
import { dump, filled, fixtureStore, returnsCsv, SAMPLE } from '../../test/support/importFixture.js';
import { emptyStore, KINDS, kindSkip } from '../../test/support/databases.js';
import { storeAdmin } from '../store/sql-admin.js';
import type { Store } from '../store/store.js';
import { ImportRejected } from './importReport.js';
import { ImportService } from './imports.js';
import type { Scope } from './importUnits.js';

const ALL: Scope = { province: null, label: 'toàn quốc' };
const HANOI: Scope = { province: '01', label: 'tỉnh 01' };
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
const req = (bytes: Buffer, year = 2025, provinceCode: string | null = null) => ({ fileName: 'bao-cao.csv', bytes, year, provinceCode });

for (const kind of KINDS) describe.skipIf(kindSkip(kind))(`imports on ${kind}`, () => {
  async function setup() {
    const store = await fixtureStore(() => emptyStore(kind));
    stores.push(store);
    const admin = storeAdmin(store);
    return { store, admin, svc: new ImportService(store, admin.ledger) };
  }

  describe(`dry run on ${kind}`, () => {
    it('lists every problem by row and column with a hint, and writes nothing', async () => {
      const { store, svc } = await setup();
      const before = await dump(store);
      const file = returnsCsv([
        filled('00004'),
        filled('', { name: 'phuong ngoc ha' }), // without diacritics: a question, never a match on its own
        filled('00004'), // duplicate
        filled('99999'), // unknown
        filled('00001'), // a pre-2025 code in a 2025 file
        filled('00010', { rdCertified: '13' }), // certified > total
        filled('09001', { agTotal: '-1', models: 'nhiều', status: 'tốt' }),
        { code: '09002', name: 'Từ Sơn' }, // left blank: skipped, not written
      ]);
      const r = await svc.check(req(file), ALL);
      expect(await dump(store)).toBe(before);
      expect(r).toMatchObject({ dataRows: 8, valid: 1, invalid: 6, unfilled: 1, matchedByName: 0, replaces: 1, adds: 0, canCommit: false, canCommitSkipping: true });
      const errors = r.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.column?.split(' · ')[0], p.message]);
      expect(errors).toEqual([
        [3, 'B', expect.stringContaining('gần giống (khác dấu): Phường Ngọc Hà (00008)')],
        [4, 'A', expect.stringContaining('đã có ở dòng 2')],
        [5, 'A', 'Không có xã nào mã 99999'],
        [6, 'A', 'Mã 00001 (Phường Phúc Xá) là mã của địa giới trước 01/7/2025, không dùng cho năm 2025'],
        [7, 'F', 'Số đạt (13) lớn hơn tổng số (12)'],
        [8, 'D', expect.stringContaining('tốt')],
        [8, 'G', 'Số âm "-1"'],
        [8, 'M', expect.stringContaining('không phải là số')],
      ]);
      expect(r.problems.every((p) => p.hint.length > 10)).toBe(true);
      expect(r.questions).toMatchObject([
        { kind: 'name', value: 'phuong ngoc ha', lines: [3], options: [{ value: '00008' }], suggested: null },
        { kind: 'status', value: 'tốt', lines: [8], suggested: null, text: '1 dòng ghi "tốt": hiểu là kết quả nào?' },
      ]);
      // Confirmed once, the row matches the commune the user chose.
      const again = await svc.check({ ...req(file), choices: { answers: { [r.questions[0].id]: '00008' } } }, ALL);
      expect(again).toMatchObject({ valid: 2, matchedByName: 1 });
      expect(again.questions[0].answer).toBe('00008');
    });

    it('reads semicolon and tab files, UTF-16 and headings without diacritics', async () => {
      const { svc } = await setup();
      const text = 'Ma xa\tTen xa phuong\tKet qua ANTT\tKhu dan cu (tong so)\tKhu dan cu dat\tCo quan (tong so)\tCo quan dat\tDoanh nghiep (tong so)\tDoanh nghiep dat\tNha truong (tong so)\tNha truong dat\tSo mo hinh tu quan\tDia ban trong diem\tDiem nong\n4\tBa Đình\tđạt\t1.200\t1.100\t0\t0\t0\t0\t0\t0\t3\t\t\n';
      const r = await svc.check(req(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), ALL);
      expect(r).toMatchObject({ format: 'csv', encoding: 'utf-16le', separator: '\t', valid: 1, errors: 0, canCommit: true });
      const semi = await svc.check(req(returnsCsv([filled('00004')], ';')), ALL);
      expect(semi).toMatchObject({ separator: ';', valid: 1, canCommit: true });
    });

    it('matches by name only within the chosen province, and refuses rows of another province', async () => {
      const { svc } = await setup();
      const ambiguous = await svc.check(req(returnsCsv([filled('', { name: 'Xã Sóc Sơn' })])), ALL);
      expect(ambiguous.problems[0].message).toMatch(/Có 2 xã tên/);
      const inProvince = await svc.check(req(returnsCsv([filled('', { name: 'Xã Sóc Sơn' })]), 2025, '24'), ALL);
      expect(inProvince).toMatchObject({ valid: 1, matchedByName: 1 });
      const other = await svc.check(req(returnsCsv([filled('00004')]), 2025, '24'), ALL);
      expect(other.problems[0].message).toMatch(/thuộc Thành phố Hà Nội, không thuộc Tỉnh Bắc Ninh/);
    });

    it('keeps an editor to their province, on both maps', async () => {
      const { svc } = await setup();
      const r = await svc.check(req(returnsCsv([filled('00004'), filled('09001')])), HANOI);
      expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([3]);
      await expect(svc.assertProvinceInScope(2025, '24', HANOI)).rejects.toMatchObject({ status: 403 });
      await expect(svc.assertProvinceInScope(2025, null, HANOI)).rejects.toMatchObject({ status: 403 });
      await expect(svc.assertProvinceInScope(2024, '01', HANOI)).resolves.toBeUndefined(); // old Hà Nội → new Hà Nội
      await expect(svc.assertProvinceInScope(2024, '27', HANOI)).rejects.toMatchObject({ status: 403 });
      const old = await svc.check(req(returnsCsv([filled('00001'), filled('09100')]), 2024), HANOI);
      expect(old.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([3]);
    });
  });

  describe(`commit and rollback on ${kind}`, () => {
    it('commits a clean file in one batch, replacing only the communes in it, and bumps the version', async () => {
      const { store, admin, svc } = await setup();
      const v0 = await store.version();
      const { record } = await svc.commit(req(returnsCsv([filled('00004', { status: 'Chưa đạt', note: 'báo cáo bổ sung' })])), ALL, 'tester', false);
      expect(record).toMatchObject({ rowsWritten: 1, rowsReplaced: 1, rowsSkipped: 0, year: 2025, userName: 'tester' });
      expect(await store.version()).toBeGreaterThan(v0);
      const rows = await store.assessments('2025', 2025);
      expect(rows.find((a) => a.communeCode === '00004')).toMatchObject({ status: 'chua_dat', residential: { total: 12, certified: 11 }, hotSpot: true, batchId: record.batchId });
      expect(rows.filter((a) => a.batchId !== record.batchId)).toHaveLength(5);
      const [entry] = await admin.audit.auditEntries({ limit: 1 });
      expect(entry).toMatchObject({ userName: 'tester', action: 'import', fileSha256: record.fileSha256 });
      const change = (entry.details as { rows: { code: string; before: { status: string }; after: { status: string }; note: string }[] }).rows[0];
      expect(change).toMatchObject({ code: '00004', before: { status: 'dat' }, after: { status: 'chua_dat' }, note: 'báo cáo bổ sung' });
    });

    it('refuses a file with errors unless told to skip them, and then writes only the valid rows', async () => {
      const { store, svc } = await setup();
      const file = returnsCsv([filled('00004', { status: 'Chưa đạt' }), filled('00008', { rdCertified: '99' })]);
      const before = await dump(store);
      await expect(svc.commit(req(file), ALL, 'tester', false)).rejects.toBeInstanceOf(ImportRejected);
      expect(await dump(store)).toBe(before);
      const { record } = await svc.commit(req(file), ALL, 'tester', true);
      expect(record).toMatchObject({ rowsWritten: 1, rowsSkipped: 1 });
    });

    it('rolls back exactly what was there, sample or imported, last import first', async () => {
      const { store, admin, svc } = await setup();
      const original = await dump(store);
      const first = (await svc.commit(req(returnsCsv([filled('00004', { status: 'Chưa đạt' }), filled('00008')])), ALL, 'a', false)).record;
      const afterFirst = await store.assessments('2025', 2025);
      const second = (await svc.commit(req(returnsCsv([filled('00004', { models: '1' }), filled('00010')])), ALL, 'b', false)).record;
      await expect(admin.ledger.rollbackImport(first.batchId, 'a')).rejects.toThrow(new RegExp(`#${second.batchId}.*hoàn tác`));
      expect(await admin.ledger.rollbackImport(second.batchId, 'b')).toEqual({ batchId: second.batchId, restored: 2, removed: 0 });
      expect(await store.assessments('2025', 2025)).toEqual(afterFirst);
      await admin.ledger.rollbackImport(first.batchId, 'a');
      const tables = (d: string) => (JSON.parse(d) as [string, string[]][]).filter(([t]) => ['assessments', 'province_returns', 'units', 'crosswalk'].includes(t));
      expect(tables(await dump(store))).toEqual(tables(original));
      await expect(admin.ledger.rollbackImport(first.batchId, 'a')).rejects.toThrow(/đã được hoàn tác/);
      expect((await admin.ledger.imports()).map((i) => [i.batchId, i.rolledBackBy])).toEqual([
        [second.batchId, 'b'],
        [first.batchId, 'a'],
      ]);
    });

    it('restores sample values even after the sample data were regenerated', async () => {
      const { store, admin, svc } = await setup();
      const { record } = await svc.commit(req(returnsCsv([filled('09100', { status: 'Đạt' })]), 2024), ALL, 'a', false);
      await store.replaceOrigin('sample', [{ ...SAMPLE, source: 'regenerated' }]);
      expect((await store.assessments('pre2025', 2024)).find((a) => a.communeCode === '09100')?.status).toBe('dat'); // import wins
      await admin.ledger.rollbackImport(record.batchId, 'a');
      const row = (await store.assessments('pre2025', 2024)).find((a) => a.communeCode === '09100')!;
      expect(row.status).toBe('chua_dat');
      expect((await store.batches()).find((b) => b.id === row.batchId)?.origin).toBe('sample');
    });
  });
});
