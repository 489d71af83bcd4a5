import { useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { canvasBlob, composeExport, downloadBlob, type ExportInput } from './compose.js';
import { EXPORT_SCALES, MAX_EXPORT } from './layout.js';
import { loadPackInput, type PdfSource } from './pdfData.js';
import type { PrintTarget } from './pdfExport.js';
import type { Orientation, Paper } from './pdfLayout.js';
import { DataDownload, type DataLayer } from './DataDownload.js';
import { planPack } from './packPlan.js';
import { PrintMap, type PrintMapSpec } from './PrintMap.js';
import { OfficeItems, type OfficeSource } from './office/OfficeItems.js';
import { withoutPadding } from '../map/withoutPadding.js';

interface Props {
  /** What to export, or null while the map is not ready. */
  input: (() => Omit<ExportInput, 'scale'> | null) | null;
  pdf: (() => PdfSource | null) | null;
  /** The Word report's place and the view for PowerPoint. */
  office?: (() => OfficeSource | null) | null;
  /** The file's name from its end, e.g. "2x.png". */
  filename: (suffix: string) => string;
  /** The layer on screen, for "Tải dữ liệu" (GIS files and the OGC API address). */
  data?: DataLayer | null;
}

const ORIENTATIONS: [Orientation, string][] = [
  ['landscape', 'Ngang'],
  ['portrait', 'Dọc'],
];
const pdfBlob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });

/**
 * "Xuất bản đồ": a print-ready PNG at 1×, 2× or 4× (capped at 3840 × 2160), the view as a PDF page (A4/A3, landscape
 * or portrait), or the conference pack: the country and every province on one PDF, with a progress line and a way to
 * cancel. PDF pages are drawn on an off-screen map, so the map on screen never moves.
 */
/** The menu's widest (its paper choices), CSS pixels. */
const MENU_WIDTH = 260;

