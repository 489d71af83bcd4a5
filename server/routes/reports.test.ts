import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { packViews } from '../../shared/export/office/packViews.js';
import { slug } from '../../shared/export/office/slug.js';
import { createApp } from '../app.js';
import { paths } from '../config.js';
import { storeAdmin } from '../store/sql-admin.js';
import { openSqliteStore } from '../store/sqlite.js';
import { parseWith } from './params.js';
import { reportQuery } from './reports.js';
import { skipUnlessCi } from '../../test/support/prerequisites.js';

const parseReportQuery = (q: Record<string, string>) => parseWith(reportQuery, q);

describe('report parameters, file names and the pack’s views', () => {
  it('reads the place and the date, and refuses what does not fit, in Vietnamese', () => {
    expect(parseReportQuery({ year: '2023', province: '27', date: '2024-02-06' })).toMatchObject({ year: 2023, kind: 'province', code: '27' });
    expect(parseReportQuery({ year: '2025' })).toMatchObject({ kind: 'country', code: null, date: null });
    expect(parseReportQuery({ year: '2024', commune: '02287' })).toMatchObject({ kind: 'commune', code: '02287' });
    expect(() => parseReportQuery({ year: '2025', district: '058' })).toThrow('không còn cấp huyện');
    expect(() => parseReportQuery({ year: '2025', province: '24', commune: '00004' })).toThrow('Chỉ chọn một địa bàn');
    expect(() => parseReportQuery({ year: '2025', province: '2' })).toThrow('mã tỉnh 2 chữ số');
    expect(() => parseReportQuery({ year: '2025', date: '06/02/2024' })).toThrow('YYYY-MM-DD');
    expect(() => parseReportQuery({ year: '2025', tinh: '24' })).toThrow('Tham số không được hỗ trợ: tinh');
  });

  it('names files in ASCII', () => {
    expect(slug('Tỉnh Bắc Ninh')).toBe('tinh-bac-ninh');
    expect(slug('Thị trấn Vĩnh Lộc')).toBe('thi-tran-vinh-loc');
    expect(slug('Đặc khu Côn Đảo')).toBe('dac-khu-con-dao');
  });

  it('makes the pack’s views: the country without a place, then each province with the country’s classes', () => {
    const v = packViews('year=2025&metric=rate&province=24&at=8/21/106&k=4', ['01', '24'], [0.9, 0.95, 0.98]);
    expect(v[0]).toBe('year=2025&metric=rate&k=4');
    expect(v[1]).toBe('year=2025&metric=rate&k=4&class=manual&breaks=0.9%2C0.95%2C0.98&province=01');
    expect(packViews('year=2025', ['01'], [])[1]).toBe('year=2025&province=01');
  });
});

const db = inject('seededDb');
const geoDir = join(paths().buildDir, 'geo');
const skip = skipUnlessCi('reports tests', !db ? inject('seededDbSkip') : !existsSync(join(geoDir, 'manifest.json')) ? 'boundary layers not built' : null);

describe.skipIf(skip)('report routes: bad requests', () => {
  const store = openSqliteStore(db!);
  const app = createApp({ store, geoDir, admin: storeAdmin(store) });
  afterAll(() => store.close());
  const error = async (path: string, status: number) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(status);
    return ((await res.json()) as { error: { message: string; field: string | null } }).error;
  };

  it('says what is wrong and where', async () => {
    expect(await error('/api/reports/report.docx?year=2023&province=99', 404)).toMatchObject({ field: 'province', message: expect.stringContaining('trước ngày 01/7/2025') });
    expect(await error('/api/reports/report.docx?year=2031', 404)).toMatchObject({ field: 'year' });
    expect(await error('/api/reports/report.docx?year=2024&commune=99999', 404)).toMatchObject({ field: 'commune' });
    expect(await error('/api/reports/slide?view=zoom%3D3', 400)).toMatchObject({ field: 'view.zoom' });
    expect(await error(`/api/reports/slide?view=year%3D2025&title=${'x'.repeat(201)}`, 400)).toMatchObject({ field: 'title' });
    expect(await error('/api/reports/deck.pptx?deck=999999', 404)).toMatchObject({ field: 'deck' });
    expect(await error('/api/reports/deck.pptx?deck=abc', 400)).toMatchObject({ field: 'deck' });
  });
});
