/** The view the URL describes; every view is a link. (Later: metric, level, classification, position.) */
export interface ViewState {
  year: number | null; // null: the latest year with data
  unit: string | null; // selected commune's GSO code
}

export function parseView(search: string): ViewState {
  const p = new URLSearchParams(search);
  const year = p.get('year');
  const unit = p.get('unit');
  return {
    year: year && /^\d{4}$/.test(year) ? Number(year) : null,
    unit: unit && /^\d{2,5}$/.test(unit) ? unit : null,
  };
}

export function serializeView(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.year !== null) p.set('year', String(v.year));
  if (v.unit !== null) p.set('unit', v.unit);
  const s = p.toString();
  return s ? `?${s}` : '';
}
