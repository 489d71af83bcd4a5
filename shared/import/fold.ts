// The report as people read it: errors first, one by one; warnings folded by kind ("97 dòng khớp theo
// tên", with the rows and one example); skipped rows grouped by why. Shared by the import page and the CLI.

import type { Problem, ProblemKind, SkippedRow } from './findings.js';

const WARNING_LABELS: Partial<Record<ProblemKind, string>> = {
  'matched-by-name': 'dòng không có mã, khớp theo tên',
  'name-differs': 'dòng có tên khác tên trong danh mục của mã',
  column: 'cột không nhận ra, bỏ qua',
  rate: 'dòng có tỷ lệ không khớp số đạt/tổng số',
  'not-reported': 'nhóm cột không có trong tệp (chưa báo cáo)',
  province: 'lưu ý về mã tỉnh',
  block: 'dòng tiêu đề tỉnh không có trong danh mục',
};

interface WarningGroup {
  kind: ProblemKind;
  count: number;
  label: string;
  /** The first of them, as an example. */
  example: Problem;
  lines: number[];
}

export interface FoldedReport {
  errors: Problem[];
  warnings: WarningGroup[];
  skipped: { why: string; lines: number[]; example: string }[];
}

export function foldReport(problems: Problem[], skipped: SkippedRow[]): FoldedReport {
  const warnings = new Map<ProblemKind, WarningGroup>();
  for (const p of problems) {
    if (p.severity !== 'warning') continue;
    const g = warnings.get(p.kind);
    if (g) {
      g.count++;
      if (p.line > 0) g.lines.push(p.line);
      // Each figure left out is named: which ones are stored as unknown.
      if (p.kind === 'not-reported') g.example = { ...g.example, message: `${g.example.message}; ${p.message}` };
    } else warnings.set(p.kind, { kind: p.kind, count: 1, label: WARNING_LABELS[p.kind] ?? 'cảnh báo khác', example: p, lines: p.line > 0 ? [p.line] : [] });
  }
  const byWhy = new Map<string, { why: string; lines: number[]; example: string }>();
  for (const s of skipped) {
    const g = byWhy.get(s.why);
    if (g) g.lines.push(s.line);
    else byWhy.set(s.why, { why: s.why, lines: [s.line], example: s.text });
  }
  return { errors: problems.filter((p) => p.severity === 'error'), warnings: [...warnings.values()], skipped: [...byWhy.values()] };
}

/** "dòng 7–9, 12, 15" (at most `max` ranges). */
export function lineRanges(lines: number[], max = 8): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let k = 0; k < sorted.length; k++) {
    let j = k;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(j > k ? `${sorted[k]}–${sorted[j]}` : String(sorted[k]));
    k = j;
  }
  return ranges.length > max ? `${ranges.slice(0, max).join(', ')}, …` : ranges.join(', ');
}
