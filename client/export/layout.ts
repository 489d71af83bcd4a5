import { wrap, type Measure } from '../../shared/export/legendLayout.js';

/** A line of the title band or of the footer, in output pixels (y is the baseline); its role gives its colour. */
export interface LaidText {
  role: 'title' | 'subtitle' | 'asOf' | 'source';
  text: string;
  x: number;
  y: number;
  px: number;
  bold: boolean;
}

/** Size of the exported PNG and where its parts go, in output pixels. */
export interface ExportLayout {
  /** Output pixels per CSS pixel of the map on screen (the map is rendered at this pixel ratio). */
  ratio: number;
  width: number;
  height: number;
  map: { x: number; y: number; width: number; height: number };
  /** Where each map's legend goes: over its map (bottom left), or in a band under the maps when it would cover them. */
  legends: 'over' | 'below';
  /** The band under the maps that holds their legends (0 when they stand over the maps). */
  band: { y: number; height: number };
  lines: LaidText[];
  /** "DỮ LIỆU MINH HỌA", framed, when the figures are sample data. */
  badge: { text: string; x: number; y: number; w: number; h: number; px: number } | null;
}

export interface ExportTexts {
  title: string;
  subtitle: string;
  /** The sample data's label, as printed (upper case), or null. */
  badge: string | null;
  asOf: string;
  source: string;
}

export const MAX_EXPORT = { width: 3840, height: 2160 } as const;
export const EXPORT_SCALES = [1, 2, 4] as const;

const M = 24;
/** Under this width (a phone's map) the badge takes a row of its own and the title a smaller size. */
const NARROW = 640;
/** A legend stands over its map only where it leaves the scale bar its corner and the north arrow its own. */
const SCALE_BAR_ROOM = 250;
const NORTH_ARROW_ROOM = 110;
/** …and covers at most this share of its height (a long legend, the worklist's twelve rows, goes under the map). */
const MAX_OVER = 0.45;
const BAND_PAD = 12;

/** A text at the first of `sizes` that keeps it on one line within `room`, else wrapped at the last. */
function fitted(text: string, room: number, sizes: readonly number[], bold: boolean, measure: Measure) {
  const px = sizes.find((s) => measure(text, s, bold) <= room) ?? sizes[sizes.length - 1];
  return { px, lines: wrap(text, room, px, bold, measure) };
}

/** The title band in CSS pixels: title and subtitle in the room the badge leaves, a size smaller or wrapped. */
function header(cssW: number, t: ExportTexts, measure: Measure) {
  const narrow = cssW < NARROW;
  const badgeW = t.badge ? measure(t.badge, 17, true) + 28 : 0;
  // Wide: the badge at the top right, beside the title; narrow: on a row of its own, above it.
  const badge = t.badge ? { text: t.badge, x: narrow ? M : cssW - M - badgeW, y: narrow ? 16 : 26, w: badgeW, h: 40, px: 17 } : null;
  const room = cssW - 2 * M - (badge && !narrow ? badgeW + 24 : 0);
  const title = fitted(t.title, room, narrow ? [24] : [30, 27, 24], true, measure);
  const sub = fitted(t.subtitle, room, narrow ? [16] : [18, 16], false, measure);
  const lines: LaidText[] = [];
  let y = narrow && badge ? badge.y + badge.h + 12 + title.px : 44;
  for (const text of title.lines) {
    lines.push({ role: 'title', text, x: M, y, px: title.px, bold: true });
    y += title.px * 1.25;
  }
  y += 32 - title.px * 1.25;
  for (const text of sub.lines) {
    lines.push({ role: 'subtitle', text, x: M, y, px: sub.px, bold: false });
    y += sub.px * 1.35;
  }
  return { lines, badge, height: Math.max(96, y - sub.px * 1.35 + 20) };
}

/** The footer in CSS pixels from its top: the figures' date, then the source beside it or, when it does not fit, under it. */
function footer(cssW: number, t: ExportTexts, measure: Measure) {
  const asOfW = measure(t.asOf, 14, true);
  const lines: LaidText[] = [{ role: 'asOf', text: t.asOf, x: M, y: 25, px: 14, bold: true }];
  if (asOfW + 20 + measure(t.source, 12, false) <= cssW - 2 * M) {
    lines.push({ role: 'source', text: t.source, x: M + asOfW + 20, y: 25, px: 12, bold: false });
    return { lines, height: 40 };
  }
  let y = 25;
  for (const text of wrap(t.source, cssW - 2 * M, 12, false, measure)) lines.push({ role: 'source', text, x: M, y: (y += 17), px: 12, bold: false });
  return { lines, height: y + 15 };
}

/**
 * The export of maps shown side by side (`panes`, CSS pixels wide, `cssH` high, each with its legend's size or null)
 * at `scale`: a title band, the maps, the legends' band when they would cover the maps, a footer, all scaled alike;
 * scaled down uniformly when it would exceed 3840 × 2160 (2160 × 3840 upright).
 */
export function exportLayout(
  panes: readonly { width: number; legend: { width: number; height: number } | null }[],
  cssH: number,
  scale: number,
  texts: ExportTexts,
  measure: Measure,
): ExportLayout {
  const cssW = panes.reduce((sum, p) => sum + p.width, 0);
  const head = header(cssW, texts, measure);
  const foot = footer(cssW, texts, measure);
  const fits = panes.every((p) => !p.legend || (p.legend.width + 16 + SCALE_BAR_ROOM <= p.width && p.legend.height + 16 + NORTH_ARROW_ROOM <= cssH && p.legend.height <= MAX_OVER * cssH));
  const bandH = fits ? 0 : Math.max(0, ...panes.map((p) => p.legend?.height ?? 0)) + 2 * BAND_PAD;
  const fullH = head.height + cssH + bandH + foot.height;
  // 3840 × 2160 on its side for an upright image (a phone's): its long side is the height.
  const [maxW, maxH] = fullH > cssW ? [MAX_EXPORT.height, MAX_EXPORT.width] : [MAX_EXPORT.width, MAX_EXPORT.height];
  const ratio = Math.min(scale, maxW / cssW, maxH / fullH);
  const r = (v: number) => Math.round(v * ratio);
  const width = Math.min(maxW, r(cssW));
  const [top, band, bottom] = [r(head.height), r(bandH), r(foot.height)];
  const height = Math.min(maxH, top + r(cssH) + band + bottom);
  const mapH = height - top - band - bottom;
  const at = (l: LaidText, dy: number): LaidText => ({ ...l, x: l.x * ratio, y: dy + l.y * ratio, px: l.px * ratio });
  const b = head.badge;
  return {
    ratio,
    width,
    height,
    map: { x: 0, y: top, width, height: mapH },
    legends: fits ? 'over' : 'below',
    band: { y: top + mapH, height: band },
    lines: [...head.lines.map((l) => at(l, 0)), ...foot.lines.map((l) => at(l, height - bottom))],
    badge: b && { ...b, x: b.x * ratio, y: b.y * ratio, w: b.w * ratio, h: b.h * ratio, px: b.px * ratio },
  };
}