export function ExportMenu({ input, pdf, office, filename, data = null }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [paper, setPaper] = useState<Paper>('A4');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [print, setPrint] = useState<{ spec: PrintMapSpec; key: number } | null>(null);
  const printReady = useRef<((t: PrintTarget) => void) | null>(null);
  const abort = useRef<AbortController | null>(null);
  // The menu hangs from the button's right edge, or from its left when that would run off the page's left edge
  // (the button wraps to the start of a row when the toolbar is full, e.g. while comparing).
  const [fromLeft, setFromLeft] = useState(false);

  // Each mount makes a new print map (a new key): a second map of a comparison is coloured afresh.
  const mounts = useRef(0);
  const mount = (spec: PrintMapSpec) =>
    new Promise<PrintTarget>((resolve) => {
      printReady.current = resolve;
      setPrint({ spec, key: ++mounts.current });
    });
  const onPrintMap = (map: MapLibreMap | null, container: HTMLElement | null) => {
    // The map being replaced reports null as it goes: the resolver waits for the new one.
    if (!map || !container) return;
    printReady.current?.({ map, container });
    printReady.current = null;
  };

  /** Runs one export: busy label, errors shown in the menu, the print map removed afterwards, cancelled quietly. */
  const run = async (label: string, job: (signal: AbortSignal) => Promise<void>) => {
    const ctl = new AbortController();
    abort.current = ctl;
    setBusy(label);
    setError(null);
    // The progress line takes the menu's place while the export runs; the menu comes back to show an error.
    setOpen(false);
    try {
      await job(ctl.signal);
    } catch (e) {
      if (!ctl.signal.aborted) {
        setError(e instanceof Error ? e.message : String(e));
        setOpen(true);
      }
    } finally {
      abort.current = null;
      setPrint(null);
      setBusy(null);
    }
  };

  const png = (scale: number) => {
    const base = input?.();
    if (!base) return setError('Bản đồ chưa sẵn sàng.');
    const maps = [base.map, base.compare?.pane.map];
    void run('Đang xuất ảnh…', async () => downloadBlob(await canvasBlob(await withoutPadding(maps, () => composeExport({ ...base, scale })), 'image/png'), filename(`${scale}x.png`)));
  };
  const onePage = () => {
    const src = pdf?.();
    if (!src) return setError('Bản đồ chưa sẵn sàng.');
    void run('Đang xuất PDF…', async (signal) => {
      const { viewPdf } = await import('./pdfExport.js');
      const [figures, second] = await Promise.all([src.figures(), src.second ? src.second.figures().then((f) => ({ ...src.second!.map, figures: f })) : null]);
      const bytes = await withoutPadding([src.view.map], () => viewPdf({ ...src.view, figures, second }, paper, orientation, mount, signal));
      if (!signal.aborted) downloadBlob(pdfBlob(bytes), filename(`${paper}-${orientation === 'landscape' ? 'ngang' : 'doc'}.pdf`));
    });
  };
  /** The whole pack, or (only) the page of the province drilled into, with the country's classes. */
  const pack = (only: string | null) => {
    const src = pdf?.();
    if (!src) return setError('Bản đồ chưa sẵn sàng.');
    void run('Đang chuẩn bị bộ bản đồ…', async (signal) => {
      // pdf-lib and fontkit load only when a PDF is made.
      const [{ packPdf }, input] = await Promise.all([import('./pdfExport.js'), loadPackInput({ ...src.pack, only })]);
      const plan = planPack(input);
      const bytes = await packPdf(
        { text: src.view.text, year: src.pack.year, ...plan, legendTitle: src.legendTitle, subtitle: src.subtitle, geo: src.view.geo, nationalBBox: src.pack.nationalBBox },
        paper,
        orientation,
        mount,
        (done, of) => setBusy(`Đang tạo trang ${done}/${of} …`),
        signal,
      );
      if (!signal.aborted) downloadBlob(pdfBlob(bytes), `bo-ban-do-hoi-nghi-${src.pack.year}${only ? `-tinh-${only}` : ''}-${paper}.pdf`);
    });
  };

  const pages = (pdf?.()?.pack.provinces.length ?? 34) + 1;
  const officeSource = open ? (office?.() ?? null) : null;
  const drilled = pdf?.()?.pack.province ?? null;
  const drilledName = drilled ? (pdf?.()?.pack.provinces.find((p) => p.code === drilled)?.fullName ?? drilled) : null;
  return (
    <div className={fromLeft ? 'export-menu from-left' : 'export-menu'}>
      <button
        aria-expanded={open}
        aria-haspopup="menu"
        disabled={!input || !!busy}
        onClick={(e) => {
          setFromLeft(e.currentTarget.getBoundingClientRect().right < MENU_WIDTH);
          setOpen(!open);
        }}
      >
        Xuất bản đồ
      </button>
      {open && (
        <div role="menu" className="export-options" aria-label="Xuất bản đồ">
          <div className="export-group" aria-label="Ảnh PNG">
            {EXPORT_SCALES.map((s) => (
              <button
                key={s}
                role="menuitem"
                disabled={!!busy}
                title={s === 4 ? `Tối đa ${MAX_EXPORT.width}×${MAX_EXPORT.height} điểm ảnh (${MAX_EXPORT.height}×${MAX_EXPORT.width} với ảnh dọc)` : undefined}
                onClick={() => png(s)}
              >
                PNG {s}×
              </button>
            ))}
          </div>
          <fieldset className="export-paper" disabled={!!busy}>
            <legend>Khổ giấy PDF</legend>
            <select aria-label="Khổ giấy" value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
              <option value="A4">A4</option>
              <option value="A3">A3</option>
            </select>
            <select aria-label="Hướng giấy" value={orientation} onChange={(e) => setOrientation(e.target.value as Orientation)}>
              {ORIENTATIONS.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </fieldset>
          <button role="menuitem" disabled={!!busy || !pdf} onClick={onePage}>
            Xuất PDF
          </button>
          <button role="menuitem" disabled={!!busy || !pdf} onClick={() => pack(null)} title="Trang toàn quốc và một trang cho mỗi tỉnh, thành phố, cùng ngưỡng phân loại">
            Bộ bản đồ hội nghị ({pages} trang)
          </button>
          {officeSource && <OfficeItems source={officeSource} busy={!!busy} run={(label, job) => void run(label, job)} progress={setBusy} />}
          {drilled && (
            <button role="menuitem" disabled={!!busy || !pdf} onClick={() => pack(drilled)} title="Trang của tỉnh này trong bộ bản đồ hội nghị, cùng ngưỡng phân loại toàn quốc">
              Trang bộ bản đồ: {drilledName}
            </button>
          )}
          <DataDownload layer={data} />
          {error && <p className="error">{error}</p>}
        </div>
      )}
      {busy && (
        <p className="export-progress" role="status">
          {busy}{' '}
          <button onClick={() => abort.current?.abort()}>Hủy</button>
        </p>
      )}
      {print && <PrintMap key={print.key} spec={print.spec} onMap={onPrintMap} />}
    </div>
  );
}
