interface Point {
  year: number;
  value: number | null;
  /** Years not on the 2025 units (rolled up, or an area's old communes) are drawn hollow. */
  estimated: boolean;
  /** What such a year is built from ("quy đổi từ 3 xã cũ, 2 đạt", "106 xã cũ, trước sắp xếp"). */
  note?: string;
}

interface Props {
  points: Point[];
  format: (v: number) => string;
  label: string;
}

const W = 330;
const H = 90;
const PAD = { l: 8, r: 8, t: 14, b: 18 };

/** A small line chart of one metric over the years. */
export function TrendChart({ points, format, label }: Props) {
  const known = points.filter((p): p is Point & { value: number } => p.value !== null);
  if (known.length < 2) return null;
  const lo = Math.min(...known.map((p) => p.value));
  const hi = Math.max(...known.map((p) => p.value));
  const span = hi - lo || Math.abs(hi) || 1;
  const x = (i: number) => PAD.l + (i * (W - PAD.l - PAD.r)) / Math.max(1, points.length - 1);
  const y = (v: number) => PAD.t + (1 - (v - lo) / span) * (H - PAD.t - PAD.b);
  const path = points
    .map((p, i) => (p.value === null ? null : `${x(i)},${y(p.value)}`))
    .filter(Boolean)
    .join(' L ');
  return (
    <svg className="trend" width={W} height={H} role="img" aria-label={label}>
      <path d={`M ${path}`} fill="none" stroke="#0b3d63" strokeWidth={2} />
      {points.map((p, i) =>
        p.value === null ? null : (
          <g key={p.year}>
            <circle cx={x(i)} cy={y(p.value)} r={3.5} fill={p.estimated ? '#fff' : '#0b3d63'} stroke="#0b3d63" strokeWidth={1.5}>
              <title>{`${p.year}: ${format(p.value)}${p.note ? ` (${p.note})` : ''}`}</title>
            </circle>
            <text x={x(i)} y={H - 4} textAnchor="middle" fontSize={10} fill="#555">
              {String(p.year).slice(2)}
            </text>
          </g>
        ),
      )}
      <text x={PAD.l} y={10} fontSize={10} fill="#555">
        {format(hi)}
      </text>
    </svg>
  );
}
