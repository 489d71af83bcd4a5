import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, serializeView } from './view.js';
import { DeckInputError, MAX_SLIDES, checkDeckName, checkSlide, checkSlideChange, checkSlideView, deckFile, parseDeckFile } from './deck.js';

const refused = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DeckInputError) return { message: e.message, field: e.field };
    throw e;
  }
  throw new Error('not refused');
};

describe('checkSlideView', () => {
  it('keeps a valid view as given, without "?" and the presentation keys', () => {
    expect(checkSlideView('?year=2023&province=24&at=7.50/21.1000/106.0500&present=1&deck=3&slide=2', 'view')).toBe('year=2023&province=24&at=7.50%2F21.1000%2F106.0500');
    expect(checkSlideView('', 'view')).toBe('');
  });

  it('accepts every key the map puts in its URL', () => {
    const everything = serializeView({
      ...DEFAULT_VIEW,
      metric: 'density',
      denominator: 'area',
      changeFrom: 2020,
      method: 'manual',
      k: 4,
      breaks: [0.5, 1, 2],
      year: 2024,
      compareYear: 2022,
      level: 'province',
      province: '01',
      unit: '00004',
      at: { zoom: 8, lat: 21, lng: 105.8 },
    });
    const keys = [...new URLSearchParams(everything).keys()];
    expect(keys.length).toBeGreaterThanOrEqual(12);
    expect(new URLSearchParams(checkSlideView(everything, 'view'))).toEqual(new URLSearchParams(everything));
    const second = 'compare=2022&cmetric=rate&cdenom=area&cclass=manual&ck=4&cbreaks=0.2,0.5,0.9&swipe=0.35';
    expect(checkSlideView(second, 'view')).toBe(new URLSearchParams(second).toString());
    expect(refused(() => checkSlideView('swipe=1.5', 'view')).field).toBe('view.swipe');
  });

  it('refuses unknown keys and bad values, naming the key', () => {
    expect(refused(() => checkSlideView('year=2023&zoom=5', 'view'))).toMatchObject({ field: 'view.zoom' });
    expect(refused(() => checkSlideView('year=23', 'slides[1].view'))).toMatchObject({ field: 'slides[1].view.year', message: expect.stringContaining('"23"') });
    expect(refused(() => checkSlideView('k=12', 'view')).field).toBe('view.k');
    expect(refused(() => checkSlideView('metric=bogus', 'view')).message).toContain('status, rate, density');
    expect(refused(() => checkSlideView('at=5/95/100', 'view')).field).toBe('view.at');
    expect(refused(() => checkSlideView('at=5/a/100', 'view')).field).toBe('view.at');
    expect(refused(() => checkSlideView('province=1', 'view')).field).toBe('view.province');
    expect(refused(() => checkSlideView('year=2023&year=2024', 'view')).field).toBe('view.year');
    expect(refused(() => checkSlideView('title=x', 'view')).field).toBe('view.title');
    expect(refused(() => checkSlideView(42, 'view')).field).toBe('view');
    expect(refused(() => checkSlideView(`breaks=${'1,'.repeat(600)}1`, 'view')).message).toContain('1000');
  });
});

describe('slides and names', () => {
  it('trims texts and turns an empty subtitle into the default (null)', () => {
    expect(checkSlide({ title: '  Hà Nội 2024 ', subtitle: '', view: 'year=2024' }, '')).toEqual({ title: 'Hà Nội 2024', subtitle: null, view: 'year=2024' });
    expect(checkDeckName(' Hội nghị tổng kết ')).toBe('Hội nghị tổng kết');
  });

  it('refuses missing, long or control-character texts', () => {
    expect(refused(() => checkSlide({ view: '' }, 'slides[0]')).field).toBe('slides[0].title');
    expect(refused(() => checkSlide({ title: 'a', subtitle: 'x'.repeat(201), view: '' }, '')).field).toBe('subtitle');
    expect(refused(() => checkDeckName('a\u0007b')).message).toContain('điều khiển');
    expect(refused(() => checkDeckName('  ')).field).toBe('name');
    expect(refused(() => checkSlide([], 'slides[3]')).field).toBe('slides[3]');
  });

  it('checks a slide edit field by field, and refuses an empty one', () => {
    expect(checkSlideChange({ title: ' Mới ' })).toEqual({ title: 'Mới' });
    expect(checkSlideChange({ subtitle: null, view: '?year=2020' })).toEqual({ subtitle: null, view: 'year=2020' });
    expect(refused(() => checkSlideChange({})).field).toBe('body');
    expect(refused(() => checkSlideChange({ view: 'year=abc' })).field).toBe('view.year');
  });
});

describe('the export file', () => {
  const deck = {
    name: 'Tổng kết 2025',
    slides: [
      { title: 'Toàn quốc', subtitle: null, view: 'year=2025' },
      { title: 'Bắc Ninh', subtitle: 'Phụ đề', view: 'year=2023&province=24' },
    ],
  };

  it('round-trips through JSON', () => {
    const file = deckFile({ ...deck, slides: deck.slides.map((s, k) => ({ ...s, id: k, position: k })) }, new Date('2026-01-02T03:04:05Z'));
    expect(file).toEqual({ format: 'antq-deck', version: 1, name: deck.name, exportedAt: '2026-01-02T03:04:05.000Z', slides: deck.slides });
    expect(parseDeckFile(JSON.parse(JSON.stringify(file)))).toEqual(deck);
  });

  it('says what is wrong and where', () => {
    const file = deckFile(deck);
    expect(refused(() => parseDeckFile([])).field).toBe('file');
    expect(refused(() => parseDeckFile({ ...file, format: 'other' })).field).toBe('format');
    expect(refused(() => parseDeckFile({ ...file, version: 2 })).field).toBe('version');
    expect(refused(() => parseDeckFile({ ...file, slides: undefined })).field).toBe('slides');
    expect(refused(() => parseDeckFile({ ...file, slides: Array(MAX_SLIDES + 1).fill(deck.slides[0]) })).field).toBe('slides');
    const bad = { ...file, slides: [deck.slides[0], { ...deck.slides[1], view: 'year=2023&province=XX' }] };
    expect(refused(() => parseDeckFile(bad))).toEqual({ field: 'slides[1].view.province', message: expect.stringContaining('mã tỉnh') });
  });
});
