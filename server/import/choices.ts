// The user's choices about a file as the API and the CLI take them (JSON): the column of each heading
// by column letter, the answers to the report's questions, the sheet to read. Checked here, once.

import { z } from 'zod';
import { ALL_COLUMNS } from '../../shared/import/columns.js';
import type { ColumnMapping } from './table.js';
import type { Answers } from './validate.js';

const columnIds = ALL_COLUMNS.map((c) => c.id) as [string, ...string[]];

const Schema = z
  .object({
    mapping: z.record(z.string().regex(/^[A-Z]{1,3}$/, 'cột phải là chữ cái (A, B, …, AA)'), z.enum([...columnIds, 'ignore'])).optional(),
    answers: z.record(z.string().max(300), z.string().max(50)).optional(),
    sheet: z.string().max(100).optional(),
  })
  .strict();

export interface ParsedChoices {
  mapping?: ColumnMapping;
  answers?: Answers;
  sheet?: string;
}

/** Choices from JSON text; a message in Vietnamese saying what is wrong otherwise. */
export function parseChoices(json: string): { ok: true; value: ParsedChoices } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, message: 'Lựa chọn ghép cột không phải JSON hợp lệ' };
  }
  const r = Schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, message: `Lựa chọn ghép cột không hợp lệ (${i.path.join('.') || 'gốc'}): ${i.message}` };
  }
  return { ok: true, value: r.data as ParsedChoices };
}

/** "E=rdCertified,F=ignore" (the CLI's short form) → a mapping. */
export function parseMappingPairs(s: string): { ok: true; value: ColumnMapping } | { ok: false; message: string } {
  const out: Record<string, string> = {};
  for (const part of s.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]{1,3})\s*=\s*(\w+)$/.exec(part);
    if (!m) return { ok: false, message: `"${part}": cần dạng CỘT=mã_cột, ví dụ E=rdCertified` };
    out[m[1].toUpperCase()] = m[2];
  }
  const r = parseChoices(JSON.stringify({ mapping: out }));
  return r.ok ? { ok: true, value: r.value.mapping ?? {} } : r;
}
