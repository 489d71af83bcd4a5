import { bivariateBreaks, bivariateCell, cellLabel, type Breaks, type CellId, type CertMode } from './bivariate.js';
import { ascending, modelDensity, quantile } from './density.js';
import { rate, type CommuneFigures, type PredecessorSummary } from './figures.js';
import { basisLabel, yearBasis } from './previousYear.js';
import { unitTypeSource } from './unitTypes.js';
import { NO_DATA_LABEL, STATUS_LABELS } from './labels.js';
import { FIRST_2025_YEAR, type Status, type Tally } from './types.js';

/**
 * The planners' worklist: which communes are weak in a year, and why. Every reason has a weight and
 * a commune's score is the plain sum of the weights of its reasons, so anyone can recompute a rank.
 */
export type ReasonId =
  | 'chua_dat_lien'
  | 'chua_dat'
  | 'mat_chuan'
  | 'chua_danh_gia'
  | 'khong_so_lieu'
  | 'mat_do_thap'
  | 'trong_diem'
  | 'diem_nong'
  | 'o_chu_giai';

/**
 * Why each weight: failing the standard is the main signal, failing it again is worse than once;
 * a hot spot (serious incident) bars certification by the criteria; losing the standard and being a
 * key area call for attention; an unknown status or thin model coverage alone is a weak signal.
 * The legend cell is a filter, not a weakness: weight 0.
 */
export const REASON_WEIGHTS: Record<ReasonId, number> = {
  chua_dat_lien: 4,
  chua_dat: 3,
  diem_nong: 3,
  mat_chuan: 2,
  trong_diem: 2,
  chua_danh_gia: 1,
  khong_so_lieu: 1,
  mat_do_thap: 1,
  o_chu_giai: 0,
};

/** Generic labels (filter builder, score formula); the rows carry specific texts. */
export const REASON_LABELS: Record<ReasonId, string> = {
  chua_dat_lien: 'chưa đạt nhiều năm liền',
  chua_dat: 'chưa đạt',
  diem_nong: 'có điểm nóng',
  mat_chuan: 'mất chuẩn so với năm so sánh',
  trong_diem: 'địa bàn trọng điểm',
  chua_danh_gia: 'chưa đánh giá',
  khong_so_lieu: 'không có số liệu',
  mat_do_thap: 'mật độ mô hình dưới ngưỡng',
  o_chu_giai: 'thuộc ô chú giải đã chọn',
};
/** Reasons a planner may require; the legend cell has its own criterion. */
export const REQUIRABLE: readonly ReasonId[] = ['chua_dat_lien', 'chua_dat', 'mat_chuan', 'chua_danh_gia', 'khong_so_lieu', 'mat_do_thap', 'trong_diem', 'diem_nong'];

/** Density threshold: below the median of the commune's province, or below a national percentile. */
export type DensityRule = { kind: 'provinceMedian' } | { kind: 'percentile'; p: number };

export type StatusFilter = Status | 'none';

export interface WorklistCriteria {
  year: number;
  /** Year compared for "mất chuẩn" (lost the standard); usually the year before. */
  since: number;
  province: string | null;
  /** Unit types kept (Xã, Phường, Đặc khu); empty: all. */
  types: string[];
  /** Statuses in `year` kept ('none': no data); empty: all. */
  statuses: StatusFilter[];
  density: DensityRule;
  /** Reasons a commune must have: all of them, or any of them. */
  require: ReasonId[];
  match: 'all' | 'any';
  minScore: number;
  /** Bivariate legend cell the communes must fall in. */
  cell: CellId | null;
  certMode: CertMode;
}

export const DEFAULT_CRITERIA: Omit<WorklistCriteria, 'year' | 'since'> = {
  province: null,
  types: [],
  statuses: [],
  density: { kind: 'provinceMedian' },
  require: [],
  match: 'all',
  minScore: 1,
  cell: null,
  certMode: 'status',
};

interface Reason {
  id: ReasonId;
  text: string;
  weight: number;
}

interface WorklistRow {
  rank: number;
  code: string;
  name: string;
  type: string;
  provinceCode: string;
  provinceName: string;
  status: Status | null;
  sinceStatus: Status | null;
  /** Consecutive years not certified, ending with `year` (0 when certified or unknown). */
  streak: number;
  residential: Tally | null;
  residentialShare: number | null;
  models: number | null;
  population: number | null;
  density: number | null;
  /** The density the commune is compared with (province median or national percentile). */
  densityThreshold: number | null;
  keyArea: boolean | null;
  hotSpot: boolean | null;
  cell: CellId | null;
  reasons: Reason[];
  score: number;
}

