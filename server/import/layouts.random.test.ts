// Randomised layouts over the real catalogue (seeded, so a failure replays): random title rows, 1–3
// header rows with merged groups, shuffled and extra columns, total/district/signature rows inserted
// at random, names with and without type words, in capitals, abbreviated. Every commune row must land
// on its own code, no other row may be imported, and nothing may crash.

import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared/lib/prng.js';
import { checkFile, haveData, realUnits, suggested, workbook, type Cell } from '../../test/support/returnLayouts.js';
import type { Unit } from '../../shared/domain/types.js';
import { STATUS_WORDS } from '../../shared/import/dictionary.js';
import { nameKey, splitCommuneName } from '../../shared/import/normalize.js';
import { skipUnlessCi } from '../../test/support/prerequisites.js';

const CASES = 40;
const ABBREV: Record<string, string[]> = { Phường: ['P.', 'P. '], Xã: ['X. ', 'xã '], 'Thị trấn': ['TT ', 'TT. '], 'Đặc khu': ['Đặc khu '] };
const STATUS_SPELLINGS = Object.keys(STATUS_WORDS).filter((s) => !/^\d$|^x$|^co$/.test(s));

interface Col {
  key: string;
  /** Header rows, top to bottom (null: merged from above, i.e. the same text again). */
  head: string[];
}

