interface Props {
  years: number[];
  year: number;
  onChange: (year: number) => void;
}

export function YearControl({ years, year, onChange }: Props) {
  return (
    <div className="years" role="radiogroup" aria-label="Năm">
      <span className="years-label">Năm</span>
      {years.map((y) => (
        <button key={y} role="radio" aria-checked={y === year} className={y === year ? 'on' : ''} onClick={() => onChange(y)}>
          {y}
        </button>
      ))}
    </div>
  );
}
