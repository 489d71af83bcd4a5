// Partial returns (issue #12): a column the file does not have is "not reported": stored as unknown (null), never
// as 0; over an earlier import of the same year it keeps what that import stored; a rollback restores exactly.
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureStore } from '../../test/support/importFixture.js';
import { emptyStore, KINDS, kindSkip } from '../../test/support/databases.js';
import { foldReport } from '../../shared/import/fold.js';
import { storeAdmin } from '../store/sql-admin.js';
import type { Store } from '../store/store.js';
import { ImportService } from './imports.js';
import type { Scope } from './importUnits.js';

const ALL: Scope = { province: null, label: 'toàn quốc' };
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** A CSV with just these headings and rows. */
const csv = (head: string[], rows: string[][]) => Buffer.from([head, ...rows].map((r) => r.join(',')).join('\n') + '\n', 'utf8');
const req = (bytes: Buffer, fileName = 'tra-ve.csv') => ({ fileName, bytes, year: 2025, provinceCode: null });
const STATUS_ONLY = ['Mã xã', 'Tên xã', 'Kết quả ANTT'];
const FULL = ['Mã xã', 'Kết quả ANTT', 'Khu dân cư (tổng số)', 'Khu dân cư đạt', 'Cơ quan (tổng số)', 'Cơ quan đạt', 'Doanh nghiệp (tổng số)', 'Doanh nghiệp đạt', 'Nhà trường (tổng số)', 'Nhà trường đạt', 'Mô hình tự quản', 'Địa bàn trọng điểm'];

