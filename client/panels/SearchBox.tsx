import { useDeferredValue, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { search, type SearchIndex, type SearchResult } from '../../shared/lib/search.js';
import { useDataVersion } from '../state/dataVersion.js';
import { loadSearchIndex } from '../state/searchIndex.js';
import './SearchBox.css';

interface Props {
  /** A unit of today was chosen (kind, code; its names come along): fly to it and select it. */
  onChoose: (result: SearchResult) => void;
}

const LIMIT = 10;

/** Combobox over provinces, communes and their pre-2025 names; typing without diacritics works. */
export function SearchBox({ onChoose }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // The list may lag a keystroke behind; the input never does.
  const query = useDeferredValue(text);
  const results = useMemo(() => (index ? search(index, query, LIMIT) : []), [index, query]);

  const load = () => {
    if (index) return;
    setError(null);
    loadSearchIndex()
      .then(setIndex)
      .catch((e: Error) => setError(e.message));
  };

  // The data moved on (a re-seed, new reference data): names may have changed. An index already here is loaded
  // again (the old one answers meanwhile); one never asked for waits for the box's focus.
  const { generation } = useDataVersion();
  const loaded = index !== null;
  useEffect(() => {
    if (!loaded || generation === 0) return;
    let live = true;
    loadSearchIndex()
      .then((fresh) => live && setIndex(fresh))
      .catch(() => undefined); // the index held stays; the next change tries again
    return () => {
      live = false;
    };
  }, [generation, loaded]);

  const choose = (r: SearchResult) => {
    setText(r.name);
    setOpen(false);
    setActive(-1);
    onChoose(r);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (!results.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a < 0 ? (step > 0 ? 0 : results.length - 1) : (a + step + results.length) % results.length));
    } else if (e.key === 'Enter') {
      const r = results[active] ?? (open ? results[0] : undefined);
      if (r) {
        e.preventDefault();
        choose(r);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (open && text) setOpen(false);
      else setText('');
      setActive(-1);
    }
  };

  const showList = open && query.trim().length >= 2;
  const status = error
    ? `Không tải được danh mục địa danh: ${error}`
    : !index
      ? 'Đang tải danh mục địa danh…'
      : results.length
        ? `${results.length} kết quả`
        : 'Không tìm thấy địa danh nào';
  const optionId = (i: number) => `${id}-o${i}`;

  return (
    <div className="searchbox">
      <input
        type="text"
        role="combobox"
        aria-label="Tìm xã, phường, tỉnh"
        aria-autocomplete="list"
        aria-expanded={showList && results.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={showList && active >= 0 && active < results.length ? optionId(active) : undefined}
        placeholder="Tìm xã, phường, tỉnh… (gõ không dấu được)"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onFocus={() => {
          load();
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Kết quả tìm kiếm" className="searchbox-list" hidden={!showList || !results.length}>
        {showList &&
          results.map((r, i) => (
            <li
              key={r.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: the input keeps its focus, so the list is still there on mouseup.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(r);
              }}
              onMouseMove={() => i !== active && setActive(i)}
            >
              <ResultLines result={r} />
            </li>
          ))}
      </ul>
      {showList && (
        <div className={`searchbox-status${results.length ? ' sr-only' : ''}`} role="status" aria-live="polite">
          {status}
        </div>
      )}
    </div>
  );
}

function ResultLines({ result: r }: { result: SearchResult }) {
  const place = r.kind === 'province' ? 'Tỉnh, thành phố' : r.province;
  return (
    <>
      <span className="searchbox-name">
        {r.alias ? (
          <>
            <strong>{r.alias.oldName}</strong> <span className="searchbox-old">(tên cũ)</span> → {r.name}
          </>
        ) : (
          <strong>{r.name}</strong>
        )}
      </span>
      <span className="searchbox-place">
        {place}
        {r.alias?.oldPlace && ` · trước 01/7/2025 thuộc ${r.alias.oldPlace}`}
        {!!r.alias?.alsoInto.length && ` · một phần nhập vào ${r.alias.alsoInto.join(', ')}`}
      </span>
    </>
  );
}
