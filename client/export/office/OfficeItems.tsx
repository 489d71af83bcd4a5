import { downloadPack, downloadReport, downloadSlides } from './officeExport.js';
import './office.css';

/** The page's place and view, for the Word and PowerPoint entries of the export menu. */
export interface OfficeSource {
  year: number;
  /** The map's query string, the year written out. */
  view: string;
  /** The province drilled into (2025 map), and the commune selected. */
  province: string | null;
  commune: string | null;
  provinces: readonly string[];
  title: string;
  subtitle: string;
}

interface Props {
  source: OfficeSource;
  busy: boolean;
  /** ExportMenu's runner: the progress line with "Hủy", errors in the menu. */
  run: (label: string, job: (signal: AbortSignal) => Promise<void>) => void;
  progress: (label: string) => void;
}

/**
 * "Báo cáo Word": the year's written report of the place shown (the province drilled into, the commune selected, or
 * the country; before 2025 the provinces were others, so the country's); "PowerPoint": the view as one slide, or the
 * conference pack (the country and every province), slide by slide with progress and cancel.
 */
export function OfficeItems({ source: s, busy, run, progress }: Props) {
  const reform = s.year >= 2025;
  const place = reform && s.commune ? { commune: s.commune } : reform && s.province ? { province: s.province } : {};
  const what = 'commune' in place ? 'của xã đang chọn' : 'province' in place ? 'của tỉnh' : 'toàn quốc';
  const slide = () => run('Đang tạo trang chiếu…', (signal) => downloadSlides(`trang-chieu-${s.year}.pptx`, s.title, [{ view: s.view, title: s.title, subtitle: s.subtitle }], () => {}, signal));
  const pack = () => run('Đang chuẩn bị bộ trang chiếu…', (signal) => downloadPack(s.view, s.year, s.provinces, (done, of) => progress(`Đang tạo trang chiếu ${done}/${of} …`), signal));
  return (
    <>
      <button className="office-item" role="menuitem" disabled={busy} onClick={() => run('Đang tạo báo cáo Word…', (signal) => downloadReport({ year: s.year, ...place }, signal))} title={`Báo cáo kết quả xây dựng phong trào năm ${s.year} ${what}`}>
        Báo cáo Word ({what})
      </button>
      <button className="office-item" role="menuitem" disabled={busy} onClick={slide}>
        Trang chiếu PowerPoint
      </button>
      <button className="office-item" role="menuitem" disabled={busy} onClick={pack} title="Trang toàn quốc và một trang cho mỗi tỉnh, thành phố, cùng ngưỡng phân loại">
        Bộ trang chiếu ({s.provinces.length + 1} trang, .pptx)
      </button>
    </>
  );
}
