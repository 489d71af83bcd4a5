import { formatCount, formatPercent } from '../../shared/lib/format.js';
import type { LegendModel } from '../../shared/lib/legendModel.js';

export interface SummaryInput {
  year: number;
  /** "toàn quốc" or the province's name. */
  place: string;
  /** The place's communes: certified, all of them, and the rate the headline prints (over those with data). */
  communes: { certified: number; total: number; rate: number | null } | null;
  legend: LegendModel | null;
  legendTitle: string;
  /** What the map's units are: "xã, phường" or "tỉnh, thành phố". */
  units: string;
}

/**
 * What the map shows, in words, for the map region's label and a screen reader: the year and place, the headline
 * figure, then the legend's classes with their counts ("Bản đồ năm 2025, toàn quốc: 3.131/3.321 xã, phường đạt chuẩn …").
 */
export function mapSummary({ year, place, communes, legend, legendTitle, units }: SummaryInput): string {
  const head = `Bản đồ năm ${year}, ${place}`;
  const headline = communes ? `: ${formatCount(communes.certified)}/${formatCount(communes.total)} xã, phường đạt chuẩn (${formatPercent(communes.rate)})` : '';
  const classes = legend ? ` Đang hiển thị ${legendTitle.charAt(0).toLowerCase()}${legendTitle.slice(1)} theo ${units}: ${legend.entries.map((e) => `${e.label} ${formatCount(e.count)}`).join('; ')}.` : '';
  return `${head}${headline}.${classes}`;
}
