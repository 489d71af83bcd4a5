import { formatPercent } from '../lib/format.js';
import type { CommuneFigures } from './figures.js';
import type { Status, Tally } from './types.js';

/**
 * Target setting: "to reach X % of communes certified in a province, these N communes are the nearest
 * to the standard". Closeness is the share of a commune's residential areas already certified: the
 * standard is built from them, so a commune with most of them certified has the least left to do.
 */
const CLOSENESS_MEASURE =
  'Mức gần chuẩn: tỷ lệ khu dân cư của xã đã đạt chuẩn "An toàn về ANTT" (cao hơn là gần chuẩn hơn; bằng nhau thì xã còn ít khu dân cư chưa đạt hơn xếp trước).';

type TargetOutcome = 'met' | 'reachable' | 'unreachable' | 'empty';

interface TargetCommune {
  rank: number;
  code: string;
  name: string;
  type: string;
  status: Status;
  /** Residential areas certified / total; null when the commune has none on record. */
  closeness: number | null;
  /** null: residential areas not reported. */
  missingResidential: number | null;
  keyArea: boolean | null;
  /** The province's rate once this commune and all before it are certified. */
  projectedRate: number;
}

export interface TargetPlan {
  year: number;
  provinceCode: string;
  provinceName: string;
  target: number;
  /** Communes with figures for the year: the rate's denominator, as on the map. */
  assessed: number;
  noData: number;
  certified: number;
  currentRate: number | null;
  /** Certified communes the target needs, and how many more than today. */
  required: number;
  needed: number;
  outcome: TargetOutcome;
  message: string;
  measure: string;
  /** The communes to work on, nearest first: the `needed` nearest, or every eligible one when unreachable. */
  communes: TargetCommune[];
  /** Not certified but not eligible this year (hot spots). */
  blocked: { code: string; name: string; type: string }[];
  /** The best rate reachable if every eligible commune were certified. */
  maxRate: number | null;
  /** The province's previous year as previousYear() builds it (before the reform: its old communes as reported). */
  previous: PreviousRate | null;
}

/** A province's rate in its previous year, and what it is built from ("106 xã cũ, trước sắp xếp"). */
export interface PreviousRate {
  year: number;
  rate: number | null;
  label: string;
}

const share = (t: Tally | null) => (t !== null && t.total > 0 ? t.certified / t.total : null);
/** Residential areas still to certify; unknown (not reported) counts after every known one. */
const missing = (t: Tally | null) => (t === null ? Infinity : t.total - t.certified);

function byCloseness(a: CommuneFigures, b: CommuneFigures): number {
  const sa = share(a.residential);
  const sb = share(b.residential);
  if (sa !== sb) return sa === null ? 1 : sb === null ? -1 : sb - sa;
  return missing(a.residential) - missing(b.residential) || a.code.localeCompare(b.code);
}

/** `communes`: the province's communes in `year`; `target`: a share in (0, 1]; `previous`: its previous year, if any. */
export function planTarget(q: { year: number; provinceCode: string; provinceName: string; target: number }, communes: readonly CommuneFigures[], previous: PreviousRate | null = null): TargetPlan {
  const plan = planOnly(q, communes);
  if (!previous) return { ...plan, previous };
  const then = ` Năm ${previous.year}: ${formatPercent(previous.rate)}${previous.label ? ` (${previous.label})` : ''}.`;
  return { ...plan, previous, message: plan.message + then };
}

function planOnly(q: { year: number; provinceCode: string; provinceName: string; target: number }, communes: readonly CommuneFigures[]): Omit<TargetPlan, 'previous'> {
  const withData = communes.filter((c) => c.status !== null);
  const assessed = withData.length;
  const certified = withData.filter((c) => c.status === 'dat').length;
  const open = withData.filter((c) => c.status !== 'dat');
  const eligible = open.filter((c) => !c.hotSpot).sort(byCloseness);
  const blocked = open.filter((c) => c.hotSpot).map(({ code, name, type }) => ({ code, name, type }));
  // A tiny tolerance so that 0.95 × 120 asks for 114 communes, not 115 through float error.
  const required = Math.ceil(q.target * assessed - 1e-9);
  const needed = Math.max(0, required - certified);
  const base = {
    ...q,
    assessed,
    noData: communes.length - assessed,
    certified,
    currentRate: assessed ? certified / assessed : null,
    required,
    needed,
    measure: CLOSENESS_MEASURE,
    blocked,
    maxRate: assessed ? (certified + eligible.length) / assessed : null,
  };
  const pct = formatPercent(q.target);
  if (assessed === 0) {
    return { ...base, outcome: 'empty', communes: [], message: `${q.provinceName} không có xã, phường nào có số liệu năm ${q.year}: không lập được danh sách.` };
  }
  const now = `${certified}/${assessed} xã, phường đạt chuẩn (${formatPercent(base.currentRate)})`;
  if (needed === 0) {
    return { ...base, outcome: 'met', communes: [], message: `Đã đạt mục tiêu ${pct}: năm ${q.year} ${q.provinceName} có ${now}.` };
  }
  const list = eligible.slice(0, needed).map(
    (c, i): TargetCommune => ({
      rank: i + 1,
      code: c.code,
      name: c.name,
      type: c.type,
      status: c.status as Status,
      closeness: share(c.residential),
      missingResidential: c.residential && Math.round((c.residential.total - c.residential.certified) * 100) / 100,
      keyArea: c.keyArea,
      projectedRate: (certified + i + 1) / assessed,
    }),
  );
  if (eligible.length < needed) {
    return {
      ...base,
      outcome: 'unreachable',
      communes: list,
      message:
        `Không thể đạt ${pct} trong năm: cần thêm ${needed} xã, phường đạt chuẩn nhưng chỉ ${eligible.length} xã, phường có thể được công nhận` +
        (blocked.length ? ` (${blocked.length} xã, phường có điểm nóng)` : '') +
        `. Nếu tất cả cùng đạt, tỷ lệ cao nhất là ${formatPercent(base.maxRate)}.`,
    };
  }
  return {
    ...base,
    outcome: 'reachable',
    communes: list,
    message: `Hiện có ${now}. Để đạt ${pct} (${required}/${assessed}) cần thêm ${needed} xã, phường: đây là ${needed} xã, phường gần chuẩn nhất.`,
  };
}