export interface WorklistInput {
  criteria: WorklistCriteria;
  /** Every commune of the country in `year` (thresholds are national or per province, not per filter). */
  communes: readonly CommuneFigures[];
  /** Statuses in `since`; null when that year has no data. */
  sinceStatuses: ReadonlyMap<string, Status | null> | null;
  /** For a `since` before the reform: how each commune's predecessors stood (its status then is their roll-up). */
  sincePredecessors?: ReadonlyMap<string, PredecessorSummary>;
  /** Statuses in the years before `year`, nearest first and consecutive (year-1, year-2, …), for streaks. */
  earlier: readonly ReadonlyMap<string, Status | null>[];
  provinceNames: ReadonlyMap<string, string>;
}

export interface Worklist {
  criteria: WorklistCriteria;
  /** Communes inside the scope (province, type, status, cell) before the reasons and the score filter. */
  considered: number;
  breaks: Breaks;
  rows: WorklistRow[];
}

/** Consecutive years not certified up to and including the current one. */
export function notCertifiedStreak(code: string, current: Status | null, earlier: readonly ReadonlyMap<string, Status | null>[]): number {
  if (current !== 'chua_dat') return 0;
  let n = 1;
  for (const m of earlier) {
    if (m.get(code) !== 'chua_dat') break;
    n++;
  }
  return n;
}

/** Density thresholds per commune code's province ("provinceMedian") or one national value. */
function densityThresholds(communes: readonly CommuneFigures[], rule: DensityRule): (provinceCode: string) => number | null {
  if (rule.kind === 'percentile') {
    const t = quantile(ascending(communes.map(modelDensity)), rule.p / 100);
    return () => t;
  }
  const byProvince = new Map<string, (number | null)[]>();
  for (const c of communes) {
    const list = byProvince.get(c.provinceCode) ?? [];
    list.push(modelDensity(c));
    byProvince.set(c.provinceCode, list);
  }
  const medians = new Map([...byProvince].map(([p, v]) => [p, quantile(ascending(v), 0.5)]));
  return (p) => medians.get(p) ?? null;
}

function densityRuleText(rule: DensityRule): string {
  return rule.kind === 'provinceMedian' ? 'trung vị của tỉnh' : `phân vị ${rule.p} toàn quốc`;
}

function reasonsOf(
  c: CommuneFigures,
  ctx: { year: number; since: number; sinceStatus: Status | null; sincePredecessors: PredecessorSummary | undefined; streak: number; density: number | null; threshold: number | null; rule: DensityRule },
): Reason[] {
  const out: Reason[] = [];
  const add = (id: ReasonId, text: string) => out.push({ id, text, weight: REASON_WEIGHTS[id] });
  // A comparison that reaches before the reform is with the commune's predecessors rolled up, and says so.
  const acrossReform = (y: number) => yearBasis('commune', y) === 'rollup' && yearBasis('commune', ctx.year) === 'reported';
  const sinceHow = acrossReform(ctx.since) ? ` (${ctx.since === ctx.year - 1 ? `năm ${ctx.since} ` : ''}${basisLabel('rollup', { predecessors: ctx.sincePredecessors })})` : '';
  const streakHow = acrossReform(ctx.year - ctx.streak + 1) ? ` (các năm trước ${FIRST_2025_YEAR} ${basisLabel('rollup')})` : '';
  if (ctx.streak >= 2) add('chua_dat_lien', `chưa đạt ${ctx.streak} năm liền${streakHow}`);
  else if (c.status === 'chua_dat') add('chua_dat', `chưa đạt năm ${ctx.year}`);
  else if (c.status === 'chua_danh_gia') add('chua_danh_gia', `chưa đánh giá năm ${ctx.year}`);
  else if (c.status === null) add('khong_so_lieu', `không có số liệu năm ${ctx.year}`);
  if (ctx.sinceStatus === 'dat' && c.status !== null && c.status !== 'dat') {
    add('mat_chuan', `${ctx.since === ctx.year - 1 ? 'mất chuẩn so với năm trước' : `mất chuẩn so với năm ${ctx.since}`}${sinceHow}`);
  }
  if (ctx.density !== null && ctx.threshold !== null && ctx.density < ctx.threshold) add('mat_do_thap', `mật độ mô hình dưới ${densityRuleText(ctx.rule)}`);
  if (c.keyArea) add('trong_diem', 'địa bàn trọng điểm');
  if (c.hotSpot) add('diem_nong', 'có điểm nóng');
  return out;
}

