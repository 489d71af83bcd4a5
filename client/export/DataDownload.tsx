import { useState } from 'react';
import './dataDownload.css';

/** The layer the map shows: what "Tải dữ liệu" downloads. */
export interface DataLayer {
  collection: 'communes' | 'provinces';
  year: number;
  /** The province drilled into: its communes only. */
  province: string | null;
  provinceName?: string;
}

const FORMATS = [
  ['gpkg', 'GeoPackage', 'Mở trực tiếp trong QGIS, ArcGIS (có ranh giới và số liệu)'],
  ['geojson', 'GeoJSON', 'Ranh giới và số liệu, WGS 84 (RFC 7946)'],
  ['csv', 'CSV', 'Chỉ số liệu, không có ranh giới'],
] as const;

/** The download's address on the portal's OGC API (server/routes/ogc.ts). */
function downloadHref(layer: DataLayer, format: string, fine: boolean): string {
  const q = new URLSearchParams({ f: format, year: String(layer.year), detail: fine ? 'fine' : 'national' });
  if (layer.province) q.set('province', layer.province);
  return `/ogc/collections/${layer.collection}/download?${q}`;
}

/**
 * "Tải dữ liệu" in the export menu: the current view's layer with its figures as GeoPackage, GeoJSON or CSV, at the
 * national or the finer detail, and the OGC API address to paste into QGIS.
 */
export function DataDownload({ layer }: { layer: DataLayer | null }) {
  // A drilled-in province is drawn at the finer detail: downloads follow.
  const [fine, setFine] = useState(layer?.province != null);
  const [copied, setCopied] = useState(false);
  const service = `${window.location.origin}/ogc`;
  if (!layer) return null;
  const what = layer.collection === 'provinces' ? 'tỉnh, thành phố' : layer.province ? `xã, phường của ${layer.provinceName ?? `tỉnh mã ${layer.province}`}` : 'xã, phường';
  return (
    <fieldset className="data-download">
      <legend>Tải dữ liệu</legend>
      <p className="data-what">
        Lớp {what}, số liệu năm {layer.year}
      </p>
      <label className="data-detail">
        <input type="checkbox" checked={fine} onChange={(e) => setFine(e.target.checked)} /> Ranh giới chi tiết (10 m)
      </label>
      <div className="data-formats">
        {FORMATS.map(([f, label, title]) => (
          <a key={f} role="menuitem" href={downloadHref(layer, f, fine)} download title={title}>
            {label}
          </a>
        ))}
      </div>
      <label className="data-service">
        Dịch vụ OGC API – Features
        <span>
          <input readOnly value={service} onFocus={(e) => e.currentTarget.select()} aria-label="Địa chỉ dịch vụ OGC API – Features" />
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(service).then(() => setCopied(true));
            }}
          >
            {copied ? 'Đã chép' : 'Chép'}
          </button>
        </span>
      </label>
      <p className="data-howto">
        QGIS: Lớp → Thêm lớp → Thêm lớp WFS / OGC API – Features → Mới, dán địa chỉ trên vào URL.
        <br />
        Kết nối, chọn lớp communes (xã, phường) hoặc provinces (tỉnh) rồi Thêm: số liệu năm mới nhất; năm khác: tải tệp ở trên.
      </p>
    </fieldset>
  );
}
