import { describe, expect, it } from 'vitest';
import { checkSlide } from '../../shared/domain/deck.js';
import { DEFAULT_VIEW, parseView } from '../../shared/domain/view.js';
import { describeSlide, moveItem, slideForKey, slideOfView, viewOfSlide } from './slides.js';

describe('slides and views', () => {
  const playing = {
    ...DEFAULT_VIEW,
    metric: 'rate' as const,
    year: null,
    province: '24',
    at: { zoom: 8.25, lat: 21.12, lng: 106.05 },
    present: true,
    title: 'Tiêu đề sửa tay',
    subtitle: null,
    deck: 3,
    slide: 2,
  };

  it('saves the view shown, with its year written out and without the presentation keys', () => {
    const slide = slideOfView(playing, 2025, 'Kết quả năm 2025');
    expect(slide).toEqual({ title: 'Kết quả năm 2025', subtitle: null, view: 'metric=rate&year=2025&province=24&at=8.25%2F21.1200%2F106.0500' });
    // What the server stores is what the client saves.
    expect(checkSlide(slide, '')).toEqual(slide);
  });

  it('plays a slide: its view in presentation mode, its title and subtitle, the deck and slide number', () => {
    const v = viewOfSlide({ title: 'Bắc Ninh', subtitle: 'Phụ đề', view: 'metric=rate&year=2025&province=24&at=8.25%2F21.1200%2F106.0500' }, 7, 4);
    expect(v).toEqual({ ...parseView('?metric=rate&year=2025&province=24&at=8.25/21.12/106.05'), present: true, title: 'Bắc Ninh', subtitle: 'Phụ đề', deck: 7, slide: 4 });
    // Round trip: saving a played slide gives the same slide back.
    expect(slideOfView(v, 2025, 'Bắc Ninh')).toEqual({ title: 'Bắc Ninh', subtitle: 'Phụ đề', view: 'metric=rate&year=2025&province=24&at=8.25%2F21.1200%2F106.0500' });
  });
});

describe('describeSlide', () => {
  const names = (code: string) => ({ '24': 'Bắc Ninh' })[code] ?? code;
  it('says the metric, the year(s) and the place', () => {
    expect(describeSlide('year=2023&province=24', names)).toBe('Tình trạng công nhận · 2023 · Bắc Ninh');
    expect(describeSlide('metric=rate&year=2025&change=2021&level=province', names)).toBe('Tỷ lệ đạt chuẩn · thay đổi 2021–2025 · Toàn quốc, cấp tỉnh');
    expect(describeSlide('metric=density&year=2025&compare=2020', names)).toBe('Mật độ mô hình tự quản · 2025 và 2020 · Toàn quốc');
    expect(describeSlide('', names)).toBe('Tình trạng công nhận · năm mới nhất · Toàn quốc');
  });
});

describe('slideForKey', () => {
  const plain = { modifier: false, inTextField: false };
  it('steps forward and back, jumps to the ends, and stays within the deck', () => {
    expect(['ArrowRight', 'PageDown', 'ArrowDown'].map((k) => slideForKey(k, 2, 5, plain))).toEqual([3, 3, 3]);
    expect(['ArrowLeft', 'PageUp', 'ArrowUp'].map((k) => slideForKey(k, 2, 5, plain))).toEqual([1, 1, 1]);
    expect(slideForKey('Home', 4, 5, plain)).toBe(1);
    expect(slideForKey('End', 1, 5, plain)).toBe(5);
    expect(slideForKey('PageDown', 5, 5, plain)).toBe(5);
    expect(slideForKey('PageUp', 1, 5, plain)).toBe(1);
  });

  it('leaves other keys, modified keys, an empty deck and the caret in a text field alone', () => {
    expect(slideForKey('Enter', 1, 5, plain)).toBeNull();
    expect(slideForKey('Escape', 1, 5, plain)).toBeNull();
    expect(slideForKey('ArrowRight', 1, 5, { modifier: true, inTextField: false })).toBeNull();
    expect(slideForKey('PageDown', 1, 0, plain)).toBeNull();
    const typing = { modifier: false, inTextField: true };
    expect(slideForKey('ArrowRight', 1, 5, typing)).toBeNull();
    expect(slideForKey('Home', 3, 5, typing)).toBeNull();
    // A clicker's Page Down still works while the title field has focus.
    expect(slideForKey('PageDown', 1, 5, typing)).toBe(2);
  });
});

describe('moveItem', () => {
  it('moves one item up, down, to either end, and keeps the others in order', () => {
    expect(moveItem([1, 2, 3, 4], 2, 1)).toEqual([1, 3, 2, 4]);
    expect(moveItem([1, 2, 3, 4], 0, 1)).toEqual([2, 1, 3, 4]);
    expect(moveItem([1, 2, 3, 4], 3, 0)).toEqual([4, 1, 2, 3]);
    expect(moveItem([1, 2, 3, 4], 0, 3)).toEqual([2, 3, 4, 1]);
    expect(moveItem([1, 2, 3, 4], 1, 9)).toEqual([1, 3, 4, 2]);
  });
});
