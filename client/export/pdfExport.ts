import type { LngLatBoundsLike, Map as MapLibreMap, GeoJSONSource } from 'maplibre-gl';
import { PDFDocument } from 'pdf-lib';
import boldUrl from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import regularUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import type { LegendModel } from '../../shared/lib/legendModel.js';
import type { NationalGeo } from '../../shared/lib/topo.js';
import { canvasBlob } from './compose.js';
import { captureMap } from './capture.js';
import { archipelagos, insetImage, insetNeeded } from './insetCanvas.js';
import { intersectBBox, type BBox } from '../../shared/lib/bbox.js';
import { clearOfTopRight, type Padding } from '../../shared/export/frame.js';
import type { KeyFigure } from '../../shared/export/keyFigures.js';
import { embedFonts, type PdfFonts } from './pdfFont.js';
import { insetFootprint, pdfPageLayout, printMapSize, type Orientation, type Paper, type PdfPageLayout } from './pdfLayout.js';
import { addMapPage, type MapShot, type PageText } from './pdfPage.js';
import { mainlandBBox, type PackPage } from './packPlan.js';
import type { PrintMapSpec } from './PrintMap.js';
import { metresPerPixel } from '../../shared/export/scaleBar.js';

/** The off-screen map pages are drawn on, once it has loaded. */
export interface PrintTarget {
  map: MapLibreMap;
  container: HTMLElement;
}
/** Shows the off-screen map with these contents and resolves once it is loaded. */
export type MountPrintMap = (spec: PrintMapSpec) => Promise<PrintTarget>;

const READY_TIMEOUT_MS = 90_000;
/** Device pixels per CSS pixel while a page's tiles load and its colours are set. */
const LOADING_RATIO = 0.25;
/** Inset pixels per CSS pixel, and points per CSS pixel of the inset on an A4 page. */
const INSET_U = 2.5;
const INSET_PT = 0.62;

const cancelled = () => new DOMException('Đã hủy', 'AbortError');
const check = (signal?: AbortSignal) => {
  if (signal?.aborted) throw cancelled();
};

/** The print map once loaded, within a bounded time; cancelling stops the wait. */
function mounted(mount: MountPrintMap, spec: PrintMapSpec, signal?: AbortSignal): Promise<PrintTarget> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Bản đồ in không tải được trong thời gian cho phép.')), READY_TIMEOUT_MS);
    const stop = () => reject(cancelled());
    signal?.addEventListener('abort', stop, { once: true });
    mount(spec).then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
    });
  });
}

/** Resolves when the map has drawn its colours (MapView's data-map-ready), polling, within a bounded time. */
async function coloured(container: HTMLElement, signal?: AbortSignal): Promise<void> {
  const until = performance.now() + READY_TIMEOUT_MS;
  while (container.getAttribute('data-map-ready') !== 'true') {
    check(signal);
    if (performance.now() > until) throw new Error('Bản đồ in không vẽ xong trong thời gian cho phép.');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves when the map has loaded and drawn everything in view, within a bounded time. */
function idle(map: MapLibreMap, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Bản đồ in không vẽ xong trong thời gian cho phép.')), READY_TIMEOUT_MS);
    const stop = () => reject(cancelled());
    signal?.addEventListener('abort', stop, { once: true });
    map.once('idle', () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      resolve();
    });
    map.triggerRepaint();
  });
}

