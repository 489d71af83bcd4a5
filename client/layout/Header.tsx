import type { ReactNode } from 'react';
import type { Stats } from '../api.js';
import { formatCount, formatPercent } from '../../shared/lib/format.js';
import type { MetricId } from '../../shared/domain/metrics.js';
import type { ViewState } from '../../shared/domain/view.js';
import { Breadcrumb } from '../panels/Breadcrumb.js';
import { CompareControl } from '../panels/CompareControl.js';
import { MetricControl } from '../panels/MetricControl.js';
import { SearchBox } from '../panels/SearchBox.js';
import { YearControl } from '../panels/YearControl.js';
import { enterFullscreen } from '../present/Presentation.js';
import { TopBar } from './TopBar.js';

interface Props {
  view: ViewState;
  patch: (p: Partial<ViewState>) => void;
  phone: boolean;
  years: number[];
  year: number;
  /** The years playing one after another. */
  playing: boolean;
  onPlay: (playing: boolean) => void;
  /** The metric as shown (status becomes a rate for provinces), and whether a change is shown. */
  metric: MetricId;
  provinceLevel: boolean;
  change: boolean;
  provinceName: string | null;
  total: Stats['total'] | undefined;
  dataLabel: string | null;
  /** Which panels are open, and how to open or close them. */
  planOpen: boolean;
  onPlan: (open: boolean) => void;
  tableOpen: boolean;
  onTable: () => void;
  decksOpen: boolean;
  onDecks: () => void;
  onSearch: (kind: 'commune' | 'province', code: string) => void;
  exportMenu: ReactNode;
}

/** The map page's header: year, search, place, metric, comparison, the country's or province's headline, the panels' buttons and the export menu. */
export function Header(p: Props) {
  const { view, patch } = p;
  return (
    <TopBar
      phone={p.phone}
      yearControl={<YearControl years={p.years} year={p.year} onChange={(y) => patch({ year: y })} playing={p.playing} onPlay={p.onPlay} />}
      years={p.years}
      year={p.year}
      onYear={(y) => patch({ year: y })}
      closeKey={`${view.unit}|${view.province}|${p.planOpen}|${p.tableOpen}|${p.decksOpen}|${view.present}`}
      badge={p.dataLabel && (
        <div className="sample-badge" title="Số liệu do bộ sinh dữ liệu mẫu tạo ra, khớp các số liệu đã công bố trong các bản tin; không phải số liệu chính thức.">
          {p.dataLabel}
        </div>
      )}
      toolbar={<>
        <SearchBox onChoose={({ kind, code }) => p.onSearch(kind, code)} />
        <Breadcrumb
          province={view.province ? { code: view.province, name: p.provinceName ?? view.province } : null}
          onNational={() => patch({ province: null, unit: null, at: null })}
        />
        <MetricControl view={{ ...view, metric: p.metric }} years={p.years} year={p.year} onChange={patch} />
        <a className="admin-link" href="/quan-tri" title="Nhập số liệu, lịch sử nhập, nhật ký (cần đăng nhập)">
          Quản trị
        </a>
      </>}
    >
      <CompareControl view={view} years={p.years} metric={p.metric} provinceLevel={p.provinceLevel} disabled={p.change} onChange={patch} />
      {p.total ? (
        <div className="headline" aria-label={view.province ? 'Toàn tỉnh' : 'Toàn quốc'}>
          <strong>
            {formatCount(p.total.communes.certified)}/{formatCount(p.total.communes.total)}
          </strong>{' '}
          đạt ({formatPercent(p.total.rates.communes)})
        </div>
      ) : (
        // Its room kept (unseen) until the figures come, so that the bar does not wrap anew when they do.
        <div className="headline pending" aria-hidden="true">
          <strong>0.000/0.000</strong> đạt (00,00%)
        </div>
      )}
      <button
        className="plan-toggle"
        aria-pressed={p.planOpen}
        onClick={() => {
          p.onPlan(!p.planOpen);
          // The worklist is about communes: the map follows.
          if (!p.planOpen && view.level !== 'commune') patch({ level: 'commune' });
        }}
      >
        Lập danh sách
      </button>
      <button className="table-toggle" aria-pressed={p.tableOpen} aria-controls={p.tableOpen ? 'bang-so-lieu' : undefined} onClick={p.onTable}>
        Bảng số liệu
      </button>
      <button
        className="present-toggle"
        title="Trình chiếu toàn màn hình cho hội nghị (Esc để thoát)"
        onClick={() => {
          enterFullscreen();
          patch({ present: true, unit: null });
        }}
      >
        Trình chiếu
      </button>
      <button className="present-toggle" aria-pressed={p.decksOpen} title="Bộ trình chiếu: lưu khung nhìn thành trang, sắp xếp, trình chiếu theo thứ tự" onClick={p.onDecks}>
        Khung nhìn đã lưu
      </button>
      {p.exportMenu}
    </TopBar>
  );
}