for (const kind of KINDS) describe.skipIf(kindSkip(kind))(`partial returns on ${kind}`, () => {
  async function setup() {
    const store = await fixtureStore(() => emptyStore(kind));
    stores.push(store);
    const admin = storeAdmin(store);
    return { store, admin, svc: new ImportService(store, admin.ledger) };
  }
  const row = async (store: Store, code: string) => (await store.assessments('2025', 2025)).find((a) => a.communeCode === code)!;

  it('stores a status-only return as unknown figures, never 0, with one warning per column left out', async () => {
    const { store, admin, svc } = await setup();
    const file = csv(STATUS_ONLY, [['00004', 'Phường Ba Đình', 'Chưa đạt']]);
    const r = await svc.check(req(file), ALL);
    expect(r.canCommit).toBe(true);
    const warned = r.problems.filter((p) => p.kind === 'not-reported').map((p) => p.message);
    expect(warned).toEqual([
      'Không có cột "Khu dân cư (tổng số)", "Khu dân cư đạt": để trống (chưa báo cáo), không ghi 0',
      'Không có cột "Cơ quan (tổng số)", "Cơ quan đạt": để trống (chưa báo cáo), không ghi 0',
      'Không có cột "Doanh nghiệp (tổng số)", "Doanh nghiệp đạt": để trống (chưa báo cáo), không ghi 0',
      'Không có cột "Nhà trường (tổng số)", "Nhà trường đạt": để trống (chưa báo cáo), không ghi 0',
      'Không có cột "Số mô hình tự quản": để trống (chưa báo cáo), không ghi 0',
      expect.stringMatching(/^Không có cột "Địa bàn trọng điểm", "Điểm nóng", "Điển hình.*": để trống \(chưa báo cáo\), không ghi là "không"$/),
    ]);
    // Folded for the page and the CLI into one group that still names every figure left out.
    const groups = foldReport(r.problems, r.skipped).warnings.filter((g) => g.kind === 'not-reported');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 6, example: { message: warned.join('; ') } });
    // Over sample figures (the fixture's): the sample's numbers are not kept under an import's status.
    await svc.commit(req(file), ALL, 'cli:test', false);
    expect(await row(store, '00004')).toMatchObject({ status: 'chua_dat', residential: null, agencies: null, enterprises: null, schools: null, models: null, keyArea: null, hotSpot: null, exemplary: null });
    // The audit log says what was written: null, not 0.
    const [entry] = await admin.audit.auditEntries({ limit: 1 });
    expect((entry.details as { rows: { after: Record<string, unknown> }[] }).rows[0].after).toMatchObject({ residential: null, models: null });
  });

  it('a later return that reports a figure replaces the unknown; one that leaves it out keeps it; rollback restores exactly', async () => {
    const { store, admin, svc } = await setup();
    const first = await svc.commit(req(csv(STATUS_ONLY, [['00004', 'Phường Ba Đình', 'Chưa đạt']]), 'dot-1.csv'), ALL, 'cli:test', false);
    const values = ['00004', 'Đạt', '12', '11', '3', '3', '5', '4', '2', '2', '7', 'x'];
    const second = await svc.commit(req(csv(FULL, [values]), 'dot-2.csv'), ALL, 'cli:test', false);
    const reported = { status: 'dat', residential: { total: 12, certified: 11 }, agencies: { total: 3, certified: 3 }, enterprises: { total: 5, certified: 4 }, schools: { total: 2, certified: 2 }, models: 7, keyArea: true };
    expect(await row(store, '00004')).toMatchObject(reported);

    // A correction of the status only, and of the models only: what they leave out stays as reported.
    const third = await svc.commit(req(csv(STATUS_ONLY, [['00004', 'Phường Ba Đình', 'Chưa đạt']]), 'dot-3.csv'), ALL, 'cli:test', false);
    expect(await row(store, '00004')).toMatchObject({ ...reported, status: 'chua_dat', batchId: third.record.batchId });
    const fourth = await svc.commit(req(csv(['Mã xã', 'Mô hình tự quản'], [['00004', '9']]), 'dot-4.csv'), ALL, 'cli:test', false);
    expect(await row(store, '00004')).toMatchObject({ ...reported, status: 'chua_dat', models: 9 });

    // A cell answered "chưa báo cáo" is unknown too: it keeps the figure, it does not write 0.
    const dash = csv(['Mã xã', 'Kết quả ANTT', 'Mô hình tự quản'], [['00004', 'Đạt', '-']]);
    const asked = await svc.check(req(dash), ALL);
    const zero = asked.questions.find((q) => q.kind === 'zero')!;
    await svc.commit({ ...req(dash, 'dot-5.csv'), choices: { answers: { [zero.id]: 'unknown' } } }, ALL, 'cli:test', false);
    expect(await row(store, '00004')).toMatchObject({ ...reported, status: 'dat', models: 9 });

    // Rolled back newest first, each import gives back exactly what was there before it.
    const [fifth] = await admin.ledger.imports();
    await admin.ledger.rollbackImport(fifth.batchId, 'cli:test');
    expect(await row(store, '00004')).toMatchObject({ ...reported, status: 'chua_dat', models: 9, batchId: fourth.record.batchId });
    await admin.ledger.rollbackImport(fourth.record.batchId, 'cli:test');
    expect(await row(store, '00004')).toMatchObject({ ...reported, status: 'chua_dat', batchId: third.record.batchId });
    await admin.ledger.rollbackImport(third.record.batchId, 'cli:test');
    await admin.ledger.rollbackImport(second.record.batchId, 'cli:test');
    expect(await row(store, '00004')).toMatchObject({ status: 'chua_dat', residential: null, models: null, batchId: first.record.batchId });
  });

  it('a commune new to the year without flag columns stores its flags as unknown; a later return without them keeps what was reported', async () => {
    const { store, svc } = await setup();
    // 00010 has only the sample's row for 2025 (an import keeps nothing of the sample): nothing to keep, so unknown, not "no".
    await svc.commit(req(csv(['Mã xã', 'Kết quả ANTT', 'Mô hình tự quản'], [['00010', 'Đạt', '4']]), 'moi.csv'), ALL, 'cli:test', false);
    expect(await row(store, '00010')).toMatchObject({ status: 'dat', models: 4, keyArea: null, hotSpot: null, exemplary: null });
    await svc.commit(req(csv(['Mã xã', 'Kết quả ANTT', 'Địa bàn trọng điểm', 'Điểm nóng'], [['00010', 'Đạt', 'x', '']]), 'co.csv'), ALL, 'cli:test', false);
    expect(await row(store, '00010')).toMatchObject({ keyArea: true, hotSpot: false, exemplary: null });
    await svc.commit(req(csv(STATUS_ONLY, [['00010', 'Xã Sóc Sơn', 'Chưa đạt']]), 'sau.csv'), ALL, 'cli:test', false);
    expect(await row(store, '00010')).toMatchObject({ status: 'chua_dat', models: 4, keyArea: true, hotSpot: false, exemplary: null });
  });

  it('a template row left blank under present columns is still 0 (the template rule), a missing column never is', async () => {
    const { store, svc } = await setup();
    const file = csv(['Mã xã', 'Kết quả ANTT', 'Khu dân cư (tổng số)', 'Khu dân cư đạt'], [['00008', 'Đạt', '', '']]);
    await svc.commit(req(file), ALL, 'cli:test', false);
    expect(await row(store, '00008')).toMatchObject({ residential: { total: 0, certified: 0 }, models: null, schools: null });
  });
});
