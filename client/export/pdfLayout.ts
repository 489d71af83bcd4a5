/** Paper sizes in PDF points (1/72 inch), portrait: ISO 216. */
const PAPER = { A4: { width: 595.28, height: 841.89 }, A3: { width: 841.89, height: 1190.55 } } as const;
export type Paper = keyof typeof PAPER;
export type Orientation = 'landscape' | 'portrait';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One page of the PDF, in points from the top-left corner. */
export interface PdfPageLayout {
  width: number;
  height: number;
  /** Type and line sizes grow with the paper: 1 on A4, √2 on A3. */
  k: number;
  /** Title and subtitle, with the sample-data mark at its right end. */
  header: Box;
  map: Box;
  legend: Box;
  keyFigures: Box;
  /** "Số liệu đến ngày …", source and attribution. */
  footer: Box;
}

/** Map resolution of the printed page, dots per inch. */
const PRINT_DPI = 200;

/**
 * Where everything goes on a page: the header across the top, the footer across the bottom, the map in between; the
 * legend and the key figures in a column beside the map (landscape) or in a strip under it (portrait).
 */
export function pdfPageLayout(paper: Paper, orientation: Orientation): PdfPageLayout {
  const p = PAPER[paper];
  const [width, height] = orientation === 'portrait' ? [p.width, p.height] : [p.height, p.width];
  const k = p.width / PAPER.A4.width;
  const m = 28 * k;
  const gap = 12 * k;
  const inner = width - 2 * m;
  const header: Box = { x: m, y: m, width: inner, height: 50 * k };
  const footer: Box = { x: m, y: height - m - 30 * k, width: inner, height: 30 * k };
  const top = header.y + header.height + gap / 2;
  const bodyH = footer.y - gap / 2 - top;
  if (orientation === 'landscape') {
    const side = 200 * k;
    const legendH = Math.round(bodyH * 0.58);
    return {
      width,
      height,
      k,
      header,
      footer,
      map: { x: m, y: top, width: inner - side - gap, height: bodyH },
      legend: { x: width - m - side, y: top, width: side, height: legendH },
      keyFigures: { x: width - m - side, y: top + legendH + gap, width: side, height: bodyH - legendH - gap },
    };
  }
  const strip = 180 * k;
  const mapH = bodyH - strip - gap;
  const half = (inner - gap) / 2;
  return {
    width,
    height,
    k,
    header,
    footer,
    map: { x: m, y: top, width: inner, height: mapH },
    legend: { x: m, y: top + mapH + gap, width: half, height: strip },
    keyFigures: { x: m + half + gap, y: top + mapH + gap, width: half, height: strip },
  };
}

/**
 * The map drawn for a page: its size in CSS pixels (a point is 4/3 CSS pixel, so labels print at their screen size)
 * and the pixel ratio that gives PRINT_DPI.
 */
export function printMapSize(box: Box, dpi = PRINT_DPI): { cssWidth: number; cssHeight: number; ratio: number } {
  return { cssWidth: Math.round((box.width * 4) / 3), cssHeight: Math.round((box.height * 4) / 3), ratio: dpi / 96 };
}

/** Points between the islands' inset and the map box's top and right edges. */
export const INSET_MARGIN = 8;

/** What the inset (`inset`, points on the page) covers of the map's top-right corner, its margin included, in the print map's CSS pixels. */
export function insetFootprint(L: Pick<PdfPageLayout, 'map' | 'k'>, inset: { width: number; height: number }): { width: number; height: number } {
  const perPoint = printMapSize(L.map).cssWidth / L.map.width;
  return { width: (inset.width + INSET_MARGIN * L.k) * perPoint, height: (inset.height + INSET_MARGIN * L.k) * perPoint };
}

/** Diagonal hatch lines (bottom-left to top-right) clipped to a w × h box, `step` apart: [x1, y1, x2, y2], y down. */
export function hatchSegments(w: number, h: number, step: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  // Each line is x + y = c; it enters at the left or bottom edge and leaves at the top or right edge.
  for (let c = step; c < w + h; c += step) {
    const x1 = Math.max(0, c - h);
    const x2 = Math.min(w, c);
    out.push([x1, c - x1, x2, c - x2]);
  }
  return out;
}
