import { describe, expect, it } from 'vitest';
import { checkSlideView, DeckInputError } from './deck.js';
import { parseView } from './view.js';
import { viewParam, type ViewKey } from './viewParams.js';

const savedOk = (query: string) => {
  try {
    checkSlideView(query, 'view');
    return true;
  } catch (e) {
    if (e instanceof DeckInputError) return false;
    throw e;
  }
};

describe('the rule of a view key', () => {
  it('reads typed values', () => {
    expect(viewParam('year', '2024')).toBe(2024);
    expect(viewParam('k', '7')).toBe(7);
    expect(viewParam('breaks', '0.5,1.25,3')).toEqual([0.5, 1.25, 3]);
    expect(viewParam('at', '9.50/21.1234/105.9876')).toEqual({ zoom: 9.5, lat: 21.1234, lng: 105.9876 });
    expect(viewParam('swipe', '0.375')).toBe(0.375);
    expect(viewParam('metric', 'density')).toBe('density');
  });

  it('refuses what is out of range rather than clamping it', () => {
    for (const [key, value] of [
      ['k', '12'],
      ['k', '2'],
      ['ck', '1'],
      ['swipe', '1.5'],
      ['year', '1989'],
      ['compare', '2101'],
      ['at', '25/16/106'],
      ['at', '5/95/100'],
      ['breaks', '1,2,3,4,5,6,7,8,9'],
      ['breaks', ''],
      ['metric', 'evil'],
    ] as [ViewKey, string][]) {
      expect(viewParam(key, value), `${key}=${value}`).toBeUndefined();
    }
  });

  // The point of one rule: what a link may hold and what a deck may save cannot disagree.
  it.each([
    'k=12', 'k=3', 'ck=10', 'swipe=1.5', 'swipe=0', 'year=1989', 'year=2100', 'change=1990', 'at=24/16/106', 'at=24.5/16/106',
    'breaks=1,2,3', 'breaks=a,2', 'cbreaks=', 'level=district', 'province=1', 'unit=09367', 'metric=rate', 'cdenom=area',
  ])('the map and the deck agree on %s', (query) => {
    const key = query.split('=')[0] as ViewKey;
    const valid = viewParam(key, query.slice(key.length + 1)) !== undefined;
    expect(savedOk(query)).toBe(valid);
    // A refused value leaves the map's view at its default.
    if (!valid) expect(parseView(`?${query}`)).toEqual(parseView(''));
  });
});
