import { formatCount, formatDate } from '../lib/format.js';
import type { ExportTable } from './exportTable.js';
import { NO_DATA_LABEL, NOT_REPORTED, STATUS_LABELS } from './labels.js';
import type { TargetPlan } from './targets.js';
import type { Status } from './types.js';
import { describeCriteria, scoreFormula, type Worklist } from './worklist.js';

/** What every exported list says about where its figures come from and when it was made. */
export interface ExportContext {
  /** "Dữ liệu minh họa" while the data are sample data, else null. */
  dataLabel: string | null;
  /** Said when the year was rolled up from the pre-2025 communes. */
  note: string | null;
  exportedAt: Date;
}

const statusText = (s: Status | null) => (s ? STATUS_LABELS[s] : NO_DATA_LABEL);
const yes = (b: boolean | null) => (b === null ? NOT_REPORTED : b ? 'Có' : '');

function provenance(ctx: ExportContext): string[] {
  return ctx.dataLabel ? [`${ctx.dataLabel.toUpperCase()}: số liệu do bộ sinh dữ liệu mẫu tạo ra, không phải số liệu chính thức.`] : [];
}

function closing(ctx: ExportContext): string[] {
  return [...(ctx.note ? [ctx.note] : []), `Ngày xuất: ${formatDate(ctx.exportedAt.toISOString())}`];
}

export function worklistTable(w: Worklist, provinceNames: ReadonlyMap<string, string>, ctx: ExportContext): ExportTable {
  const { year, since } = w.criteria;
  return {
    title: `DANH SÁCH XÃ, PHƯỜNG CẦN TẬP TRUNG NĂM ${year}`,
    sheetName: `Danh sách ${year}`,
    info: [
      ...provenance(ctx),
      `Năm: ${year}`,
      ...describeCriteria(w.criteria, provinceNames),
      scoreFormula(),
      `Số xã, phường trong danh sách: ${formatCount(w.rows.length)} (trong ${formatCount(w.considered)} xã, phường thuộc phạm vi)`,
      ...closing(ctx),
    ],
    columns: [
      { header: 'Hạng', kind: 'count', width: 6 },
      { header: 'Mã xã', kind: 'text', width: 8 },
      { header: 'Tên xã, phường', kind: 'text', width: 24 },
      { header: 'Tỉnh, thành phố', kind: 'text', width: 22 },
      { header: 'Điểm', kind: 'count', width: 6 },
      { header: 'Lý do', kind: 'text', width: 60 },
      { header: `Tình trạng năm ${year}`, kind: 'text', width: 14 },
      { header: `Tình trạng năm ${since}`, kind: 'text', width: 14 },
      { header: 'Khu dân cư đạt', kind: 'count', width: 10 },
      { header: 'Tổng số khu dân cư', kind: 'count', width: 10 },
      { header: 'Tỷ lệ khu dân cư đạt', kind: 'percent', width: 11 },
      { header: 'Mô hình tự quản', kind: 'count', width: 10 },
      { header: 'Dân số', kind: 'count', width: 10 },
      { header: 'Mật độ mô hình (/10.000 dân)', kind: 'decimal', width: 12 },
      { header: 'Ngưỡng mật độ', kind: 'decimal', width: 10 },
      { header: 'Địa bàn trọng điểm', kind: 'text', width: 10 },
      { header: 'Điểm nóng', kind: 'text', width: 8 },
    ],
    rows: w.rows.map((r) => [
      r.rank,
      r.code,
      `${r.type} ${r.name}`,
      r.provinceName,
      r.score,
      r.reasons.map((x) => x.text).join('; '),
      statusText(r.status),
      statusText(r.sinceStatus),
      r.residential?.certified ?? NOT_REPORTED,
      r.residential?.total ?? NOT_REPORTED,
      r.residentialShare,
      r.models ?? NOT_REPORTED,
      r.population,
      r.density,
      r.densityThreshold,
      yes(r.keyArea),
      yes(r.hotSpot),
    ]),
  };
}

export function targetTable(p: TargetPlan, ctx: ExportContext): ExportTable {
  return {
    title: `LỘ TRÌNH ĐẠT ${formatCount(Math.round(p.target * 10000) / 100)}% XÃ, PHƯỜNG ĐẠT CHUẨN: ${p.provinceName.toUpperCase()}, NĂM ${p.year}`,
    sheetName: `Mục tiêu ${p.provinceCode} ${p.year}`,
    info: [...provenance(ctx), `Năm: ${p.year}`, `Tỉnh, thành phố: ${p.provinceName}`, p.message, p.measure, ...closing(ctx)],
    columns: [
      { header: 'Thứ tự', kind: 'count', width: 7 },
      { header: 'Mã xã', kind: 'text', width: 8 },
      { header: 'Tên xã, phường', kind: 'text', width: 26 },
      { header: `Tình trạng năm ${p.year}`, kind: 'text', width: 14 },
      { header: 'Tỷ lệ khu dân cư đạt', kind: 'percent', width: 11 },
      { header: 'Khu dân cư chưa đạt', kind: 'count', width: 11 },
      { header: 'Địa bàn trọng điểm', kind: 'text', width: 10 },
      { header: 'Tỷ lệ xã đạt sau khi xã này đạt', kind: 'percent', width: 14 },
    ],
    rows: p.communes.map((c) => [c.rank, c.code, `${c.type} ${c.name}`, statusText(c.status), c.closeness, c.missingResidential ?? NOT_REPORTED, yes(c.keyArea), c.projectedRate]),
  };
}
