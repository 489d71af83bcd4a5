import type { Denominator, MetricId } from './metrics.js';
import type { ClassMethod } from '../lib/classify.js';
import { viewParam, type ViewKey } from './viewParams.js';

export type MapLevel = 'province' | 'commune';

/** Every view state lives in the URL: reloading or sending the link reproduces the same map. */
export interface ViewState {
  metric: MetricId;
  denominator: Denominator;
  /** Show the change since this year instead of the value. */
  changeFrom: number | null;
  method: ClassMethod;
  k: number;
  /** Manual (or fixed) breaks; used when method is 'manual'. */
  breaks: number[];
  year: number | null; // null: the latest year with data
  /** A second map, synchronised with the first: its year (null: no second map; may equal the main map's year)… */
  compareYear: number | null;
  /** …its metric (null: the main map's, and then both share the main map's breaks)… */
  compareMetric: MetricId | null;
  compareDenominator: Denominator;
  /** …its own classing, used when its metric differs (units differ, so breaks cannot be shared)… */
  compareMethod: ClassMethod;
  compareK: number;
  compareBreaks: number[];
  /** …and how it is shown: null side by side, else over the first map, cut at this fraction of the width (swipe). */
  swipe: number | null;
  level: MapLevel;
  /** Province drilled into (its communes at the finer geometry). */
  province: string | null;
  /** Selected unit: a commune (5 digits) or a province (2 digits). */
  unit: string | null;
  /** Map position; null: fit the country or the province. */
  at: { zoom: number; lat: number; lng: number } | null;
  /** Presentation mode (conference projector): full screen, large type, key figures. */
  present: boolean;
  /** Presentation title and subtitle as edited by the presenter; null: the defaults. */
  title: string | null;
  subtitle: string | null;
  /** A deck being played in presentation mode, and its slide (1-based); null: none. */
  deck: number | null;
  slide: number | null;
}

export const DEFAULT_VIEW: ViewState = {
  metric: 'status',
  denominator: 'population',
  changeFrom: null,
  method: 'quantile',
  k: 5,
  breaks: [],
  year: null,
  compareYear: null,
  compareMetric: null,
  compareDenominator: 'population',
  compareMethod: 'quantile',
  compareK: 5,
  compareBreaks: [],
  swipe: null,
  level: 'commune',
  province: null,
  unit: null,
  at: null,
  present: false,
  title: null,
  subtitle: null,
  deck: null,
  slide: null,
};

const positive = (s: string | null) => (s && /^[1-9]\d{0,8}$/.test(s) ? Number(s) : null);
const text = (s: string | null) => (s && s.trim() ? s.slice(0, 200) : null);
const breaksParam = (method: ClassMethod, breaks: number[]) => (method === 'manual' && breaks.length ? breaks.map((b) => +b.toPrecision(6)).join(',') : null);

/** The view of a URL's query string: each key read by its rule (viewParams.ts); a value the rule refuses is left at its default. */
export function parseView(search: string): ViewState {
  const p = new URLSearchParams(search);
  const get = <K extends ViewKey, D>(key: K, fallback: D) => {
    const raw = p.get(key);
    return (raw === null ? undefined : viewParam(key, raw)) ?? fallback;
  };
  return {
    metric: get('metric', DEFAULT_VIEW.metric),
    denominator: get('denom', DEFAULT_VIEW.denominator),
    changeFrom: get('change', null),
    method: get('class', DEFAULT_VIEW.method),
    k: get('k', DEFAULT_VIEW.k),
    breaks: get('breaks', DEFAULT_VIEW.breaks),
    year: get('year', null),
    compareYear: get('compare', null),
    compareMetric: get('cmetric', null),
    compareDenominator: get('cdenom', DEFAULT_VIEW.compareDenominator),
    compareMethod: get('cclass', DEFAULT_VIEW.compareMethod),
    compareK: get('ck', DEFAULT_VIEW.compareK),
    compareBreaks: get('cbreaks', DEFAULT_VIEW.compareBreaks),
    swipe: get('swipe', null),
    level: get('level', DEFAULT_VIEW.level),
    province: get('province', null),
    unit: get('unit', null),
    at: get('at', null),
    present: p.get('present') === '1',
    title: text(p.get('title')),
    subtitle: text(p.get('subtitle')),
    deck: positive(p.get('deck')),
    slide: positive(p.get('slide')),
  };
}

/** Only what differs from the defaults goes into the URL, in a stable order. */
export function serializeView(v: ViewState): string {
  const p = new URLSearchParams();
  const put = (key: string, value: string | number | null, dflt: string | number | null) => {
    if (value !== null && value !== dflt) p.set(key, String(value));
  };
  put('metric', v.metric, DEFAULT_VIEW.metric);
  put('denom', v.denominator, DEFAULT_VIEW.denominator);
  put('change', v.changeFrom, null);
  put('class', v.method, DEFAULT_VIEW.method);
  put('k', v.k, DEFAULT_VIEW.k);
  put('breaks', breaksParam(v.method, v.breaks), null);
  put('year', v.year, null);
  // The second map's settings are written only while it is shown.
  if (v.compareYear !== null) {
    put('compare', v.compareYear, null);
    put('cmetric', v.compareMetric, null);
    put('cdenom', v.compareDenominator, DEFAULT_VIEW.compareDenominator);
    put('cclass', v.compareMethod, DEFAULT_VIEW.compareMethod);
    put('ck', v.compareK, DEFAULT_VIEW.compareK);
    put('cbreaks', breaksParam(v.compareMethod, v.compareBreaks), null);
    put('swipe', v.swipe === null ? null : +v.swipe.toFixed(3), null);
  }
  put('level', v.level, DEFAULT_VIEW.level);
  put('province', v.province, null);
  put('unit', v.unit, null);
  if (v.at) p.set('at', `${v.at.zoom.toFixed(2)}/${v.at.lat.toFixed(4)}/${v.at.lng.toFixed(4)}`);
  if (v.present) p.set('present', '1');
  put('title', v.title, null);
  put('subtitle', v.subtitle, null);
  put('deck', v.deck, null);
  put('slide', v.slide, null);
  const s = p.toString();
  return s ? `?${s}` : '';
}
