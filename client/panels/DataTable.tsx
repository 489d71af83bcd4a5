import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Denominator, MetricId } from '../../shared/domain/metrics.js';
import { toCsv } from '../../shared/domain/exportCsv.js';
import { downloadBlob } from '../export/compose.js';
import { cellText, filterRows, nextSort, sortRows, tableColumns, tableExport, tableRows, type Column, type Sort } from '../lib/dataTable.js';
import { formatCount } from '../../shared/lib/format.js';
import type { LegendModel, Row } from '../../shared/lib/legendModel.js';
import { useEscape } from '../state/useEscape.js';
import './dataTable.css';

interface Props {
  /** The shown units' figures; null while they load. */
  rows: Row[] | null;
  legend: LegendModel | null;
  legendTitle: string;
  metric: MetricId;
  denominator: Denominator;
  change: boolean;
  provinceNames: ReadonlyMap<string, string>;
  /** The rows are provinces (the national province view). */
  provinceRows: boolean;
  /** "toàn quốc" or the province's name, for the title and the files. */
  place: string;
  year: number;
  dataLabel: string | null;
  note: string | null;
  selected: string | null;
  /** The unit under the mouse on the map, to light its row. */
  hoverCode: string | null;
  onSelect: (code: string) => void;
  onHoverRow: (code: string | null) => void;
  onClose: () => void;
  /** Take the focus when opened (the skip link). */
  autoFocus?: boolean;
}

const sortWords = { asc: 'tăng dần', desc: 'giảm dần' } as const;
/** Text columns left, numbers right; "dt-phone-hidden" leaves a column out on a phone (dataTable.css). */
const columnClass = (c: Column) => [c.key === 'name' || c.key === 'province' ? '' : 'num', c.phone === 'hidden' ? 'dt-phone-hidden' : ''].filter(Boolean).join(' ') || undefined;

/**
 * "Bảng số liệu": the current view's units with their value, class colour and figures, sortable and filtered as the
 * search box matches names; a row selects its unit on the map, a unit picked on the map lights and shows its row.
 * The screen reader's way to the map's data.
 */
