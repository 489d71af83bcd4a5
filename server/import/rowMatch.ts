// A commune row → its commune, never guessed: by code (the wrong map's code named as such), else by
// name within the row's province and district (match.ts), else a near name offered as a question the
// user confirms. Then what the match itself says about the row: a commune written twice, a name beside
// a code that is not the catalogue's, a commune outside the user's rights or the chosen province.

import type { Unit } from '../../shared/domain/types.js';
import type { ColumnId } from '../../shared/import/columns.js';
import type { CheckOptions, ProblemKind } from '../../shared/import/findings.js';
import { describeUnit, matchName, sameName, type UnitIndex } from './match.js';
import { nameKey } from '../../shared/import/normalize.js';
import type { Ask } from './questions.js';
import { parseCode } from './values.js';

/** Records a problem of the row in a column (null: the whole row). */
export type Say = (id: ColumnId | null, kind: ProblemKind, message: string, hint: string) => void;
export type Cell = (id: ColumnId) => string;

export interface RowMatch {
  unit: Unit;
  by: 'code' | 'name' | 'confirmed';
}

/** Where a row's name is looked up: provinces (null: anywhere), the district text, and a key for its question. */
export interface RowScope {
  provinces: string[] | null;
  district: string | null;
  /** Tells apart the same unknown name in two province blocks of one file. */
  block: string;
}

export function matchRow(cell: Cell, line: number, index: UnitIndex, scope: RowScope, year: number, err: Say, ask: Ask): RowMatch | undefined {
  const code = parseCode(cell('code'));
  if (!code.ok) {
    err('code', 'value', code.message, code.hint);
    return undefined;
  }
  if (code.value !== '') {
    const candidates = [code.value.padStart(5, '0'), ...(code.value.length <= 3 ? [code.value.padStart(3, '0')] : [])];
    for (const c of candidates) {
      const u = index.byCode.get(c);
      if (u) return { unit: u, by: 'code' };
    }
    const other = candidates.map((c) => index.otherByCode.get(c)).find((u) => u !== undefined);
    if (other) {
      const [mine, theirs] = index.vintage === '2025' ? ['từ 01/7/2025', 'trước 01/7/2025'] : ['trước 01/7/2025', 'từ 01/7/2025'];
      err('code', 'match', `Mã ${other.code} (${other.fullName}) là mã của địa giới ${theirs}, không dùng cho năm ${year}`, `Năm ${year} dùng danh mục xã ${mine}: tải đúng mẫu của năm này.`);
    } else err('code', 'match', `Không có xã nào mã ${code.value}`, 'Kiểm tra mã theo danh mục trong mẫu tải về.');
    return undefined;
  }
  const name = cell('name');
  if (name === '') {
    err(null, 'match', 'Thiếu cả mã và tên xã', 'Ghi mã xã (5 chữ số) hoặc tên xã.');
    return undefined;
  }
  const m = matchName(index, name, scope.district, scope.provinces);
  if (m.ok) return { unit: m.unit, by: 'name' };
  if (m.suggestions.length > 0) {
    const a = ask(
      {
        id: `name:${nameKey(name)}@${nameKey(scope.district ?? '')}${scope.block}`,
        kind: 'name',
        value: scope.district ? `${name} (${scope.district})` : name,
        options: m.suggestions.map((u) => ({ value: u.code, label: describeUnit(index, u) })),
        suggested: null,
      },
      line,
    );
    const chosen = a ? m.suggestions.find((u) => u.code === a) : undefined;
    if (chosen) return { unit: chosen, by: 'confirmed' };
  }
  err('name', 'match', m.message, m.hint);
  return undefined;
}

/** What a match says about its row; `seen` holds the line each commune was first written on. */
export function checkMatch(match: RowMatch, line: number, cell: Cell, index: UnitIndex, opts: CheckOptions, seen: Map<string, number>, err: Say, warn: Say): void {
  const { unit, by } = match;
  const at: ColumnId = by === 'code' ? 'code' : 'name';
  const firstLine = seen.get(unit.code);
  if (firstLine !== undefined) err(at, 'duplicate', `${unit.fullName} (${unit.code}) đã có ở dòng ${firstLine}`, 'Mỗi xã chỉ ghi một dòng: xóa dòng trùng.');
  else seen.set(unit.code, line);
  if (by === 'name') warn('name', 'matched-by-name', `Không có mã: khớp theo tên với ${describeUnit(index, unit)}`, 'Kiểm tra lại; ghi mã xã để chắc chắn.');
  else if (by === 'code' && !sameName(index, unit, cell('name'))) {
    warn('name', 'name-differs', `Tên "${cell('name')}" khác tên trong danh mục của mã ${unit.code}: ${unit.fullName}`, 'Số liệu được ghi theo mã; kiểm tra mã nếu tên đúng.');
  }
  if (!opts.allowed(unit)) err(at, 'scope', `${unit.fullName} (${unit.code}) nằm ngoài phạm vi tài khoản được nhập`, opts.scopeHint);
  if (opts.provinces !== null && !opts.provinces.includes(unit.provinceCode)) {
    err(
      at,
      'province',
      `${unit.fullName} (${unit.code}) thuộc ${index.provinceNames.get(unit.provinceCode) ?? unit.provinceCode}, không thuộc ${opts.provinces.map((p) => index.provinceNames.get(p) ?? p).join(', ')}`,
      'Nhập từng tỉnh một: chọn đúng tỉnh hoặc xóa dòng này.',
    );
  }
}
