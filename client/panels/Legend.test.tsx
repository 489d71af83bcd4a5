import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildLegend, type Row } from '../../shared/lib/legendModel.js';
import { Legend } from './Legend.js';

// The province change map's legend (rate, change on a year), for changes all above, all below and on both sides of zero.
const rows = (changes: readonly number[]) => {
  const before: Row[] = changes.map((_, i) => ({ code: `P${i}`, status: 'dat', residential: { total: 100, certified: 50 }, models: 0, population: 1, areaKm2: 1 }));
  return { before, now: before.map((r, i) => ({ ...r, residential: { total: 100, certified: 50 + changes[i] } })) };
};
const CASES = {
  'all above': [3.8, 5.2, 7.7, 9.1, 12.4, 18.4, 25.0, 42.1],
  'all below': [-3.8, -5.2, -7.7, -9.1, -12.4, -18.4, -25.0, -42.1],
  'both sides': [-9.0, -3.1, -0.2, 0, 0.3, 2.4, 5.5, 12.0],
};

/** The legend's classes as a reader sees them: colour, range, count. */
function classesOf(markup: string): string[] {
  return [...markup.matchAll(/<li data-class="([^"]+)"><span class="[^"]*"(?: style="background:([^"]*)")?><\/span><span class="label">([^<]*)<\/span><span class="count">([^<]*)<\/span><\/li>/g)].map(
    ([, id, color, label, count]) => `${id} ${color ?? 'hatched'} ${label.replace(/&lt;/g, '<')} (${count})`,
  );
}

describe('the change legend (snapshot)', () => {
  for (const [name, changes] of Object.entries(CASES)) {
    it(name, () => {
      const { now, before } = rows(changes);
      const model = buildLegend(now, { metric: 'rate', denominator: 'population', changeFrom: 2024, classing: { method: 'quantile', k: 5, breaks: [] } }, before);
      const html = renderToStaticMarkup(<Legend model={model} title={model.title} method="quantile" k={5} note={null} source={null} onClassing={() => undefined} />);
      const classes = classesOf(html);
      expect(classes.length).toBe(model.entries.length);
      expect(classes).toMatchSnapshot();
    });
  }
});
