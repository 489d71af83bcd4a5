import { useEffect, useMemo, useRef, useState } from 'react';
import { STATUS_LABELS, NO_DATA_LABEL } from '../../shared/domain/labels.js';
import { formatCount } from '../../shared/lib/format.js';
import type { NationalGeo } from '../../shared/lib/topo.js';
import { scrollToRow, windowRange } from '../lib/virtual.js';
import { worklistQuery } from '../lib/worklistQuery.js';
import { communeBounds, setListHover } from '../map/planLayers.js';
import { fetchWorklist, worklistDownload, type WorklistData, type WorklistRowData } from '../planApi.js';
import type { Planner } from '../state/usePlanner.js';
import { useAsync } from '../state/useData.js';
import { useDataVersion } from '../state/dataVersion.js';
import { useEscape } from '../state/useEscape.js';
import { BivariateLegend } from './BivariateLegend.js';
import { FilterBuilder } from './FilterBuilder.js';
import { TargetPanel } from './TargetPanel.js';
import './worklist.css';

interface Props {
  plan: Planner;
  year: number;
  years: number[];
  provinces: { code: string; fullName: string }[];
  geo: NationalGeo;
  /** The commune under the mouse on the map, to light its row. */
  hoverCode: string | null;
  selected: string | null;
  onSelect: (code: string) => void;
  onClose?: () => void;
}

const ROW_HEIGHT = 84;

/** The planners' panel beside the map: weak-locality list with reasons, filters, exports, target setting. */
export function Worklist({ plan, year, years, provinces, geo, hoverCode, selected, onSelect, onClose }: Props) {
  const [tab, setTab] = useState<'list' | 'target'>('list');
  useEscape(() => onClose?.(), !!onClose);
  const { criteria } = plan;
  const query = useMemo(() => worklistQuery(year, criteria), [year, criteria]);
  const key = new URLSearchParams(query).toString();
  const { generation } = useDataVersion();
  const list = useAsync<WorklistData>(() => fetchWorklist(query), [key, generation]);
  const listHover = useRef<string | null>(null);

  const hoverRow = (code: string | null) => {
    if (plan.map) setListHover(plan.map, code, listHover.current);
    listHover.current = code;
  };
  // Leaving a map (or the list) clears the hover the list put on it.
  useEffect(() => {
    const map = plan.map;
    return () => {
      if (map) setListHover(map, null, listHover.current);
      listHover.current = null;
    };
  }, [plan.map]);
  const pick = (code: string) => {
    onSelect(code);
    const b = communeBounds(geo, code);
    if (plan.map && b) plan.map.fitBounds(b, { padding: 80, maxZoom: 10.5, duration: 500 });
  };

  const overlayCounts = plan.overlayCounts;

  return (
    <>
      <aside className="worklist" aria-label="Danh sách trọng điểm">
        <header className="wl-head">
          <h2>Danh sách xã, phường cần tập trung</h2>
          {onClose && (
            <button className="close" onClick={onClose} aria-label="Đóng danh sách">
              ×
            </button>
          )}
          <div className="wl-tabs" role="tablist">
            <button role="tab" aria-selected={tab === 'list'} onClick={() => setTab('list')}>
              Danh sách
            </button>
            <button role="tab" aria-selected={tab === 'target'} onClick={() => setTab('target')}>
              Mục tiêu
            </button>
          </div>
          <div className="wl-layers">
            <label className="check">
              <input type="checkbox" name="bivariate" checked={plan.bivariate} onChange={(e) => plan.setBivariate(e.target.checked)} />
              Bản đồ hai biến
            </label>
            <select aria-label="Biến công nhận" value={criteria.cert} onChange={(e) => plan.setCriteria({ ...criteria, cert: e.target.value as typeof criteria.cert, cell: null })}>
              <option value="status">theo tình trạng</option>
              <option value="rate">theo tỷ lệ khu dân cư đạt</option>
            </select>
            <label className="check">
              <input type="checkbox" name="overlay" checked={plan.overlay} onChange={(e) => plan.setOverlay(e.target.checked)} />
              Địa bàn trọng điểm, điểm nóng
            </label>
          </div>
        </header>
        {tab === 'target' ? (
          <TargetPanel year={year} provinces={provinces} initialProvince={criteria.province} selected={selected} onPick={pick} onHoverRow={hoverRow} />
        ) : (
          <>
            <details className="wl-filters" open>
              <summary>Tiêu chí</summary>
              <FilterBuilder criteria={criteria} year={year} years={years} provinces={provinces} onChange={plan.setCriteria} />
            </details>
            <div className="wl-summary" aria-live="polite">
              {list.error ? (
                <span className="error">{list.error}</span>
              ) : list.value ? (
                <>
                  <strong className="wl-count">{formatCount(list.value.rows.length)}</strong> xã, phường (trong {formatCount(list.value.considered)} thuộc phạm vi), năm {year}
                  {list.value.dataLabel && <span className="sample-note">{list.value.dataLabel}</span>}
                </>
              ) : (
                'Đang tải…'
              )}
              <div className="exports">
                Xuất: <a href={worklistDownload('xlsx', query)} download>Excel (.xlsx)</a> · <a href={worklistDownload('csv', query)} download>CSV</a>
              </div>
              {list.value && (
                <details className="small muted">
                  <summary>Cách tính điểm</summary>
                  {list.value.scoreFormula}
                </details>
              )}
            </div>
            <RowList rows={list.value?.rows ?? []} hoverCode={hoverCode} selected={selected} onHover={hoverRow} onPick={pick} />
          </>
        )}
      </aside>
      {(plan.bivar || overlayCounts) && (
        <BivariateLegend
          bivar={plan.bivar}
          certMode={criteria.cert}
          cell={criteria.cell}
          overlay={overlayCounts}
          // Every commune of a cell is listed, whatever its score: the cell is the reason it is there.
          onCell={(cell) => plan.setCriteria({ ...criteria, cell, minScore: cell ? 0 : 1 })}
        />
      )}
    </>
  );
}

