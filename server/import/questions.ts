// The questions a file raises, gathered one per spelling or name for the whole file ("11 dòng ghi "Đ":
// hiểu là Đạt?"), each with the dictionary's proposal and the answer given, if any. A row whose
// question is not answered yet is an error on that row, so nothing is written on a guess.

import type { Status } from '../../shared/domain/types.js';
import { STATUS_GUESSES, STATUS_LABELS, STATUS_WORDS } from '../../shared/import/dictionary.js';
import type { Answers, Question } from '../../shared/import/findings.js';
import { normalize } from '../../shared/import/normalize.js';

const STATUS_OPTIONS = (['dat', 'chua_dat', 'chua_danh_gia'] as const).map((s) => ({ value: s, label: STATUS_LABELS[s] }));
export const ZERO_OPTIONS = [
  { value: '0', label: 'Số 0' },
  { value: 'unknown', label: 'Chưa báo cáo (không rõ)' },
];

export type Ask = (q: Omit<Question, 'lines' | 'answer' | 'text'>, line: number) => string | null;

/** Gathers the questions of one file: `ask` records a row's question and returns its answer (or null). */
export function questionnaire(answers: Answers): { ask: Ask; questions: () => Question[] } {
  const asked = new Map<string, Question>();
  const ask: Ask = (q, line) => {
    const have = asked.get(q.id);
    if (have) have.lines.push(line);
    else asked.set(q.id, { ...q, text: '', lines: [line], answer: answers[q.id] ?? null });
    return answers[q.id] ?? null;
  };
  return { ask, questions: () => [...asked.values()].map(phrase) };
}

/** A result cell: a known spelling, an answered one, or null (asked, not answered: `unanswered` is called). */
export function readStatus(raw: string, line: number, ask: Ask, unanswered: () => void): Status | null {
  if (raw === '') return 'chua_danh_gia';
  const n = normalize(raw);
  const known = STATUS_WORDS[n];
  if (known) return known;
  const a = ask({ id: `status:${n || raw}`, kind: 'status', value: raw, options: STATUS_OPTIONS, suggested: STATUS_GUESSES[n] ?? null }, line);
  if (a === 'dat' || a === 'chua_dat' || a === 'chua_danh_gia') return a;
  unanswered();
  return null;
}

function phrase(q: Question): Question {
  const n = q.lines.length;
  const rows = `${n.toLocaleString('vi-VN')} ${q.kind === 'zero' ? 'ô' : 'dòng'} ghi "${q.value}"`;
  const suggestion = q.suggested ? q.options.find((o) => o.value === q.suggested)?.label : undefined;
  const text =
    q.kind === 'name'
      ? `${rows}: không có xã đúng tên này; có phải ${q.options.map((o) => o.label).join(' hoặc ')}?`
      : q.kind === 'zero'
        ? `${rows}: hiểu là số 0?`
        : suggestion
          ? `${rows}: hiểu là ${suggestion}?`
          : `${rows}: hiểu là kết quả nào?`;
  return { ...q, text };
}
