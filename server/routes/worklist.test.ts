import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { missingSeededApi, skipUnlessCi } from '../../test/support/prerequisites.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../app.js';
import { paths } from '../config.js';
import { parseCsv } from '../../shared/lib/csv.js';
import type { StatsResponse } from '../services/stats.js';
import type { TargetResponse, WorklistResponse } from '../services/worklist.js';
import type { CommuneFigures } from '../../shared/domain/figures.js';
import { openSqliteStore } from '../store/sqlite.js';

const db = inject('seededDb');
const geoDir = join(paths().buildDir, 'geo');
const skip = skipUnlessCi('the worklist API tests', missingSeededApi(db, inject('seededDbSkip')));

describe.skipIf(skip)('worklist and target API on the seeded sample data', { timeout: 60_000 }, () => {
  const store = openSqliteStore(db!);
  const app = createApp({ store, geoDir });
  afterAll(() => store.close());
  const json = async <T>(path: string) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const stats = async (q: string) => (await json<StatsResponse>(`/api/stats?level=commune&${q}`)).units as CommuneFigures[];

  it('ranks the whole country by score, each row with its reasons, scores summing their weights', async () => {
    const w = await json<WorklistResponse>('/api/worklist?year=2025');
    expect(w.dataLabel).toBe('Dữ liệu minh họa');
    expect(w.considered).toBe(3321);
    expect(w.rows.length).toBeGreaterThan(500);
    const weight = new Map(w.weights.map((x) => [x.id, x.weight]));
    for (const r of w.rows) {
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.score).toBe(r.reasons.reduce((s, x) => s + weight.get(x.id)!, 0));
    }
    for (let i = 1; i < w.rows.length; i++) expect(w.rows[i - 1].score).toBeGreaterThanOrEqual(w.rows[i].score);
    // Every commune not certified in 2025 is on the default list.
    const notCertified = (await stats('year=2025')).filter((c) => c.status === 'chua_dat').map((c) => c.code).sort();
    expect(w.rows.filter((r) => r.status === 'chua_dat').map((r) => r.code).sort()).toEqual(notCertified);
  });

  it('finds communes not certified two years running across the 2024 → 2025 reform', async () => {
    const w = await json<WorklistResponse>('/api/worklist?year=2025&require=chua_dat_lien');
    expect(w.rows.length).toBeGreaterThan(0);
    const y2024 = new Map((await stats('year=2024')).map((c) => [c.code, c.status]));
    for (const r of w.rows) {
      expect(r.status).toBe('chua_dat');
      expect(y2024.get(r.code)).toBe('chua_dat');
      expect(r.reasons[0].text).toBe(`chưa đạt ${r.streak} năm liền (các năm trước 2025 quy đổi từ xã cũ)`);
    }
    const lost = await json<WorklistResponse>('/api/worklist?year=2025&require=mat_chuan');
    for (const r of lost.rows) expect([r.sinceStatus, r.status === 'dat']).toEqual(['dat', false]);
    // 2024 is the commune's predecessors rolled up: the reason says how many and how they stood.
    const p = (await stats('year=2024')).find((c) => c.code === lost.rows[0].code)!.predecessors!;
    expect(lost.rows[0].reasons.map((x) => x.text)).toContain(`mất chuẩn so với năm trước (năm 2024 quy đổi từ ${p.total} xã cũ, ${p.certified} đạt)`);
  });

  it('filters by province, type, status, key area or hot spot', async () => {
    const w = await json<WorklistResponse>('/api/worklist?year=2025&province=24&type=Xã&status=chua_dat,chua_danh_gia&require=trong_diem,diem_nong&match=any&minScore=0');
    const bn = (await stats('year=2025&province=24')).filter((c) => c.type === 'Xã' && c.status !== 'dat' && (c.keyArea || c.hotSpot));
    expect(w.rows.map((r) => r.code).sort()).toEqual(bn.map((c) => c.code).sort());
    expect(w.criteriaText).toContain('Phạm vi: Tỉnh Bắc Ninh');
  });

  it('exports the filtered list as XLSX and CSV with the header block', async () => {
    const q = 'year=2025&province=24&density=p25';
    const w = await json<WorklistResponse>(`/api/worklist?${q}`);
    const x = await app.request(`/api/worklist.xlsx?${q}`);
    expect(x.headers.get('Content-Disposition')).toBe('attachment; filename="danh-sach-xa-can-tap-trung-2025-24.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.arrayBuffer());
    const ws = wb.worksheets[0];
    const col1 = ws.getColumn(1).values.slice(1).map(String);
    expect(col1).toContain('DỮ LIỆU MINH HỌA: số liệu do bộ sinh dữ liệu mẫu tạo ra, không phải số liệu chính thức.');
    expect(col1).toContain('Ngưỡng mật độ mô hình (mô hình/10.000 dân): phân vị 25 toàn quốc');
    expect(col1.some((v) => /^Ngày xuất: \d\d\/\d\d\/\d{4}$/.test(v))).toBe(true);
    const codes = ws.getColumn(2).values.filter((v): v is string => typeof v === 'string' && /^\d{5}$/.test(v));
    expect(codes).toEqual(w.rows.map((r) => r.code));

    const c = await app.request(`/api/worklist.csv?${q}`);
    expect(c.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await c.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(new TextDecoder().decode(bytes));
    expect(records.at(-1)!.fields[1]).toBe(w.rows.at(-1)!.code);
  });

  it('plans a target: reachable, already met, and unreachable because of a hot spot', async () => {
    const t = await json<TargetResponse>('/api/targets?province=24&year=2025&target=95');
    expect(t.outcome).toBe('reachable');
    expect(t.communes).toHaveLength(t.needed);
    expect(t.communes.at(-1)!.projectedRate).toBeGreaterThanOrEqual(0.95);
    for (let i = 1; i < t.communes.length; i++) expect(t.communes[i - 1].closeness!).toBeGreaterThanOrEqual(t.communes[i].closeness!);
    expect((await json<TargetResponse>('/api/targets?province=24&year=2025&target=50')).outcome).toBe('met');
    // Xuân Lộc (province 66) has a hot spot and is not certified in 2025.
    const hot = await json<TargetResponse>('/api/targets?province=66&year=2025&target=100');
    expect(hot.outcome).toBe('unreachable');
    expect(hot.message).toMatch(/^Không thể đạt 100,00% trong năm/);
    const x = await app.request('/api/targets.xlsx?province=66&year=2025&target=97,5');
    expect(x.status).toBe(200);
    expect(x.headers.get('Content-Disposition')).toMatch(/muc-tieu-66-2025\.xlsx/);
  });

  it.each([
    ['/api/worklist', 400, 'year'],
    ['/api/worklist?year=2025&since=2025', 400, 'since'],
    ['/api/worklist?year=2025&status=dat,ok', 400, 'status'],
    ['/api/worklist?year=2025&type=Huyện', 400, 'type'],
    ['/api/worklist?year=2025&density=p0', 400, 'density'],
    ['/api/worklist?year=2025&require=xyz', 400, 'require'],
    ['/api/worklist?year=2025&match=some', 400, 'match'],
    ['/api/worklist?year=2025&minScore=-1', 400, 'minScore'],
    ['/api/worklist?year=2025&cell=3-1', 400, 'cell'],
    ['/api/worklist?year=2025&cert=x', 400, 'cert'],
    ['/api/worklist?year=2025&foo=1', 400, 'foo'],
    ['/api/worklist.csv?year=2025&province=1', 400, 'province'],
    ['/api/worklist?year=2030', 404, 'year'],
    ['/api/worklist?year=2025&province=99', 404, 'province'],
    ['/api/targets?year=2025&target=90', 400, 'province'],
    ['/api/targets?province=24&year=2025', 400, 'target'],
    ['/api/targets?province=24&year=2025&target=120', 400, 'target'],
    ['/api/targets?province=24&year=2025&target=0', 400, 'target'],
    ['/api/targets.xlsx?province=99&year=2025&target=90', 404, 'province'],
  ])('%s → %i naming %s', async (path, status, field) => {
    const res = await app.request(path);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { message: string; field: string } };
    expect(body.error.field).toBe(field);
    expect(body.error.message.length).toBeGreaterThan(15);
  });
});
