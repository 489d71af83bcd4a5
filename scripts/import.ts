// npm run import -- FILE --year Y [--province P] [--dry-run] [--skip-invalid]
// Checks a year's commune returns (XLSX or CSV) and commits them as one import batch, exactly as the
// web import does; recorded in the audit log as "cli:<os user>". Exit code 1 when nothing was written.

import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { ApiError } from '../server/services/errors.js';
import { ImportRejected, ImportService, type ImportReport } from '../server/services/imports.js';
import { openStore } from '../server/store/open.js';

const USAGE = 'usage: npm run import -- FILE --year Y [--province P] [--dry-run] [--skip-invalid]';

export class UsageError extends Error {}

export function formatReport(r: ImportReport): string[] {
  const lines = [
    `${r.fileName}: ${r.format ?? 'không đọc được'}${r.encoding ? `, ${r.encoding}` : ''}${r.separator ? `, phân cách ${JSON.stringify(r.separator)}` : ''}; sha256 ${r.sha256}`,
    `năm ${r.year} (${r.vintage}), ${r.province ? `${r.province.name} (${r.province.code})` : 'mọi tỉnh'}: ${r.dataRows} dòng số liệu, ${r.valid} hợp lệ ` +
      `(${r.replaces} thay số liệu cũ, ${r.adds} mới, ${r.matchedByName} khớp theo tên), ${r.invalid} có lỗi, ${r.unfilled} chưa điền`,
  ];
  for (const p of r.problems) {
    lines.push(`  ${p.severity === 'error' ? 'LỖI' : 'lưu ý'} ${p.line > 0 ? `dòng ${p.line}` : 'tệp'}${p.column ? `, cột ${p.column}` : ''}: ${p.message} → ${p.hint}`);
  }
  if (r.problems.length < r.errors + r.warnings) lines.push(`  … và ${r.errors + r.warnings - r.problems.length} vấn đề khác`);
  return lines;
}

export async function importCli(argv: string[], opts: { env?: NodeJS.ProcessEnv; log?: (s: string) => void } = {}): Promise<boolean> {
  const log = opts.log ?? console.log;
  const args = [...argv];
  const take = (f: string) => {
    const k = args.indexOf(f);
    if (k < 0) return undefined;
    const v = args[k + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${f} needs a value\n${USAGE}`);
    args.splice(k, 2);
    return v;
  };
  const has = (f: string) => {
    const k = args.indexOf(f);
    if (k >= 0) args.splice(k, 1);
    return k >= 0;
  };
  const yearRaw = take('--year');
  const province = take('--province') ?? null;
  const dryRun = has('--dry-run');
  const skip = has('--skip-invalid');
  if (args.length !== 1 || !yearRaw || !/^\d{4}$/.test(yearRaw)) throw new UsageError(USAGE);
  const file = args[0];
  const size = statSync(file).size;
  log(`import: reading ${file} (${(size / 1024).toFixed(0)} KB)`);
  const { store, admin } = await openStore(opts.env);
  try {
    const svc = new ImportService(store, admin.ledger);
    const req = { fileName: basename(file), bytes: readFileSync(file), year: Number(yearRaw), provinceCode: province };
    const scope = { province: null, label: 'toàn quốc' };
    if (dryRun) {
      const r = await svc.check(req, scope);
      for (const l of formatReport(r)) log(l);
      log(r.canCommit ? 'import: kiểm tra xong, tệp sạch: có thể nhập.' : r.canCommitSkipping ? 'import: có lỗi; nhập được nếu bỏ qua các dòng lỗi (--skip-invalid).' : 'import: không có dòng nào nhập được.');
      return r.canCommit;
    }
    try {
      const { record, report } = await svc.commit(req, scope, `cli:${userInfo().username}`, skip, (n) => log(`import: ghi ${n} dòng trong một giao dịch…`));
      for (const l of formatReport(report)) log(l);
      log(`import: xong, lần nhập #${record.batchId}: ${record.rowsWritten} xã, bỏ qua ${record.rowsSkipped} dòng.`);
      return true;
    } catch (e) {
      if (!(e instanceof ImportRejected)) throw e;
      for (const l of formatReport(e.report)) log(l);
      log(`import: không ghi gì. ${e.message}${e.report.canCommitSkipping ? '; sửa lỗi, hoặc thêm --skip-invalid để chỉ nhập các dòng hợp lệ.' : '.'}`);
      return false;
    }
  } finally {
    await store.close();
  }
}

const isMain = process.argv[1]?.endsWith('scripts/import.ts');
if (isMain) {
  importCli(process.argv.slice(2))
    .then((ok) => process.exit(ok ? 0 : 1))
    .catch((e: unknown) => {
      const known = e instanceof UsageError || e instanceof ApiError || (e as NodeJS.ErrnoException).code === 'ENOENT';
      console.error(`import: ${known ? (e as Error).message : ((e as Error).stack ?? String(e))}`);
      process.exit(1);
    });
}
