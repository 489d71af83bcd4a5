// `npm run import` on a provincial return in report layout (issue #12, "done when"), against a copy of the
// seeded database: the first dry run asks (one unrecognised column, the spellings), --json for scripts;
// one confirmation (--map, --answer, or both in a choices file) makes it clean; the commit puts every row
// on its own commune and nothing elsewhere; the next file of the province gets the remembered choices.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../shared/domain/types.js';
import type { FoldedReport } from '../shared/import/fold.js';
import type { ImportReport } from '../server/services/importReport.js';
import { openStore } from '../server/store/open.js';
import { kindSkip, seededStore, type TestStore } from '../test/support/databases.js';
import { provincialReturn, type ProvincialReturn } from '../test/support/returnLayouts.js';
import { importCli, UsageError } from './import.js';

// Old Bắc Ninh's Thành phố Bắc Ninh (a district named as a province) and Thị xã Quế Võ (Phường Phù Lương),
// old Bắc Giang's Hiệp Hòa and Yên Thế (a Xã Đồng Tiến in each): --province 24 for 2024 means both.
const DISTRICTS = ['256', '259', '223', '215'];

describe.skipIf(kindSkip('sqlite', true))('npm run import on a report-layout return', () => {
  let db: TestStore;
  let dir: string;
  let file: string;
  let ret: ProvincialReturn;
  beforeAll(async () => {
    db = await seededStore('sqlite');
    const units = await db.store.units('pre2025');
    await db.store.close(); // the CLI opens it itself
    const communes = DISTRICTS.flatMap((d) => units.filter((u: Unit) => u.level === 'commune' && u.districtCode === d));
    ret = await provincialReturn(communes, (code) => units.find((u) => u.level === 'district' && u.code === code)!.fullName, 2024);
    dir = mkdtempSync(join(tmpdir(), 'antq-import-cli-'));
    file = join(dir, 'bac-ninh-2024.xlsx');
    writeFileSync(file, ret.bytes);
  });
  afterAll(async () => {
    await db?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const ok = await importCli([file, '--year', '2024', '--province', '24', ...args], { env: db.env, log: (l) => lines.push(l) });
    return { ok, lines };
  };
  const runJson = async (...args: string[]) => {
    const { ok, lines } = await run(...args, '--json');
    return { ok, ...(JSON.parse(lines.join('\n')) as { report: ImportReport; folded: FoldedReport; record: { batchId: number; rowsWritten: number } | null }) };
  };

  it('--json: the questions, the unrecognised column, errors, warnings folded and skipped rows with why', async () => {
    const { ok, report, folded, record } = await runJson('--dry-run');
    expect(ok).toBe(false);
    expect(record).toBeNull();
    expect(report.headerLines).toEqual([5, 6]);
    expect(report.columns.filter((c) => c.source === 'unknown').map((c) => [c.letter, c.heading])).toEqual([['F', 'Số tổ tự quản về ANTT']]);
    // One question per spelling, each with the reading the dictionary proposes.
    expect(Object.fromEntries(report.questions.map((q) => [q.id, q.suggested]))).toEqual(ret.confirmation.answers);
    expect(report.questions.find((q) => q.id === 'status:d')!.text).toMatch(/^\d+ dòng ghi "Đ": hiểu là Đạt\?$/);
    // Until answered, only the rows with an unanswered spelling are in error; each row already on a commune.
    expect(new Set(folded.errors.map((p) => p.kind))).toEqual(new Set(['question']));
    expect(report.dataRows).toBe(ret.lines.size);
    const byName = folded.warnings.find((w) => w.kind === 'matched-by-name')!;
    expect(byName.count).toBe(ret.lines.size);
    expect(byName.label).toBe('dòng không có mã, khớp theo tên');
    expect(folded.warnings.map((w) => w.kind)).toEqual(expect.arrayContaining(['province', 'column', 'not-reported']));
    // The district rows, the total and the signature block: skipped, each with why.
    expect(report.skipped.filter((s) => s.kind === 'district').map((s) => s.text)).toEqual(['I · Thành phố Bắc Ninh', 'II · Thị xã Quế Võ', 'III · Huyện Hiệp Hòa', 'IV · Huyện Yên Thế']);
    expect(report.skipped.map((s) => s.kind)).toEqual([...Array(4).fill('district'), 'total', 'note', 'note', 'note', 'note']);
    expect(folded.skipped.map((s) => s.why)).toEqual(['dòng tiêu đề huyện', 'dòng tổng cộng', 'ghi chú, ngày tháng hoặc chữ ký', 'phần chữ ký cuối bảng']);
  });

  it('--map and --answer: one confirmation makes the file clean; bad ones are usage errors', async () => {
    const answers = Object.entries(ret.confirmation.answers).flatMap(([id, a]) => ['--answer', `${id}=${a}`]);
    const { ok, lines } = await run('--dry-run', '--map', 'F=models', ...answers);
    expect(ok).toBe(true);
    expect(lines.filter((l) => l.includes('LỖI'))).toEqual([]);
    expect(lines.filter((l) => l.startsWith('  HỎI'))).toHaveLength(4);
    expect(lines.find((l) => l.includes('"Đ"'))).toMatch(/→ đã trả lời: Đạt$/);
    expect(lines.find((l) => l.includes(' dòng số liệu, '))).toMatch(new RegExp(`: ${ret.lines.size} dòng số liệu, ${ret.lines.size} hợp lệ .*, 0 có lỗi, 0 chưa điền, 9 dòng bỏ qua$`));
    await expect(run('--dry-run', '--answer', 'status:d')).rejects.toBeInstanceOf(UsageError);
    await expect(run('--dry-run', '--map', 'F=mo_hinh')).rejects.toThrow(/--map/);
  });

  it('commits every row on its own commune and nothing elsewhere; the next file gets the remembered choices', async () => {
    const choices = join(dir, 'choices.json');
    writeFileSync(choices, JSON.stringify(ret.confirmation));
    const { ok, report, record } = await runJson('--map', choices);
    expect(ok).toBe(true);
    expect(report).toMatchObject({ errors: 0, valid: ret.lines.size, invalid: 0 });
    expect(record!.rowsWritten).toBe(ret.lines.size);
    const { store } = await openStore(db.env);
    try {
      const written = (await store.assessments('pre2025', 2024)).filter((a) => a.batchId === record!.batchId);
      expect(written.map((a) => a.communeCode).sort()).toEqual([...ret.figures.keys()].sort());
      for (const a of written) {
        const f = ret.figures.get(a.communeCode)!;
        expect({ status: a.status, residential: a.residential, models: a.models }, a.communeCode).toEqual({ status: f.status, residential: { total: f.total, certified: f.certified }, models: f.models });
      }
    } finally {
      await store.close();
    }
    const again = await runJson('--dry-run');
    expect(again.ok).toBe(true);
    expect(again.report.savedMapping).toMatchObject({ columns: 1, answers: 4 });
    expect(again.report.replaces).toBe(ret.lines.size);
  });
});
