import { useEffect } from 'react';

interface Props {
  years: number[];
  year: number;
  onChange: (year: number) => void;
  playing: boolean;
  onPlay: (playing: boolean) => void;
}

const STEP_MS = 1600;

export function YearControl({ years, year, onChange, playing, onPlay }: Props) {
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
    </div>
  );
}
