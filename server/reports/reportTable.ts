import { formatPoints } from '../../shared/export/keyFigures.js';
import { formatCount, formatPercent } from '../../shared/lib/format.js';
import { coverage, type Aggregate } from '../../shared/domain/aggregate.js';
import type { Tally } from '../../shared/domain/types.js';
import { NO_DATA_LABEL, NOT_REPORTED, STATUS_LABELS } from '../../shared/domain/labels.js';
import type { ReportData } from './reportData.js';

/** The report's table as text cells, in Vietnamese formats: one row per province (the country) or per commune. */
export interface ReportTable {
  title: string;
  columns: string[];
  /** Share of the width of each column (sums to 1). */
  widths: number[];
  numeric: boolean[];
  rows: string[][];
  total: string[] | null;
}

const t = (x: Tally | null) => (x === null ? NOT_REPORTED : x.total > 0 ? `${formatCount(x.certified)}/${formatCount(x.total)}` : '–');
/** Agencies, enterprises and schools together: not reported unless all three are. */
const bodies = ({ agencies: a, enterprises: e, schools: s }: { agencies: Tally | null; enterprises: Tally | null; schools: Tally | null }) =>
  t(a && e && s && { total: a.total + e.total + s.total, certified: a.certified + e.certified + s.certified });

/** The total row's note when some communes did not report: "khu dân cư: báo cáo 97/99 xã; mô hình: báo cáo 97/99 xã". */
function totalCoverage(a: Aggregate): string {
  const parts = (
    [
      ['residential', 'khu dân cư'],
      ['agencies', 'cơ quan'],
      ['enterprises', 'doanh nghiệp'],
      ['schools', 'nhà trường'],
      ['models', 'mô hình'],
    ] as const
  ).map(([f, word]) => [word, coverage(a, f)] as const);
  return parts.filter(([, c]) => c !== null).map(([word, c]) => `${word}: ${c}`).join('; ');
}

export function reportTable(d: ReportData): ReportTable {
  const { figures: f } = d;
  const prev = f.previous ? `So với năm ${f.previous.year}` : 'So với năm trước';
  if (f.place.kind === 'country') {
    return {
      title: `Kết quả công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm ${f.year} theo tỉnh, thành phố`,
      columns: ['STT', 'Tỉnh, thành phố', 'Xã, phường đạt chuẩn', 'Tỷ lệ', prev, 'Khu dân cư đạt chuẩn', 'Mô hình'],
      widths: [0.07, 0.25, 0.15, 0.12, 0.14, 0.16, 0.11],
      numeric: [true, false, true, true, true, true, true],
      rows: d.provinces.map((p, i) => [
        String(i + 1),
        p.fullName,
        t(p.now.communes),
        formatPercent(p.now.rates.communes),
        p.before ? formatPoints(p.now.rates.communes, p.before.rates.communes) : '–',
        t(p.now.residential),
        formatCount(p.now.models),
      ]),
      total: ['', 'Toàn quốc', t(f.now.communes), formatPercent(f.now.rates.communes), f.previous ? formatPoints(f.now.rates.communes, f.previous.total.rates.communes) : '–', t(f.now.residential), formatCount(f.now.models)],
    };
  }
  const lines = new Map(f.communes.map((c) => [c.code, c]));
  const status = (s: keyof typeof STATUS_LABELS | null) => (s ? STATUS_LABELS[s] : NO_DATA_LABEL);
  return {
    title: `Kết quả công nhận của từng xã, phường năm ${f.year}${f.place.kind === 'commune' ? '' : ` (${formatCount(d.communes.length)} đơn vị)`}`,
    columns: ['STT', 'Đơn vị', `Năm ${f.year}`, f.previous ? `Năm ${f.previous.year}` : 'Năm trước', 'Khu dân cư đạt chuẩn', 'Cơ quan, DN, nhà trường', 'Mô hình', 'Ghi chú'],
    widths: [0.06, 0.2, 0.1, 0.1, 0.12, 0.12, 0.08, 0.22],
    numeric: [true, false, false, false, true, true, true, false],
    rows: d.communes.map((c, i) => {
      const l = lines.get(c.code)!;
      const notes = [...l.reasons, ...(c.keyArea && !l.reasons.includes('địa bàn trọng điểm') ? ['địa bàn trọng điểm'] : []), ...(c.exemplary ? ['điển hình'] : [])];
      return [String(i + 1), l.fullName, status(c.status), f.previous ? status(l.previousStatus) : '–', t(c.residential), bodies(c), c.models === null ? NOT_REPORTED : formatCount(c.models), notes.join('; ')];
    }),
    total: f.place.kind === 'commune' ? null : ['', 'Tổng', `${formatCount(f.now.communes.certified)} đạt`, '', t(f.now.residential), bodies(f.now), formatCount(f.now.models), totalCoverage(f.now)],
  };
}
