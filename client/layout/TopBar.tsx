import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Sheet } from '../panels/Sheet.js';
import './phone.css';

interface Props {
  /** A phone: one short bar (title, year, menu) and everything else in a sheet. */
  phone: boolean;
  /** The year buttons (desktop). */
  yearControl: ReactNode;
  /** The year as one list (a phone's bar). */
  years: number[];
  year: number;
  onYear: (year: number) => void;
  /** The top bar's other controls (desktop order); in the sheet on a phone. */
  children: ReactNode;
  /** The sample-data label: always shown. */
  badge: ReactNode;
  /** The search, place and metric row. */
  toolbar: ReactNode;
  /** The sheet closes when this changes (a unit chosen, a panel opened), to show the map. */
  closeKey: string;
}

const TITLE = 'Phong trào Toàn dân bảo vệ an ninh Tổ quốc';

/** The map's header: two rows on a desktop; on a phone one bar and a sheet with the controls. */
export function TopBar({ phone, yearControl, years, year, onYear, children, badge, toolbar, closeKey }: Props) {
  const [open, setOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    menuButton.current?.focus();
  };
  const firstKey = useRef(closeKey);
  useEffect(() => {
    if (closeKey !== firstKey.current) setOpen(false);
    firstKey.current = closeKey;
  }, [closeKey]);

  if (!phone)
    return (
      <>
        <header className="topbar">
          <div className="title">
            <h1>{TITLE}</h1>
            <p>Xã, phường, đặc khu đạt tiêu chuẩn "An toàn về an ninh, trật tự"</p>
          </div>
          {yearControl}
          {children}
          {badge}
        </header>
        <div className="toolbar">{toolbar}</div>
      </>
    );
  return (
    <>
      <header className="topbar phone-bar">
        <h1 title={TITLE}>Bản đồ ANTT</h1>
        <select className="phone-year" aria-label="Năm" value={year} onChange={(e) => onYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        {badge}
        <button ref={menuButton} className="menu-button" aria-label="Menu: tìm kiếm, chỉ tiêu, danh sách, bảng số liệu, xuất bản đồ" aria-expanded={open} aria-controls="controls-sheet" onClick={() => setOpen(!open)}>
          <span aria-hidden>☰</span>
        </button>
      </header>
      <Sheet id="controls-sheet" className="controls-sheet" open={open} label="Tùy chọn bản đồ" onClose={close}>
        <div className="sheet-row">{toolbar}</div>
        <div className="sheet-row">{children}</div>
      </Sheet>
    </>
  );
}
