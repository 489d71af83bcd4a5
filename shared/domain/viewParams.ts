// What each key of a map view's URL may hold: one rule, read by the client's parseView (a value the rule
// refuses is dropped: the default is shown) and by the deck check of saved views (refused with 400, so a slide
// always shows what it was saved with). Out-of-range values are refused, never clamped, on both sides.
import * as z from 'zod/mini';
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES } from '../lib/classify.js';
import { DENOMINATORS, METRIC_IDS } from './metrics.js';

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const MAX_ZOOM = 24;

const oneOf = <T extends string>(all: readonly T[]) => z.custom<T>((s) => typeof s === 'string' && (all as readonly string[]).includes(s));
const number = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
const decimal = z.pipe(z.string().check(z.refine((s) => s.trim() !== '' && Number.isFinite(Number(s)))), z.transform(Number));
const within = (min: number, max: number) => z.pipe(decimal, number(min, max));
const digits = (re: RegExp, min: number, max: number) => z.pipe(z.pipe(z.string().check(z.regex(re)), z.transform(Number)), number(min, max));
const year = digits(/^\d{4}$/, MIN_YEAR, MAX_YEAR);
const classCount = digits(/^\d$/, MIN_CLASSES, MAX_CLASSES);
const breaks = z.pipe(
  z.pipe(z.string(), z.transform((s: string) => s.split(','))),
  z.array(decimal).check(z.maxLength(MAX_CLASSES - 1)),
);
const camera = z.pipe(
  z.pipe(z.pipe(z.string(), z.transform((s: string) => s.split('/'))), z.tuple([within(0, MAX_ZOOM), within(-90, 90), within(-180, 180)])),
  z.transform(([zoom, lat, lng]: [number, number, number]) => ({ zoom, lat, lng })),
);

const rule = <S extends z.ZodMiniType<unknown, string>>(schema: S, expects: string) => ({ schema, expects });
const YEAR = `năm 4 chữ số từ ${MIN_YEAR} đến ${MAX_YEAR}`;
const CLASSES = `số lớp từ ${MIN_CLASSES} đến ${MAX_CLASSES}`;
const BREAKS = `tối đa ${MAX_CLASSES - 1} ngưỡng là số, cách nhau bằng dấu phẩy`;

/** The keys of a view (without the presentation keys), each with its schema and what it expects, in words. */
export const VIEW_PARAMS = {
  metric: rule(oneOf(METRIC_IDS), METRIC_IDS.join(', ')),
  denom: rule(oneOf(DENOMINATORS), DENOMINATORS.join(', ')),
  change: rule(year, YEAR),
  class: rule(oneOf(CLASS_METHODS), CLASS_METHODS.join(', ')),
  k: rule(classCount, CLASSES),
  breaks: rule(breaks, BREAKS),
  year: rule(year, YEAR),
  compare: rule(year, YEAR),
  cmetric: rule(oneOf(METRIC_IDS), METRIC_IDS.join(', ')),
  cdenom: rule(oneOf(DENOMINATORS), DENOMINATORS.join(', ')),
  cclass: rule(oneOf(CLASS_METHODS), CLASS_METHODS.join(', ')),
  ck: rule(classCount, CLASSES),
  cbreaks: rule(breaks, BREAKS),
  swipe: rule(within(0, 1), 'tỷ lệ từ 0 đến 1'),
  level: rule(oneOf(['province', 'commune'] as const), 'province, commune'),
  province: rule(z.string().check(z.regex(/^\d{2}$/)), 'mã tỉnh 2 chữ số'),
  unit: rule(z.string().check(z.regex(/^\d{2}(\d{3})?$/)), 'mã đơn vị 2 hoặc 5 chữ số'),
  at: rule(camera, `zoom (0–${MAX_ZOOM})/vĩ độ/kinh độ, ví dụ 6.00/16.0000/106.0000`),
};

export type ViewKey = keyof typeof VIEW_PARAMS;
export const isViewKey = (key: string): key is ViewKey => Object.hasOwn(VIEW_PARAMS, key);

/** A key's value as its rule reads it; undefined when the rule refuses it. */
export function viewParam<K extends ViewKey>(key: K, raw: string): z.output<(typeof VIEW_PARAMS)[K]['schema']> | undefined {
  const r = VIEW_PARAMS[key].schema.safeParse(raw);
  return r.success ? (r.data as z.output<(typeof VIEW_PARAMS)[K]['schema']>) : undefined;
}
