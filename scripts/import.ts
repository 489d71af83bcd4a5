// npm run import -- FILE --year Y [--province P] [--old-province] [--map E=rdCertified,F=ignore | --map choices.json]
//                    [--answer 'status:d=dat'] [--sheet NAME] [--dry-run] [--skip-invalid] [--json]
// Checks a year's commune returns (XLSX or CSV) and commits them as one import batch, exactly as the
// web import does; recorded in the audit log as "cli:<os user>". Exit code 1 when nothing was written.
// --map takes the column mapping the import page offers (column letter = column id), or a JSON file of
// { mapping, answers, sheet }; --answer answers one of the report's questions (repeatable); --json
// prints the report as JSON for scripts ({ report, folded, record }).

import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseChoices, parseMappingPairs } from '../server/import/choices.js';
import { foldReport, lineRanges } from '../shared/import/fold.js';
import { readUpload } from '../server/import/readUpload.js';
import { ApiError } from '../server/services/errors.js';
import { ImportRejected, type ImportReport } from '../server/services/importReport.js';
import { ImportService, type ImportChoices } from '../server/services/imports.js';
import { openStore } from '../server/store/open.js';

const USAGE =
  "usage: npm run import -- FILE --year Y [--province P] [--old-province] [--map E=rdCertified,F=ignore | --map choices.json] [--answer 'status:d=dat'] [--sheet NAME] [--dry-run] [--skip-invalid] [--json]";

export class UsageError extends Error {}

