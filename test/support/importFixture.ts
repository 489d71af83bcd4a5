// A small two-vintage reference with Vietnamese names, and helpers to write return files, for the
// import tests (the real units are exercised by the API tests on the seeded database).

import type { Assessment, Unit } from '../../shared/domain/types.js';
import { COLUMNS } from '../../shared/import/columns.js';
import { openMemoryStore } from '../../server/store/sqlite.js';
import type { BatchWrite, Reference, Store } from '../../server/store/store.js';

const u = (vintage: Unit['vintage'], code: string, level: Unit['level'], provinceCode: string, name: string, type: string, districtCode: string | null = null): Unit => ({
  vintage,
  code,
  level,
  name,
  fullName: `${type} ${name}`,
  type,
  provinceCode,
  districtCode,
  population: 5000,
  areaKm2: 10,
});

const REFERENCE: Reference = {
  units: [
    u('2025', '01', 'province', '01', 'Hà Nội', 'Thành phố'),
    u('2025', '24', 'province', '24', 'Bắc Ninh', 'Tỉnh'),
    u('2025', '00004', 'commune', '01', 'Ba Đình', 'Phường'),
    u('2025', '00008', 'commune', '01', 'Ngọc Hà', 'Phường'),
    u('2025', '00010', 'commune', '01', 'Sóc Sơn', 'Xã'),
    u('2025', '09001', 'commune', '24', 'Đông Ngàn', 'Phường'),
    u('2025', '09002', 'commune', '24', 'Từ Sơn', 'Phường'),
    u('2025', '09003', 'commune', '24', 'Sóc Sơn', 'Xã'), // same name as 00010, another province
    u('pre2025', '01', 'province', '01', 'Hà Nội', 'Thành phố'),
    u('pre2025', '27', 'province', '27', 'Bắc Ninh', 'Tỉnh'),
    u('pre2025', '001', 'district', '01', 'Ba Đình', 'Quận'),
    u('pre2025', '256', 'district', '27', 'Từ Sơn', 'Thành phố'),
    u('pre2025', '00001', 'commune', '01', 'Phúc Xá', 'Phường', '001'),
    u('pre2025', '00002', 'commune', '01', 'Trúc Bạch', 'Phường', '001'),
    u('pre2025', '09100', 'commune', '27', 'Đông Ngàn', 'Phường', '256'),
    u('pre2025', '09101', 'commune', '27', 'Tân Hồng', 'Phường', '256'),
  ],
  crosswalk: [
    { oldCode: '00001', newCode: '00004', relation: 'full', weight: 1 },
    { oldCode: '00002', newCode: '00004', relation: 'partial', weight: 0.5 },
    { oldCode: '00002', newCode: '00008', relation: 'partial', weight: 0.5 },
    { oldCode: '09100', newCode: '09001', relation: 'full', weight: 1 },
    { oldCode: '09101', newCode: '09002', relation: 'full', weight: 1 },
  ],
};

export type Row = Omit<Assessment, 'batchId'>;
export const sampleRow = (communeCode: string, year: number, over: Partial<Row> = {}): Row => ({
  vintage: year >= 2025 ? '2025' : 'pre2025',
  communeCode,
  year,
  status: 'dat',
  exemplary: false,
  residential: { total: 10, certified: 9 },
  agencies: { total: 4, certified: 4 },
  enterprises: { total: 6, certified: 5 },
  schools: { total: 3, certified: 3 },
  models: 2,
  keyArea: false,
  hotSpot: false,
  ...over,
});

export const SAMPLE: BatchWrite = {
  origin: 'sample',
  source: 'fixture sample',
  note: '',
  assessments: [
    ...['00004', '00008', '00010', '09001', '09002', '09003'].map((c) => sampleRow(c, 2025)),
    ...['00001', '00002', '09100', '09101'].map((c) => sampleRow(c, 2024, { status: 'chua_dat' })),
  ],
  provinceReturns: [],
};

/** A store with the reference and the sample batch (a memory SQLite store unless `open` gives another). */
export async function fixtureStore(open: () => Promise<Store> = async () => openMemoryStore()): Promise<Store> {
  const s = await open();
  await s.replaceReference(REFERENCE);
  await s.writeBatch(SAMPLE);
  return s;
}

/** One return row by column id (the rest blank). */
export type Cells = Partial<Record<(typeof COLUMNS)[number]['id'], string>>;

/** A CSV file with the template's headings. */
export function returnsCsv(rows: Cells[], separator = ','): Buffer {
  const q = (s: string) => (/[",;\t\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [COLUMNS.map((c) => c.heading), ...rows.map((r) => COLUMNS.map((c) => r[c.id] ?? ''))];
  return Buffer.from(lines.map((l) => l.map(q).join(separator)).join('\n') + '\n', 'utf8');
}

export const filled = (code: string, over: Cells = {}): Cells => ({
  code,
  status: 'Đạt',
  rdTotal: '12',
  rdCertified: '11',
  agTotal: '3',
  agCertified: '3',
  enTotal: '5',
  enCertified: '4',
  scTotal: '2',
  scCertified: '2',
  models: '7',
  keyArea: '',
  hotSpot: 'x',
  ...over,
});

/** Every table of the schema (both dialects). */
const TABLES = ['meta', 'units', 'crosswalk', 'batches', 'assessments', 'province_returns', 'imports', 'assessment_history', 'users', 'sessions', 'audit_log', 'decks', 'deck_slides', 'import_mappings', 'login_attempts'];

/** Every table's content, to prove that a refused write changed nothing. */
export async function dump(s: Store): Promise<string> {
  const rows = await Promise.all(TABLES.map(async (t) => [t, (await s.sql.all(`SELECT * FROM ${t}`)).map((r) => JSON.stringify(r)).sort()]));
  return JSON.stringify(rows);
}
