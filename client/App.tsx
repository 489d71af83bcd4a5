import { useEffect, useMemo, useState } from 'react';
import type { Topology } from 'topojson-specification';
import type { Status } from '../server/domain/types.js';
import { fetchMeta, fetchStats, fetchUnit, type Meta, type Stats, type UnitDetailResponse } from './api.js';
import { formatPercent, formatCount } from './lib/format.js';
import { statusLegend } from './lib/statusClasses.js';
import { decodeNational, type NationalGeo } from './lib/topo.js';
import { MapView, type HoverInfo } from './map/MapView.js';
import { DetailPanel } from './panels/DetailPanel.js';
import { Legend } from './panels/Legend.js';
import { Tooltip } from './panels/Tooltip.js';
import { YearControl } from './panels/YearControl.js';
import { parseView, serializeView, type ViewState } from './state/view.js';

const BOUNDARY_SOURCE = 'Ranh giới: sapnhap.bando.com.vn (NXB Tài nguyên – Môi trường và Bản đồ Việt Nam), qua thanglequoc/vietnamese-provinces-database';

interface Boundaries {
  geo: NationalGeo;
  bbox: [number, number, number, number];
}

async function loadBoundaries(): Promise<Boundaries> {
  const info = (await (await fetch('/api/boundaries')).json()) as { bbox: Boundaries['bbox']; layers: { national: { url: string } } };
  const topo = (await (await fetch(info.layers.national.url)).json()) as Topology;
  return { geo: decodeNational(topo), bbox: info.bbox };
}

export function App() {
  const [view, setView] = useState<ViewState>(() => parseView(window.location.search));
  const [meta, setMeta] = useState<Meta | null>(null);
  const [boundaries, setBoundaries] = useState<Boundaries | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const [detail, setDetail] = useState<{ code: string; data: UnitDetailResponse | null; error: string | null } | null>(null);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([fetchMeta(), loadBoundaries()])
      .then(([m, b]) => {
        setMeta(m);
        setBoundaries(b);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const years = useMemo(() => meta?.vintages.find((v) => v.id === '2025')?.years ?? [], [meta]);
  const year = view.year !== null && years.includes(view.year) ? view.year : (years.at(-1) ?? null);

  useEffect(() => {
    window.history.replaceState(null, '', serializeView(view) || window.location.pathname);
  }, [view]);

  useEffect(() => {
    if (year === null) return;
    let live = true;
    fetchStats({ year, level: 'commune' })
      .then((s) => live && setStats(s))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [year]);

  useEffect(() => {
    if (!view.unit) return setDetail(null);
    const code = view.unit;
    let live = true;
    setDetail({ code, data: null, error: null });
    fetchUnit(code)
      .then((data) => live && setDetail({ code, data, error: null }))
      .catch((e: Error) => live && setDetail({ code, data: null, error: e.message }));
    return () => {
      live = false;
    };
  }, [view.unit]);

  const statuses = useMemo(() => (stats ? new Map(stats.units.map((u) => [u.code, (u as { status: Status | null }).status])) : null), [stats]);
  const provinceNames = useMemo(() => new Map(meta?.provinces.map((p) => [p.code, p.fullName]) ?? []), [meta]);

  if (error) return <div className="fatal">Không tải được bản đồ: {error}</div>;
  if (!meta || !boundaries || year === null) return <div className="loading">Đang tải bản đồ…</div>;

  const total = stats?.total;
  return (
    <div className="app">
      <header className="topbar">
        <div className="title">
          <h1>Phong trào Toàn dân bảo vệ an ninh Tổ quốc</h1>
          <p>Xã, phường, đặc khu đạt tiêu chuẩn "An toàn về an ninh, trật tự"</p>
        </div>
        <YearControl years={years} year={year} onChange={(y) => setView((v) => ({ ...v, year: y }))} />
        {total && (
          <div className="headline" aria-label="Toàn quốc">
            <strong>
              {formatCount(total.communes.certified)}/{formatCount(total.communes.total)}
            </strong>{' '}
            đạt ({formatPercent(total.rates.communes)})
          </div>
        )}
        {meta.dataLabel && (
          <div className="sample-badge" title="Số liệu do bộ sinh dữ liệu mẫu tạo ra, khớp các số liệu đã công bố trong các bản tin; không phải số liệu chính thức.">
            {meta.dataLabel}
          </div>
        )}
      </header>
      <main className="stage">
        <MapView
          geo={boundaries.geo}
          bbox={boundaries.bbox}
          statuses={statuses}
          selected={view.unit}
          onHover={setHover}
          onSelect={(code) => setView((v) => ({ ...v, unit: code }))}
        />
        {stats && total && (
          <Legend
            title={`Công nhận "An toàn về ANTT" năm ${year}`}
            classes={statusLegend(total.communes)}
            note={stats.method === 'crosswalk' ? `Năm ${year} quy đổi từ các xã cũ theo bảng chuyển đổi 01/7/2025.` : null}
            source={`${stats.dataLabel ? `${stats.dataLabel}. ` : ''}${BOUNDARY_SOURCE}`}
          />
        )}
        {hover && (
          <Tooltip
            hover={hover}
            provinceName={provinceNames.get(hover.props.province_code) ?? ''}
            status={statuses?.get(hover.props.code) ?? null}
            year={year}
          />
        )}
        {detail && (
          <DetailPanel detail={detail.data} error={detail.error} year={year} onClose={() => setView((v) => ({ ...v, unit: null }))} />
        )}
      </main>
    </div>
  );
}
