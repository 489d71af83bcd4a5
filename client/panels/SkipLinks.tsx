import '../layout/a11y.css';

interface Props {
  onMap: () => void;
  onTable: () => void;
}

/** The page's first stops for the keyboard, shown when focused: straight to the map, or to its figures as a table. */
export function SkipLinks({ onMap, onTable }: Props) {
  const go = (fn: () => void) => (e: React.MouseEvent) => {
    e.preventDefault();
    fn();
  };
  return (
    <nav className="skip-links" aria-label="Đi nhanh">
      <a href="#ban-do" onClick={go(onMap)}>
        Đến bản đồ
      </a>
      <a href="#bang-so-lieu" onClick={go(onTable)}>
        Đến bảng số liệu
      </a>
    </nav>
  );
}