const statusText = (s: WorklistRowData['status']) => (s ? STATUS_LABELS[s] : NO_DATA_LABEL);

/** Virtualised: only the rows in view are in the DOM, so the whole country's 3,321 communes scroll smoothly. */
function RowList({ rows, hoverCode, selected, onHover, onPick }: { rows: WorklistRowData[]; hoverCode: string | null; selected: string | null; onHover: (c: string | null) => void; onPick: (c: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600 });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setScroll({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // A commune picked on the map scrolls its row into view.
  useEffect(() => {
    const el = box.current;
    const i = selected ? rows.findIndex((r) => r.code === selected) : -1;
    if (!el || i < 0) return;
    const to = scrollToRow(i, { scrollTop: el.scrollTop, viewport: el.clientHeight, rowHeight: ROW_HEIGHT });
    if (to !== null) el.scrollTop = to;
  }, [selected, rows]);
  const w = windowRange({ scrollTop: scroll.top, viewport: scroll.height, rowHeight: ROW_HEIGHT, count: rows.length });
  return (
    <div className="wl-list" ref={box} role="list" aria-label="Các xã, phường" onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })} onMouseLeave={() => onHover(null)}>
      <div style={{ height: w.total, position: 'relative' }}>
        {rows.slice(w.start, w.end).map((r, i) => (
          <div
            key={r.code}
            role="listitem"
            data-code={r.code}
            className={`wl-row${r.code === selected ? ' selected' : ''}${r.code === hoverCode ? ' linked' : ''}`}
            style={{ top: w.offset + i * ROW_HEIGHT, height: ROW_HEIGHT }}
            tabIndex={0}
            onMouseEnter={() => onHover(r.code)}
            onFocus={() => onHover(r.code)}
            onClick={() => onPick(r.code)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onPick(r.code);
              }
            }}
            title={r.reasons.map((x) => `${x.text} (+${x.weight})`).join('\n')}
          >
            <div className="wl-line">
              <span className="wl-rank">{r.rank}</span>
              <strong className="wl-name">
                {r.type} {r.name}
              </strong>
              <span className={`wl-status ${r.status ?? 'no_data'}`}>{statusText(r.status)}</span>
              <span className="wl-score" aria-label={`Điểm ${r.score}`}>
                {r.score}
              </span>
            </div>
            <div className="wl-province">{r.provinceName}</div>
            <div className="wl-reasons">{r.reasons.map((x) => x.text).join(' · ')}</div>
          </div>
        ))}
      </div>
    </div>
  );
}