export function formatReport(r: ImportReport): string[] {
  const lines = [
    `${r.fileName}: ${r.format ?? 'không đọc được'}${r.encoding ? `, ${r.encoding}` : ''}${r.separator ? `, phân cách ${JSON.stringify(r.separator)}` : ''}${r.sheet ? `, trang "${r.sheet}"` : ''}${r.headerLines.length ? `, tiêu đề dòng ${lineRanges(r.headerLines)}` : ''}; sha256 ${r.sha256}`,
    `năm ${r.year} (${r.vintage}), ${r.province ? `${r.province.name} (${r.province.code})` : 'mọi tỉnh'}: ${r.dataRows} dòng số liệu, ${r.valid} hợp lệ ` +
      `(${r.replaces} thay số liệu cũ, ${r.adds} mới, ${r.matchedByName} khớp theo tên), ${r.invalid} có lỗi, ${r.unfilled} chưa điền, ${r.skipped.length} dòng bỏ qua`,
  ];
  for (const s of r.otherSheets) lines.push(`  trang "${s.name}": ${s.why}`);
  if (r.savedMapping) lines.push(`  dùng cách ghép cột đã lưu (${r.savedMapping.savedBy}, ${r.savedMapping.savedAt.slice(0, 10)}): ${r.savedMapping.columns} cột, ${r.savedMapping.answers} cách ghi`);
  const unknown = r.columns.filter((c) => c.source === 'unknown');
  if (unknown.length) lines.push(`  cột chưa ghép (--map CỘT=mã_cột): ${unknown.map((c) => `${c.letter} "${c.heading}"`).join(', ')}`);
  for (const q of r.questions) {
    lines.push(`  HỎI ${q.text}${q.answer ? ` → đã trả lời: ${q.options.find((o) => o.value === q.answer)?.label ?? q.answer}` : ` (trả lời: --answer '${q.id}=${q.suggested ?? q.options[0]?.value}'; chọn: ${q.options.map((o) => `${o.value} = ${o.label}`).join('; ')})`}`);
  }
  const folded = foldReport(r.problems, r.skipped);
  for (const p of folded.errors) {
    lines.push(`  LỖI ${p.line > 0 ? `dòng ${p.line}` : 'tệp'}${p.column ? `, cột ${p.column}` : ''}: ${p.message} → ${p.hint}`);
  }
  for (const g of folded.warnings) {
    lines.push(`  lưu ý: ${g.count} ${g.label}${g.lines.length ? ` (dòng ${lineRanges(g.lines)})` : ''}; ví dụ: ${g.example.message}`);
  }
  for (const s of folded.skipped) lines.push(`  bỏ qua ${s.lines.length} dòng (${s.why}): dòng ${lineRanges(s.lines)}; ví dụ: ${s.example}`);
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
  const takeAll = (f: string) => {
    const out: string[] = [];
    for (let v = take(f); v !== undefined; v = take(f)) out.push(v);
    return out;
  };
  const has = (f: string) => {
    const k = args.indexOf(f);
    if (k >= 0) args.splice(k, 1);
    return k >= 0;
  };
  const yearRaw = take('--year');
  const province = take('--province') ?? null;
  const oldProvince = has('--old-province');
  const choices = choicesOf(take('--map'), takeAll('--answer'), take('--sheet'));
  const json = has('--json');
  const dryRun = has('--dry-run');
  const skip = has('--skip-invalid');
  if (args.length !== 1 || !yearRaw || !/^\d{4}$/.test(yearRaw)) throw new UsageError(USAGE);
  const file = args[0];
  const size = statSync(file).size;
  // With --json the report is the only output: progress goes to stderr.
  const say = json ? (m: string) => console.error(m) : log;
  say(`import: reading ${file} (${(size / 1024).toFixed(0)} KB)`);
  const { store, admin } = await openStore(opts.env);
  try {
    // Read in this thread: no other request waits on a CLI, and a reader thread's boot would double a country file's check.
    const svc = new ImportService(store, admin.ledger, (bytes) => readUpload(bytes, { workerAbove: Infinity }));
    const req = { fileName: basename(file), bytes: readFileSync(file), year: Number(yearRaw), provinceCode: province, provinceVintage: oldProvince ? ('pre2025' as const) : undefined, choices };
    // The JSON has the full report and, as the text does, its errors, warnings folded by kind and skipped rows by why.
    const show = (r: ImportReport, record?: unknown) =>
      json ? log(JSON.stringify({ report: r, folded: foldReport(r.problems, r.skipped), record: record ?? null }, null, 2)) : formatReport(r).forEach((l) => log(l));
    const scope = { province: null, label: 'toàn quốc' };
    if (dryRun) {
      const r = await svc.check(req, scope);
      show(r);
      say(r.canCommit ? 'import: kiểm tra xong, tệp sạch: có thể nhập.' : r.canCommitSkipping ? 'import: có lỗi; nhập được nếu bỏ qua các dòng lỗi (--skip-invalid).' : 'import: không có dòng nào nhập được.');
      return r.canCommit;
    }
    try {
      const { record, report } = await svc.commit(req, scope, `cli:${userInfo().username}`, skip, (n) => say(`import: ghi ${n} dòng trong một giao dịch…`));
      show(report, record);
      say(`import: xong, lần nhập #${record.batchId}: ${record.rowsWritten} xã, bỏ qua ${record.rowsSkipped} dòng.`);
      return true;
    } catch (e) {
      if (!(e instanceof ImportRejected)) throw e;
      show(e.report);
      say(`import: không ghi gì. ${e.message}${e.report.canCommitSkipping ? '; sửa lỗi, hoặc thêm --skip-invalid để chỉ nhập các dòng hợp lệ.' : '.'}`);
      return false;
    }
  } finally {
    await store.close();
  }
}

/** --map (pairs or a JSON file), --answer id=value, --sheet → the choices the service takes. */
function choicesOf(map: string | undefined, answers: string[], sheet: string | undefined): ImportChoices {
  let choices: ImportChoices = {};
  if (map !== undefined) {
    if (/\.json$/i.test(map)) {
      const c = parseChoices(readFileSync(map, 'utf8'));
      if (!c.ok) throw new UsageError(`--map ${map}: ${c.message}`);
      choices = c.value;
    } else {
      const m = parseMappingPairs(map);
      if (!m.ok) throw new UsageError(`--map: ${m.message}`);
      choices.mapping = m.value;
    }
  }
  for (const a of answers) {
    const k = a.lastIndexOf('=');
    if (k <= 0) throw new UsageError(`--answer cần dạng mã_câu_hỏi=trả_lời, ví dụ 'status:d=dat', nhận được "${a}"`);
    choices.answers = { ...choices.answers, [a.slice(0, k)]: a.slice(k + 1) };
  }
  if (sheet !== undefined) choices.sheet = sheet;
  return choices;
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