async function fontBytes(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  const get = async (url: string) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`Không tải được phông chữ (${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  };
  const [regular, bold] = await Promise.all([get(regularUrl), get(boldUrl)]);
  return { regular, bold };
}

const FOCUS = 'print-focus';

const DIM = 'print-dim';

/**
 * The page's province outlined dark, and everything around it veiled in white, as the screen's drill-down greys the
 * other provinces: the neighbours the frame cannot help showing read as context, not as part of the province.
 */
function outlineProvince(map: MapLibreMap, geo: NationalGeo, province: string | null) {
  const f = province ? geo.provinces.features.find((p) => p.properties.code === province) : undefined;
  const data: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: f ? [f] : [] };
  const outers = f ? (f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((poly) => poly[0])) : [];
  const veil: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: f ? [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[-180, -85], [180, -85], [180, 85], [-180, 85], [-180, -85]], ...outers] } }] : [],
  };
  const src = map.getSource<GeoJSONSource>(FOCUS);
  if (src) {
    void map.getSource<GeoJSONSource>(DIM)!.setData(veil);
    return src.setData(data);
  }
  map.addSource(DIM, { type: 'geojson', data: veil });
  map.addLayer({ id: DIM, type: 'fill', source: DIM, paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.6 } });
  map.addSource(FOCUS, { type: 'geojson', data });
  map.addLayer({ id: FOCUS, type: 'line', source: FOCUS, paint: { 'line-color': '#000000', 'line-width': 3.2 } });
}

/** Hoàng Sa and Trường Sa in an inset: the PNG and its size on the page (points). */
async function insetShot(colors: ReadonlyMap<string, string>, geo: NationalGeo, L: PdfPageLayout): Promise<NonNullable<MapShot['inset']>> {
  const img = insetImage({ colors, geo }, archipelagos(geo), INSET_U);
  const png = new Uint8Array(await (await canvasBlob(img, 'image/png')).arrayBuffer());
  return { png, width: (img.width / INSET_U) * INSET_PT * L.k, height: (img.height / INSET_U) * INSET_PT * L.k };
}

/**
 * Frames the view, waits for the colours and captures the map, with the inset when the islands are out of view
 * (`inset`: made once for pages that share their colours, else drawn here).
 */
async function shoot(target: PrintTarget, L: PdfPageLayout, view: { bounds: LngLatBoundsLike; padding: number | Padding }, insetColors: ReadonlyMap<string, string>, geo: NationalGeo, signal?: AbortSignal, inset?: MapShot['inset']): Promise<MapShot> {
  const { map, container } = target;
  const size = printMapSize(L.map);
  // Tiles load at a quarter of a pixel per CSS pixel, where each of the several frames drawn meanwhile costs little
  // (tiles follow the zoom, not the pixel ratio; software WebGL spends most of a pack drawing); the print resolution
  // is set for the final frame only.
  map.setPixelRatio(LOADING_RATIO);
  map.fitBounds(view.bounds, { padding: view.padding, duration: 0 });
  await coloured(container, signal);
  await idle(map, signal);
  map.setPixelRatio(size.ratio);
  const canvas = await captureMap(map);
  check(signal);
  const jpeg = new Uint8Array(await (await canvasBlob(canvas, 'image/jpeg', 0.85)).arrayBuffer());
  const shown = insetNeeded(map, archipelagos(geo)) ? (inset ?? (await insetShot(insetColors, geo, L))) : null;
  const c = map.getCenter();
  return { image: { bytes: jpeg, type: 'jpeg' }, metresPerPoint: (metresPerPixel(c.lat, map.getZoom()) * size.cssWidth) / L.map.width, inset: shown };
}

async function newDocument(title: string): Promise<{ doc: PDFDocument; fonts: PdfFonts }> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setLanguage('vi-VN');
  doc.setCreator('Bản đồ phong trào Toàn dân bảo vệ an ninh Tổ quốc');
  return { doc, fonts: await embedFonts(doc, await fontBytes()) };
}

/** The drilled-in province's extent without its archipelago (shown in the inset), like the pack's pages. */
const bboxOfDrilldown = (d: NonNullable<PrintMapSpec['drilldown']>): BBox => mainlandBBox(d.communes.features, d.code);

/** Text shared by every page of an export. */
type CommonText = Pick<PageText, 'title' | 'sampleLabel' | 'asOf' | 'source'>;

/** One map of the view: its year, legend and key figures, and its label while two maps are compared. */
export interface ViewMap {
  year: number;
  legend: LegendModel;
  legendTitle: string;
  label: string | null;
  figures: KeyFigure[];
}

export interface ViewPdf {
  text: CommonText & Pick<PageText, 'subtitle' | 'legendTitle'>;
  place: string;
  year: number;
  legend: LegendModel;
  figures: KeyFigure[];
  /** While comparing: the first map's label, and the second map, printed on a page of its own in the same frame. */
  label: string | null;
  second: ViewMap | null;
  /** The map on screen, whose view is printed. */
  map: MapLibreMap;
  geo: NationalGeo;
  nationalBBox: BBox;
  print: Pick<PrintMapSpec, 'level' | 'drilldown'>;
}

/** The view on screen as one PDF page; two compared maps as two pages in the same frame, each with its legend. */
export async function viewPdf(v: ViewPdf, paper: Paper, orientation: Orientation, mount: MountPrintMap, signal?: AbortSignal): Promise<Uint8Array> {
  const L = pdfPageLayout(paper, orientation);
  const maps: ViewMap[] = [{ year: v.year, legend: v.legend, legendTitle: v.text.legendTitle, label: v.label, figures: v.figures }, ...(v.second ? [v.second] : [])];
  const b = v.map.getBounds();
  const content = v.print.drilldown ? bboxOfDrilldown(v.print.drilldown) : v.nationalBBox;
  const bounds = intersectBBox([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], content);
  const { doc, fonts } = await newDocument(v.text.title);
  for (const m of maps) {
    // A print map of its own per map: each is coloured once, as the view's maps are.
    const target = await mounted(mount, { ...v.print, ...printMapSize(L.map), geo: v.geo, bbox: v.nationalBBox, fills: m.legend.colors }, signal);
    const shot = await shoot(target, L, { bounds, padding: 8 }, m.legend.colors, v.geo, signal);
    const subtitle = m.label ? `${v.text.subtitle} · ${m.label}` : v.text.subtitle;
    await addMapPage(doc, fonts, L, { ...v.text, subtitle, legendTitle: m.legendTitle, figuresTitle: `Số liệu chính – ${v.place}, năm ${m.year}` }, m.legend, m.figures, shot);
  }
  return doc.save();
}

export interface PackPdf {
  text: CommonText;
  year: number;
  pages: PackPage[];
  fills: Map<string, string>;
  legendTitle: (legend: LegendModel) => string;
  subtitle: (place: string) => string;
  geo: NationalGeo;
  nationalBBox: BBox;
}

/** The conference pack: one page per entry of `pages`, all on one off-screen map with the same colours. */
export async function packPdf(p: PackPdf, paper: Paper, orientation: Orientation, mount: MountPrintMap, onPage: (done: number, of: number) => void, signal?: AbortSignal): Promise<Uint8Array> {
  const L = pdfPageLayout(paper, orientation);
  const [{ doc, fonts }, target] = await Promise.all([
    newDocument(p.text.title),
    mounted(mount, { ...printMapSize(L.map), level: 'commune', drilldown: null, geo: p.geo, bbox: p.nationalBBox, fills: p.fills }, signal),
  ]);
  // Every page has the same colours: one inset for all. A province page keeps its province clear of it (the inset
  // covers the map's top-right corner), centred in the rest of the map.
  const inset = await insetShot(p.fills, p.geo, L);
  const map = printMapSize(L.map);
  const corner = insetFootprint(L, inset);
  for (const [i, page] of p.pages.entries()) {
    check(signal);
    onPage(i + 1, p.pages.length);
    void outlineProvince(target.map, p.geo, page.province);
    const padding = page.province ? clearOfTopRight(page.bbox, { width: map.cssWidth, height: map.cssHeight }, corner, 24) : 8;
    const shot = await shoot(target, L, { bounds: page.bbox, padding }, p.fills, p.geo, signal, inset);
    const text: PageText = { ...p.text, subtitle: p.subtitle(page.place), legendTitle: p.legendTitle(page.legend), figuresTitle: `Số liệu chính – ${page.place}, năm ${p.year}` };
    await addMapPage(doc, fonts, L, text, page.legend, page.figures, shot);
  }
  check(signal);
  return doc.save();
}
