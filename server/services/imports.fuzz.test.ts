// Thousands of random and malformed files and rows: the import never crashes, always says what is
// wrong (row, column, message, hint), and never writes anything for a file with errors.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared/lib/prng.js';
import { dump, filled, fixtureStore, returnsCsv, type Cells } from '../../test/support/importFixture.js';
import { COLUMNS } from '../../shared/import/columns.js';
import { templateXlsx } from '../import/template.js';
import { storeAdmin } from '../store/sql-admin.js';
import type { Store } from '../store/store.js';
import { ImportRejected } from './importReport.js';
import { ImportService } from './imports.js';

const rnd = mulberry32(20250701);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
const CODES_2025 = ['00004', '00008', '00010', '09001', '09002', '09003'];
const JUNK = ['', ' ', '"', '""', ';', ',', '\t', '\n', '\r\n', 'é', 'Ð', '\u0000', '\ufeff', '-', 'NaN', '1e9', '٣', '💥', 'x'.repeat(300), '=1+1', '0x10', 'null'];

/** Mutations that each make the file wrong; `apply` returns the rows (and maybe a new heading list). */
const BREAKERS: ((rows: Cells[]) => Cells[])[] = [
  (rows) => [...rows, filled(String(10000 + int(80000)))], // unknown code
  (rows) => [...rows, filled(pick(['00001', '09100']))], // a pre-2025 code in a 2025 file
  (rows) => [...rows, filled(pick(CODES_2025), { rdTotal: '5', rdCertified: String(6 + int(100)) })],
  (rows) => [...rows, filled(pick(CODES_2025), { agTotal: `-${1 + int(9)}` })],
  (rows) => [...rows, filled(pick(CODES_2025), { models: pick(['nhiều', 'abc', '1,5', '2.7', '∞']) })],
  (rows) => [...rows, filled(pick(CODES_2025), { status: pick(['tốt', 'khá', '?', 'đạt một phần']) })],
  (rows) => [...rows, filled(pick(CODES_2025), { hotSpot: pick(['có lẽ', '2', '??']) })],
  (rows) => [...rows, filled(pick(CODES_2025), { year: pick(['2024', '2026', 'năm nay']) })],
  (rows) => [...rows, filled('', { name: pick(['Không Tồn Tại', 'Xã Hư Cấu', '']) })], // no match, or nothing to match by
  (rows) => {
    const code = pick(CODES_2025);
    return [...rows, filled(code), filled(code)]; // duplicate
  },
  (rows) => [...rows, filled(pick(['12a', '123456', 'ABCDE']))],
];

function noise(rows: Cells[]): Cells[] {
  return rows.map((r) => {
    if (rnd() > 0.3) return r;
    const id = pick(COLUMNS).id;
    return { ...r, [id]: (r[id] ?? '') + pick(JUNK) };
  });
}

function malformedCsv(): Buffer {
  let rows: Cells[] = Array.from({ length: int(5) }, () => filled(pick(CODES_2025)));
  rows = noise(rows);
  rows = pick(BREAKERS)(rows);
  let bytes = returnsCsv(rows, pick([',', ';', '\t']));
  const roll = rnd();
  if (roll < 0.1) bytes = Buffer.from(bytes.toString('utf8').replace(/^[^\n]*\n/, '')); // no heading row
  else if (roll < 0.2) bytes = Buffer.from(bytes.toString('utf8').replace('Kết quả ANTT', pick(['Kết quả', 'Trạng thái?', '']))); // heading missing or changed
  else if (roll < 0.3) bytes = Buffer.concat([bytes, Buffer.from('"unterminated,1,2\n')]);
  else if (roll < 0.4) bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]);
  else if (roll < 0.45) bytes = bytes.subarray(0, int(bytes.indexOf(0x0a))); // cut inside the heading, maybe inside a character
  return bytes;
}

function randomBytes(): Buffer {
  const b = Buffer.alloc(int(1500));
  for (let i = 0; i < b.length; i++) b[i] = rnd() < 0.5 ? 32 + int(95) : int(256);
  const prefix = pick([[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0]]);
  return Buffer.concat([Buffer.from(prefix), b]);
}

describe('import fuzz', () => {
  let store: Store;
  let svc: ImportService;
  let xlsx: Buffer;
  beforeAll(async () => {
    store = await fixtureStore();
    svc = new ImportService(store, storeAdmin(store).ledger);
    const units = await store.units('2025', { level: 'commune' });
    xlsx = await templateXlsx({ year: 2025, title: 'fuzz', units });
  });
  afterAll(() => store.close());

  it('refuses every broken file with a located, explained problem and leaves the database unchanged', async () => {
    const before = await dump(store);
    const version = await store.version();
    const kinds = { csv: 0, bytes: 0, xlsx: 0 };
    for (let k = 0; k < 3000; k++) {
      let bytes: Buffer;
      const roll = rnd();
      if (roll < 0.03) {
        kinds.xlsx++;
        bytes = Buffer.from(xlsx);
        if (rnd() < 0.5) bytes = bytes.subarray(0, int(bytes.length));
        else for (let i = 0; i < 1 + int(20); i++) bytes[4 + int(bytes.length - 4)] = int(256);
      } else if (roll < 0.3) {
        kinds.bytes++;
        bytes = randomBytes();
      } else {
        kinds.csv++;
        bytes = malformedCsv();
      }
      const province = pick([null, null, '01', '24']);
      let rejected: ImportRejected | undefined;
      try {
        await svc.commit({ fileName: `fuzz-${k}`, bytes, year: 2025, provinceCode: province }, { province: null, label: 'toàn quốc' }, 'fuzz', false);
      } catch (e) {
        if (!(e instanceof ImportRejected)) throw new Error(`case ${k}: ${(e as Error).stack}`, { cause: e });
        rejected = e;
      }
      expect(rejected, `case ${k} was committed: ${JSON.stringify(bytes.toString("utf8"))}`).toBeDefined();
      const r = rejected!.report;
      expect(r.errors, `case ${k}`).toBeGreaterThan(0);
      for (const p of r.problems) {
        expect(p.message.length, `case ${k}`).toBeGreaterThan(5);
        expect(p.hint.length, `case ${k}`).toBeGreaterThan(5);
        expect(p.line, `case ${k}`).toBeGreaterThanOrEqual(0);
      }
    }
    expect(kinds.xlsx).toBeGreaterThan(30);
    expect(kinds.bytes).toBeGreaterThan(500);
    expect(await store.version()).toBe(version);
    expect(await dump(store)).toBe(before);
  }, 120_000);
});
