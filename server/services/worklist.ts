import type { CommuneFigures } from '../../shared/domain/figures.js';
import { planTarget, type TargetPlan } from '../../shared/domain/targets.js';
import type { Status, Vintage } from '../../shared/domain/types.js';
import { buildWorklist, describeCriteria, scoreFormula, REASON_LABELS, REASON_WEIGHTS, REQUIRABLE, type Worklist, type WorklistCriteria } from '../../shared/domain/worklist.js';
import { basisLabel, previousYear } from '../../shared/domain/previousYear.js';
import { notFound } from './errors.js';
import { SAMPLE_LABEL, type Method, type StatsService } from './stats.js';

/** What the worklist and target answers say about the data they come from. */
interface Provenance {
  sample: boolean;
  dataLabel: string | null;
  method: Method;
  note: string | null;
}

export interface WorklistResponse extends Provenance, Worklist {
  criteriaText: string[];
  scoreFormula: string;
  weights: { id: string; label: string; weight: number }[];
}

export interface TargetResponse extends Provenance, TargetPlan {}

export const statusMap = (communes: readonly CommuneFigures[]) => new Map<string, Status | null>(communes.map((c) => [c.code, c.status]));

/** Every year is read on the 2025 communes: earlier years come rolled up through the crosswalk. */
async function yearFigures(svc: StatsService, year: number, field = 'year') {
  const years = await svc.years('2025');
  if (!years.includes(year)) throw notFound(`Không có số liệu năm ${year}. Các năm có số liệu: ${years.join(', ')}`, field);
  const { method, communes } = await svc.communeFigures('2025', year);
  const sample = communes.some((c) => c.origin === 'sample');
  const note = method === 'crosswalk' ? `Số liệu năm ${year} quy đổi từ các xã cũ theo bảng chuyển đổi 01/7/2025.` : null;
  return { communes, provenance: { sample, dataLabel: sample ? SAMPLE_LABEL : null, method, note } };
}

export async function provinceNames(svc: StatsService): Promise<Map<string, string>> {
  return new Map([...(await svc.units('2025')).values()].filter((u) => u.level === 'province').map((u) => [u.code, u.fullName]));
}

async function assertProvince(svc: StatsService, code: string | null): Promise<void> {
  if (code !== null && !(await provinceNames(svc)).has(code)) throw notFound(`Không có tỉnh, thành phố mã ${code} trên địa giới từ 01/7/2025`, 'province');
}

/**
 * Statuses of the years before `year`, nearest first, read only as far back as some commune is still
 * failing: most streaks end within a year or two, and each older year costs a crosswalk roll-up.
 */
export async function earlierStatuses(svc: StatsService, year: number, communes: readonly CommuneFigures[], vintage: Vintage = '2025') {
  const years = new Set(await svc.years(vintage));
  let failing = communes.filter((c) => c.status === 'chua_dat').map((c) => c.code);
  const out: Map<string, Status | null>[] = [];
  for (let y = year - 1; failing.length && years.has(y); y--) {
    const m = statusMap((await svc.communeFigures(vintage, y)).communes);
    out.push(m);
    failing = failing.filter((code) => m.get(code) === 'chua_dat');
  }
  return out;
}

export async function worklist(svc: StatsService, k: WorklistCriteria): Promise<WorklistResponse> {
  const { communes, provenance } = await yearFigures(svc, k.year);
  await assertProvince(svc, k.province);
  const names = await provinceNames(svc);
  const years = await svc.years('2025');
  // A comparison year without data is not an error for the list: "mất chuẩn" simply cannot apply.
  const since = years.includes(k.since) ? (await svc.communeFigures('2025', k.since)).communes : null;
  const sinceStatuses = since ? statusMap(since) : null;
  const sincePredecessors = new Map((since ?? []).flatMap((c) => (c.predecessors ? [[c.code, c.predecessors] as const] : [])));
  const w = buildWorklist({ criteria: k, communes, sinceStatuses, sincePredecessors, earlier: await earlierStatuses(svc, k.year, communes), provinceNames: names });
  return {
    ...provenance,
    ...w,
    criteriaText: describeCriteria(k, names),
    scoreFormula: scoreFormula(),
    weights: REQUIRABLE.map((id) => ({ id, label: REASON_LABELS[id], weight: REASON_WEIGHTS[id] })),
  };
}

export async function target(svc: StatsService, q: { year: number; province: string; target: number }): Promise<TargetResponse> {
  const { communes, provenance } = await yearFigures(svc, q.year);
  await assertProvince(svc, q.province);
  const names = await provinceNames(svc);
  const inProvince = communes.filter((c) => c.provinceCode === q.province);
  // The province's previous year, as every view builds it: before the reform, its old communes as reported.
  const prior = previousYear('province', q.year, await svc.years('2025')).before;
  const before = prior ? await svc.stats({ vintage: '2025', year: prior.year, level: 'commune', province: q.province }) : null;
  const previous = before && { year: before.year, rate: before.total.rates.communes, label: basisLabel(before.areaBasis, { oldUnits: before.oldUnits?.communes, split: before.oldUnits?.split }) };
  return { ...provenance, ...planTarget({ year: q.year, provinceCode: q.province, provinceName: names.get(q.province)!, target: q.target }, inProvince, previous) };
}
