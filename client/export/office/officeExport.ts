import { client } from '../../api.js';
import { downloadBlob } from '../compose.js';
import { packViews } from '../../../shared/export/office/packViews.js';
import type { SlideDoc } from '../../../shared/export/office/pptx.js';

/** What the browser asks the server for: the Word report, and each slide's texts and map (assembled here). */

const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

async function failure(res: Response): Promise<Error> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return new Error(body?.error?.message ?? `${res.status} ${res.statusText}`);
}

export interface ReportPlace {
  year: number;
  /** A 2025 province (years ≥ 2025), or an old province (years ≤ 2024). */
  province?: string;
  commune?: string;
}

/** The year's written report (GET /api/reports/report.docx), downloaded under the server's file name. */
export async function downloadReport(p: ReportPlace, signal: AbortSignal): Promise<void> {
  const query = { year: String(p.year), ...(p.province ? { province: p.province } : {}), ...(p.commune ? { commune: p.commune } : {}) };
  const res = await client.api.reports['report.docx'].$get({ query }, { init: { signal } });
  if (!res.ok) throw await failure(res);
  const name = res.headers.get('Content-Disposition')?.match(/filename="([^"]+)"/)?.[1] ?? `bao-cao-antq-${p.year}.docx`;
  downloadBlob(await res.blob(), name);
}

function bytesOf(base64: string): Uint8Array {
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export interface SlideAsk {
  view: string;
  title?: string | null;
  subtitle?: string | null;
}

/** One slide's texts and map from GET /api/reports/slide. */
async function fetchSlide(s: SlideAsk, signal: AbortSignal): Promise<SlideDoc & { breaks: number[] }> {
  const query = { view: s.view, ...(s.title ? { title: s.title } : {}), ...(s.subtitle ? { subtitle: s.subtitle } : {}) };
  const res = await client.api.reports.slide.$get({ query }, { init: { signal } });
  if (!res.ok) throw await failure(res);
  const d = await res.json();
  return { ...d, map: { ...d.map, png: bytesOf(d.map.png) } };
}

const save = (bytes: Uint8Array, name: string) => downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: PPTX_TYPE }), name);

/** Slides of a deck (or the view on screen) as a .pptx: each slide fetched in turn, with progress and cancel. */
export async function downloadSlides(name: string, title: string, slides: readonly SlideAsk[], onSlide: (done: number, of: number) => void, signal: AbortSignal): Promise<void> {
  // pptxgenjs loads only when a deck is made.
  const { buildPptx } = await import('../../../shared/export/office/pptx.js');
  const bytes = await buildPptx(title, slides.length, (i) => fetchSlide(slides[i], signal), onSlide, signal);
  if (!signal.aborted) save(bytes, name);
}

/** The conference pack: the country, then every province with the country's classes. */
export async function downloadPack(view: string, year: number, provinces: readonly string[], onSlide: (done: number, of: number) => void, signal: AbortSignal): Promise<void> {
  const { buildPptx } = await import('../../../shared/export/office/pptx.js');
  const national = await fetchSlide({ view: packViews(view, [], null)[0] }, signal);
  const views = packViews(view, provinces, national.breaks);
  const bytes = await buildPptx(`Bộ bản đồ hội nghị ${year}`, views.length, (i) => (i === 0 ? Promise.resolve(national) : fetchSlide({ view: views[i] }, signal)), onSlide, signal);
  if (!signal.aborted) save(bytes, `bo-ban-do-hoi-nghi-${year}.pptx`);
}
