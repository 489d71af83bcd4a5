/** Size of the exported PNG and of its parts, in output pixels. */
export interface ExportLayout {
  /** Output pixels per CSS pixel of the map on screen (the map is rendered at this pixel ratio). */
  ratio: number;
  width: number;
  height: number;
  header: number;
  map: { x: number; y: number; width: number; height: number };
  footer: number;
}

export const MAX_EXPORT = { width: 3840, height: 2160 } as const;
export const EXPORT_SCALES = [1, 2, 4] as const;
/** Title band above the map and source line below it, CSS pixels. */
const HEADER_CSS = 96;
const FOOTER_CSS = 40;

/**
 * The export of a map shown at cssW × cssH at `scale`: a title band, the map, a footer, all scaled alike;
 * scaled down uniformly when it would exceed 3840 × 2160.
 */
export function exportLayout(cssW: number, cssH: number, scale: number): ExportLayout {
  const fullH = cssH + HEADER_CSS + FOOTER_CSS;
  const ratio = Math.min(scale, MAX_EXPORT.width / cssW, MAX_EXPORT.height / fullH);
  const width = Math.min(MAX_EXPORT.width, Math.round(cssW * ratio));
  const header = Math.round(HEADER_CSS * ratio);
  const footer = Math.round(FOOTER_CSS * ratio);
  const mapH = Math.round(cssH * ratio);
  const height = Math.min(MAX_EXPORT.height, header + mapH + footer);
  return { ratio, width, height, header, footer, map: { x: 0, y: header, width, height: height - header - footer } };
}
