export function ProgressBar({ value, label }: { value: number; label: string }) {
  const pct = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="admin-progress">
      <div className="admin-progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={label}>
        <div className="admin-progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span>{label}</span>
    </div>
  );
}
