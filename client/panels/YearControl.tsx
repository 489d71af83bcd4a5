import { useEffect } from 'react';

interface Props {
  years: number[];
  year: number;
  onChange: (year: number) => void;
  playing: boolean;
  onPlay: (playing: boolean) => void;
  compareYear: number | null;
  onCompare: (year: number | null) => void;
}

const STEP_MS = 1600;

export function YearControl({ years, year, onChange, playing, onPlay, compareYear, onCompare }: Props) {
  // Play steps through the years and stops at the last one.
  useEffect(() => {
    if (!playing) return;
    const i = years.indexOf(year);
    if (i === years.length - 1) return onPlay(false);
    const t = setTimeout(() => onChange(years[i + 1]), STEP_MS);
    return () => clearTimeout(t);
  }, [playing, year, years, onChange, onPlay]);

  return (
    <div className="years">
      <button
        className="play"
        aria-label={playing ? 'Dừng' : 'Chạy qua các năm'}
        title={playing ? 'Dừng' : 'Chạy qua các năm'}
        onClick={() => {
          if (!playing && year === years.at(-1)) onChange(years[0]);
          onPlay(!playing);
        }}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <div role="radiogroup" aria-label="Năm" className="year-buttons">
        {years.map((y) => (
          <button key={y} role="radio" aria-checked={y === year} className={y === year ? 'on' : ''} onClick={() => onChange(y)}>
            {y}
          </button>
        ))}
      </div>
      <label className="compare">
        So sánh với
        <select aria-label="So sánh với năm" value={compareYear ?? ''} onChange={(e) => onCompare(e.target.value ? Number(e.target.value) : null)}>
          <option value="">—</option>
          {years
            .filter((y) => y !== year)
            .map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
