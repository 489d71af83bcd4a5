/**
 * The conference pack's slides: the country, then every province in code order, all with the view's metric and the
 * country's classes (manual breaks), so that a colour means the same on every slide, as the PDF pack does.
 */
export function packViews(view: string, provinces: readonly string[], nationalBreaks: readonly number[] | null): string[] {
  const base = new URLSearchParams(view.replace(/^\?/, ''));
  for (const k of ['province', 'level', 'at', 'unit', 'title', 'subtitle', 'present', 'deck', 'slide']) base.delete(k);
  const national = base.toString();
  const fixed = new URLSearchParams(base);
  if (nationalBreaks?.length) {
    fixed.set('class', 'manual');
    fixed.set('k', String(nationalBreaks.length + 1));
    fixed.set('breaks', nationalBreaks.join(','));
  }
  return [national, ...provinces.map((p) => new URLSearchParams([...fixed, ['province', p]]).toString())];
}