/** Weakest first: higher score, then fewer residential areas certified, then thinner model coverage. */
function compareRows(a: WorklistRow, b: WorklistRow): number {
  const nullsLast = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x - y);
  return b.score - a.score || nullsLast(a.residentialShare, b.residentialShare) || nullsLast(a.density, b.density) || a.code.localeCompare(b.code);
}

export function buildWorklist({ criteria: k, communes, sinceStatuses, sincePredecessors, earlier, provinceNames }: WorklistInput): Worklist {
  const threshold = densityThresholds(communes, k.density);
  const breaks = bivariateBreaks(communes, k.certMode);
  let considered = 0;
  const rows: WorklistRow[] = [];
  for (const c of communes) {
    if (k.province !== null && c.provinceCode !== k.province) continue;
    if (k.types.length && !k.types.includes(c.type)) continue;
    if (k.statuses.length && !k.statuses.includes(c.status ?? 'none')) continue;
    const cell = bivariateCell(c, breaks);
    if (k.cell !== null && cell !== k.cell) continue;
    considered++;
    const density = modelDensity(c);
    const sinceStatus = sinceStatuses?.get(c.code) ?? null;
    const streak = notCertifiedStreak(c.code, c.status, earlier);
    const t = threshold(c.provinceCode);
    const reasons = reasonsOf(c, { year: k.year, since: k.since, sinceStatus, sincePredecessors: sincePredecessors?.get(c.code), streak, density, threshold: t, rule: k.density });
    // Requiring "chưa đạt" keeps those that failed several years running too.
    const has = (id: ReasonId) => reasons.some((r) => r.id === id || (id === 'chua_dat' && r.id === 'chua_dat_lien'));
    if (k.require.length && !(k.match === 'all' ? k.require.every(has) : k.require.some(has))) continue;
    if (k.cell !== null) reasons.push({ id: 'o_chu_giai', text: `thuộc ô chú giải: ${cellLabel(k.cell, k.certMode)}`, weight: 0 });
    const score = reasons.reduce((s, r) => s + r.weight, 0);
    if (reasons.length === 0 || score < k.minScore) continue;
    rows.push({
      rank: 0,
      code: c.code,
      name: c.name,
      type: c.type,
      provinceCode: c.provinceCode,
      provinceName: provinceNames.get(c.provinceCode) ?? c.provinceCode,
      status: c.status,
      sinceStatus,
      streak,
      residential: c.residential,
      residentialShare: rate(c.residential),
      models: c.models,
      population: c.population,
      density,
      densityThreshold: t,
      keyArea: c.keyArea,
      hotSpot: c.hotSpot,
      cell,
      reasons,
      score,
    });
  }
  rows.sort(compareRows);
  rows.forEach((r, i) => (r.rank = i + 1));
  return { criteria: k, considered, breaks, rows };
}

const statusText = (s: StatusFilter) => (s === 'none' ? NO_DATA_LABEL : STATUS_LABELS[s]);

/** The score formula in words, for the panel and the export header. */
export function scoreFormula(): string {
  const parts = REQUIRABLE.map((id) => `${REASON_LABELS[id]} ${REASON_WEIGHTS[id]}`);
  return `Điểm = tổng trọng số các lý do (${parts.join('; ')})`;
}

/** The criteria in Vietnamese, one line each, as the export header and the panel state them. */
export function describeCriteria(k: WorklistCriteria, provinceNames: ReadonlyMap<string, string>): string[] {
  const lines = [`Phạm vi: ${k.province ? (provinceNames.get(k.province) ?? k.province) : 'Toàn quốc'}`];
  if (k.types.length) lines.push(`Loại đơn vị: ${k.types.join(', ')} (${unitTypeSource('2025').replace(/^Loại đơn vị theo /, 'theo ')})`);
  if (k.statuses.length) lines.push(`Tình trạng năm ${k.year}: ${k.statuses.map(statusText).join(', ')}`);
  lines.push(`So sánh với năm: ${k.since}`);
  lines.push(`Ngưỡng mật độ mô hình (mô hình/10.000 dân): ${densityRuleText(k.density)}`);
  if (k.require.length) lines.push(`Chỉ giữ xã ${k.require.map((id) => REASON_LABELS[id]).join(k.match === 'all' ? ' và ' : ' hoặc ')}`);
  if (k.cell) lines.push(`Ô chú giải bản đồ hai biến: ${cellLabel(k.cell, k.certMode)}`);
  lines.push(`Điểm tối thiểu: ${k.minScore}`);
  return lines;
}