describe.skipIf(skipUnlessCi('randomised return layouts', haveData ? null : 'source data (units/2025/communes.csv) missing'))('randomised return layouts', () => {
  it(`puts every commune row on its own code in ${CASES} random layouts, and imports nothing else`, async () => {
    const rnd = mulberry32(12_2025);
    const int = (n: number) => Math.floor(rnd() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
    const { units } = realUnits();
    const districts = new Map(units.filter((u) => u.level === 'district').map((u) => [u.code, u]));

    for (let c = 0; c < CASES; c++) {
      const old = rnd() < 0.5;
      const vintage = old ? 'pre2025' : '2025';
      const provinces = units.filter((u) => u.vintage === vintage && u.level === 'province');
      const province = pick(provinces).code;
      const pool = units.filter((u) => u.vintage === vintage && u.level === 'commune' && u.provinceCode === province);
      const withCode = rnd() < 0.4;
      const districtColumn = old && rnd() < 0.5;
      const districtRows = old && !districtColumn;
      const scopeOf = (u: Unit) => pool.filter((v) => !old || v.districtCode === u.districtCode);
      const written = (u: Unit): string | null => {
        const forms: string[] = [];
        const same = scopeOf(u);
        const bare = splitCommuneName(u.fullName).key;
        if (same.filter((v) => nameKey(v.fullName) === nameKey(u.fullName)).length === 1) {
          forms.push(u.fullName, u.fullName.toUpperCase(), pick(ABBREV[u.type] ?? [`${u.type} `]) + u.fullName.slice(u.type.length + 1));
          if (same.filter((v) => splitCommuneName(v.fullName).key === bare).length === 1 && !/^\d+$/.test(bare)) forms.push(u.fullName.slice(u.type.length + 1));
        }
        return forms.length ? pick(forms) : withCode ? u.fullName : null;
      };
      // A few communes, grouped by district as returns are.
      const chosen = [...new Set(Array.from({ length: 4 + int(10) }, () => pick(pool)))]
        .map((u) => ({ u, name: written(u) }))
        .filter((x): x is { u: Unit; name: string } => x.name !== null)
        .sort((a, b) => (a.u.districtCode ?? '').localeCompare(b.u.districtCode ?? ''));
      if (chosen.length === 0) continue;

      const height = 1 + int(3);
      const two = (group: string, sub: string, flat: string): string[] => (height === 1 ? [flat] : height === 2 ? [group, sub] : [group, group, sub]);
      const one = (t: string): string[] => Array(height).fill(t);
      let cols: Col[] = [
        { key: 'name', head: one(pick(['Tên đơn vị', 'Tên xã, phường', 'Xã, phường, thị trấn', 'Đơn vị'])) },
        { key: 'status', head: one(pick(['Kết quả phân loại', 'Kết quả ANTT', 'Xếp loại'])) },
      ];
      if (withCode) cols.push({ key: 'code', head: one(pick(['Mã xã', 'Mã ĐVHC', 'Mã đơn vị'])) });
      if (districtColumn) cols.push({ key: 'district', head: one(pick(['Huyện/TP', 'Quận, huyện', 'Huyện, thị xã, thành phố'])) });
      if (rnd() < 0.7) cols.push({ key: 'rd', head: [] });
      if (rnd() < 0.5) cols.push({ key: 'models', head: one(pick(['Số mô hình tự quản', 'Mô hình tự quản'])) });
      if (rnd() < 0.5) cols.push({ key: 'extra', head: one(pick(['Ghi chú', 'Người báo cáo', 'Số điện thoại'])) });
      cols = cols.sort(() => rnd() - 0.5);
      if (rnd() < 0.7) cols.unshift({ key: 'seq', head: one('STT') });
      // The residential pair under one merged group heading.
      const k = cols.findIndex((x) => x.key === 'rd');
      if (k >= 0) {
        const pct = rnd() < 0.4;
        cols.splice(
          k,
          1,
          { key: 'rdTotal', head: two('Khu dân cư', pick(['Tổng số', 'Số lượng']), 'Khu dân cư (tổng số)') },
          { key: 'rdCertified', head: two('Khu dân cư', pick(['Đạt chuẩn', 'Đạt', 'Số đạt']), 'Khu dân cư đạt') },
          ...(pct ? [{ key: 'rdRate', head: two('Khu dân cư', 'Tỷ lệ (%)', 'Tỷ lệ KDC đạt (%)') }] : []),
        );
      }
      const width = cols.length;
      const letter = (i: number) => String.fromCharCode(65 + i);
      const merges: string[] = [];
      const rows: Cell[][] = [];
      const titles = int(5);
      for (let t = 0; t < titles; t++) {
        rows.push([pick(['CÔNG AN TỈNH', 'BIỂU TỔNG HỢP KẾT QUẢ PHÂN LOẠI XÃ, PHƯỜNG NĂM 2024', '(Kèm theo báo cáo số 12/BC)', 'Độc lập - Tự do - Hạnh phúc'])]);
        if (rnd() < 0.7) merges.push(`A${rows.length}:${letter(width - 1)}${rows.length}`);
      }
      if (rnd() < 0.3) rows.push([]);
      const headTop = rows.length + 1;
      for (let h = 0; h < height; h++) rows.push(cols.map((x) => (h > 0 && x.head[h] === x.head[h - 1] ? null : x.head[h])));
      // Merged as Excel users merge them: a single heading down the band, the group heading across its pair.
      cols.forEach((x, i) => {
        if (height > 1 && !x.key.startsWith('rd')) merges.push(`${letter(i)}${headTop}:${letter(i)}${headTop + height - 1}`);
      });
      if (height > 1 && k >= 0) {
        const span = cols.filter((x) => x.key.startsWith('rd')).length;
        for (let h = 0; h < height - 1; h++) for (let j = 0; j < span; j++) if (h > 0 || j > 0) rows[headTop - 1 + h][k + j] = null;
        merges.push(`${letter(k)}${headTop}:${letter(k + span - 1)}${headTop + height - 2}`);
      }
      if (rnd() < 0.3) rows.push(cols.map((_, i) => `(${i + 1})`));

      const expected = new Map<number, string>();
      const notData = new Set<number>();
      let lastDistrict: string | null = null;
      let seq = 0;
      const answers: Record<string, string> = {};
      for (const { u, name } of chosen) {
        const d = u.districtCode ? districts.get(u.districtCode) : undefined;
        if (districtRows && d && d.code !== lastDistrict) {
          lastDistrict = d.code;
          const text = rnd() < 0.5 ? d.fullName : d.fullName.replace(/^Thành phố /, 'TP. ').replace(/^Thị xã /, 'TX. ').replace(/^Huyện /, 'H. ');
          rows.push(cols.map((x) => (x.key === 'name' ? text : x.key === 'seq' ? pick(['I', 'II', 'A', '']) : x.key === 'status' && rnd() < 0.3 ? `${1 + int(9)}/${10 + int(9)}` : null)));
          notData.add(rows.length);
        }
        if (rnd() < 0.1) rows.push([]);
        const total = 5 + int(40);
        const certified = int(total + 1);
        const spelled = pick(STATUS_SPELLINGS);
        const status = rnd() < 0.2 ? pick(['Đ', 'Ko đạt', 'Giữ vững']) : spelled.replace(/^dat/, 'Đạt');
        rows.push(
          cols.map((x) => {
            switch (x.key) {
              case 'seq': return ++seq;
              case 'name': return name;
              case 'code': return rnd() < 0.5 ? u.code : Number(u.code);
              case 'district': return d?.fullName ?? null;
              case 'status': return rnd() < 0.3 ? status.toUpperCase() : status;
              case 'rdTotal': return total;
              case 'rdCertified': return certified === 0 && rnd() < 0.5 ? '-' : certified;
              case 'rdRate': return Math.round((certified / total) * 100);
              case 'models': return int(20);
              default: return rnd() < 0.5 ? 'ghi chú' : null;
            }
          }),
        );
        expected.set(rows.length, u.code);
      }
      const total = cols.map((x) => (x.key === 'name' ? pick(['Tổng cộng', 'Cộng', 'TỔNG SỐ', 'Toàn tỉnh']) : x.key === 'rdTotal' ? 999 : null));
      rows.push(total);
      notData.add(rows.length);
      if (rnd() < 0.8) {
        rows.push([], [null, pick(['NGƯỜI LẬP BIỂU', 'Người lập biểu']), null, pick(['GIÁM ĐỐC', 'KT. GIÁM ĐỐC'])], [null, '(Ký, ghi rõ họ tên)'], [null, 'Nguyễn Văn Hùng', null, 'Đại tá Trần Quốc Bảo']);
        for (const n of [rows.length - 2, rows.length - 1, rows.length]) notData.add(n);
      }

      const bytes = await workbook([{ name: `Biểu ${c}`, rows, merges }]);
      const what = `case ${c} (${vintage}, province ${province}, header ${height}, columns ${cols.map((x) => x.key).join(',')})`;
      const first = await checkFile(bytes, { year: old ? 2024 : 2025, provinces: [province] });
      Object.assign(answers, suggested(first));
      const r = await checkFile(bytes, { year: old ? 2024 : 2025, provinces: [province], answers });
      const problems = r.problems.filter((p) => p.severity === 'error').map((p) => `${p.line}: ${p.message}`);
      expect(problems, what).toEqual([]);
      expect(new Map(r.valid.map((v) => [v.line, v.unit.code])), what).toEqual(expected);
      for (const line of notData) expect(r.skipped.map((s) => s.line), `${what}: line ${line} is not a commune`).toContain(line);
    }
  });
});