export function DataTable(p: Props) {
  const id = useId();
  const box = useRef<HTMLElement>(null);
  const [text, setText] = useState('');
  const query = useDeferredValue(text);
  const [sort, setSort] = useState<Sort>({ key: 'value', dir: 'desc' });
  useEscape(p.onClose);
  // On opening only.
  const autoFocus = useRef(p.autoFocus);
  useEffect(() => {
    if (autoFocus.current) box.current?.focus();
  }, []);

  const withProvince = !p.provinceRows && p.place === 'toàn quốc';
  const columns = useMemo(() => tableColumns(p.legend?.title ?? 'Giá trị', p.provinceRows, withProvince), [p.legend?.title, p.provinceRows, withProvince]);
  const all = useMemo(
    () => (p.rows && p.legend ? tableRows(p.rows, p.legend, { metric: p.metric, denominator: p.denominator, change: p.change, provinceNames: p.provinceNames, withProvince }) : null),
    [p.rows, p.legend, p.metric, p.denominator, p.change, p.provinceNames, withProvince],
  );
  const shown = useMemo(() => (all ? sortRows(filterRows(all, query), sort) : []), [all, query, sort]);

  // A unit picked on the map (or by the search) brings its row into view.
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    const tr = p.selected ? body.current?.querySelector<HTMLElement>(`tr[data-code="${p.selected}"]`) : null;
    tr?.scrollIntoView({ block: 'nearest' });
  }, [p.selected, shown]);

  const fileName = `bang-so-lieu-${p.provinceRows ? 'tinh' : 'xa'}-${p.place === 'toàn quốc' ? 'toan-quoc' : p.place.replace(/\s+/g, '-')}-${p.year}`;
  const exportTable = () =>
    tableExport(shown, columns, {
      title: `BẢNG SỐ LIỆU: ${p.legendTitle.toUpperCase()}`,
      info: [
        ...(p.dataLabel ? [`${p.dataLabel.toUpperCase()}: số liệu do bộ sinh dữ liệu mẫu tạo ra, không phải số liệu chính thức.`] : []),
        `Năm: ${p.year}; phạm vi: ${p.place}`,
        ...(query.trim() ? [`Lọc theo tên: "${query.trim()}"`] : []),
        `Số đơn vị: ${formatCount(shown.length)}`,
        ...(p.note ? [p.note] : []),
      ],
      sheetName: `Bảng ${p.year}`,
      numericValue: p.legend?.kind !== 'categorical',
      rateValue: p.metric === 'rate' && !p.change,
    });
  const [exportError, setExportError] = useState<string | null>(null);
  const csv = () => downloadBlob(new Blob([toCsv(exportTable())], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
  const xlsx = () => {
    setExportError(null);
    import('../export/tableXlsx.js')
      .then(({ xlsxBlob }) => xlsxBlob(exportTable()))
      .then((blob) => downloadBlob(blob, `${fileName}.xlsx`))
      .catch((e: unknown) => setExportError(`Không xuất được Excel: ${e instanceof Error ? e.message : String(e)}`));
  };

  return (
    <section className="datatable" id="bang-so-lieu" ref={box} tabIndex={-1} aria-labelledby={`${id}-title`}>
      <header className="dt-head">
        <h2 id={`${id}-title`}>Bảng số liệu</h2>
        <button className="close" onClick={p.onClose} aria-label="Đóng bảng số liệu">
          ×
        </button>
        <input
          type="search"
          className="dt-filter"
          aria-label="Lọc theo tên xã, phường, tỉnh"
          placeholder="Lọc theo tên… (gõ không dấu được)"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) {
              e.preventDefault();
              setText('');
            }
          }}
        />
        <p className="dt-summary" aria-live="polite">
          {all ? `${formatCount(shown.length)}/${formatCount(all.length)} ${p.provinceRows ? 'tỉnh, thành phố' : 'xã, phường'}` : 'Đang tải…'}, năm {p.year}
          {p.dataLabel && <span className="sample-note">{p.dataLabel}</span>}
        </p>
        <div className="exports">
          Xuất bảng:{' '}
          <button className="link" onClick={csv} disabled={!all}>
            CSV
          </button>{' '}
          ·{' '}
          <button className="link" onClick={xlsx} disabled={!all}>
            Excel (.xlsx)
          </button>
          {exportError && <span className="error"> {exportError}</span>}
        </div>
      </header>
      <div className="dt-scroll">
        <table>
          <caption className="sr-only">
            {p.legendTitle}, {p.place}, năm {p.year}; sắp xếp theo {columns.find((c) => c.key === sort.key)?.header.toLowerCase()}, {sortWords[sort.dir]}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" data-key={c.key} aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined} className={columnClass(c)}>
                  <button onClick={() => setSort(nextSort(sort, c.key))} data-sort={c.key}>
                    {c.short ? (
                      <>
                        <span className="dt-long">{c.header}</span>
                        <abbr className="dt-short" title={c.header}>
                          {c.short}
                        </abbr>
                      </>
                    ) : (
                      c.header
                    )}
                    <span aria-hidden className="dt-arrow">
                      {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={body} onMouseLeave={() => p.onHoverRow(null)}>
            {shown.map((r) => (
              <tr
                key={r.code}
                data-code={r.code}
                className={`${r.code === p.selected ? 'selected' : ''}${r.code === p.hoverCode ? ' linked' : ''}`}
                aria-current={r.code === p.selected ? true : undefined}
                onMouseEnter={() => p.onHoverRow(r.code)}
                onClick={() => p.onSelect(r.code)}
              >
                {columns.map((c) =>
                  c.key === 'name' ? (
                    <th key={c.key} scope="row">
                      <button className="unit-link" onClick={(e) => (e.stopPropagation(), p.onSelect(r.code))} onFocus={() => p.onHoverRow(r.code)}>
                        {r.name}
                      </button>
                      {r.province && <span className="dt-sub">{r.province}</span>}
                    </th>
                  ) : c.key === 'value' ? (
                    <td key={c.key} className="num dt-value" title={r.classLabel}>
                      <span className={r.color ? 'swatch' : 'swatch hatched'} style={r.color ? { background: r.color } : undefined} aria-hidden />
                      {r.valueText}
                      {p.legend?.kind !== 'categorical' && r.value !== null && <span className="sr-only"> (lớp {r.classLabel})</span>}
                    </td>
                  ) : (
                    <td key={c.key} className={columnClass(c)}>
                      {cellText(r, c.key)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {all && !shown.length && <p className="muted dt-empty">Không có đơn vị nào khớp "{query}".</p>}
      </div>
    </section>
  );
}
