import { z } from 'zod';
import { parseCsvRows } from '../core/csv.js';
import type { InputProblem } from '../core/errors.js';
import type { Turn } from '../core/types.js';
import { zodProblems } from '../schema/load.js';
import { EmotionLabelSchema } from '../schema/scenario.js';
import { conversationDate } from './conversation-date.js';
import type { Emotion } from './emotion.js';
import type { ReadResult } from './read-jsonl.js';

/** Speakers of the CSV form, as support tools and chat exports spell them. */
export const CSV_SPEAKERS = { customer: 'customer', user: 'customer', agent: 'agent', assistant: 'agent', system: 'system' } as const;

/** One row of the CSV form: a plain chat, one message per row (no tool calls, no ground truth: use --truth). */
export const CsvRowSchema = z.strictObject({
  conversation_id: z.string().min(1),
  turn: z.coerce.number({ error: 'a whole number (the message order within its conversation)' }).int().nonnegative(),
  speaker: z.enum(Object.keys(CSV_SPEAKERS) as [keyof typeof CSV_SPEAKERS, ...(keyof typeof CSV_SPEAKERS)[]]),
  text: z.string(),
  /** Optional: the message's time (ISO date-time or seconds since 1970); the first one dates the conversation. */
  timestamp: z.string().optional(),
  /** Optional, on customer rows, together: the customer's emotion (a scenario emotion label) and its intensity 0-10. */
  emotion: EmotionLabelSchema.optional(),
  intensity: z.coerce.number({ error: 'a whole number from 0 to 10' }).int().min(0).max(10).optional(),
});
type CsvRow = z.infer<typeof CsvRowSchema>;

export const CSV_COLUMNS = ['conversation_id', 'turn', 'speaker', 'text'] as const;

/** Reads the CSV form; conversations are grouped by id and ordered by `turn`; every problem names its line. */
export function readCsv(file: string, text: string): ReadResult {
  const problems: InputProblem[] = [];
  const [header, ...rows] = parseCsvRows(text);
  if (!header) return { records: [], problems: [{ file, path: '', expected: `a header row: ${CSV_COLUMNS.join(',')}`, found: 'an empty file' }] };
  const names = header.cells.map((h) => h.trim());
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { records: [], problems: [{ file, line: header.line, path: missing.join(', '), expected: `the columns ${CSV_COLUMNS.join(', ')} (and optionally timestamp, emotion, intensity)`, found: `columns ${names.join(', ')}` }] };

  const byId = new Map<string, { line: number; row: CsvRow }[]>();
  for (const { cells, line } of rows) {
    const data: Record<string, string> = {};
    names.forEach((n, i) => { data[n] = cells[i] ?? ''; });
    for (const k of ['timestamp', 'emotion', 'intensity']) if (data[k] === '') delete data[k];
    if (cells.length > names.length) { problems.push({ file, line, path: '', expected: `${names.length} cells, as in the header`, found: `${cells.length} cells` }); continue; }
    const parsed = CsvRowSchema.safeParse(data);
    if (!parsed.success) { problems.push(...zodProblems(file, data, parsed.error.issues).map((p) => ({ ...p, line }))); continue; }
    const r = parsed.data;
    if ((r.emotion === undefined) !== (r.intensity === undefined)) { problems.push({ file, line, path: r.emotion === undefined ? 'emotion' : 'intensity', expected: 'emotion and intensity together (or neither)', found: 'only one of them' }); continue; }
    if (r.emotion !== undefined && CSV_SPEAKERS[r.speaker] !== 'customer') { problems.push({ file, line, path: 'emotion', expected: "an emotion on a customer row only (the customer's)", found: `one on a ${r.speaker} row` }); continue; }
    const list = byId.get(parsed.data.conversation_id) ?? [];
    list.push({ line, row: parsed.data });
    byId.set(parsed.data.conversation_id, list);
  }

  const records: ReadResult['records'] = [];
  for (const [id, list] of byId) {
    const line = list[0]!.line;
    const seen = new Map<number, number>();
    for (const r of list) {
      const prev = seen.get(r.row.turn);
      if (prev !== undefined) problems.push({ file, line: r.line, path: 'turn', expected: `a turn number used once in conversation ${id}`, found: `${r.row.turn}, also on line ${prev}` });
      seen.set(r.row.turn, r.line);
    }
    const ordered = [...list].sort((a, b) => a.row.turn - b.row.turn);
    const turns: Turn[] = [];
    const brief: string[] = [];
    const emotions = new Map<number, Emotion>();
    for (const { row } of ordered) {
      const who = CSV_SPEAKERS[row.speaker];
      if (row.emotion !== undefined && row.intensity !== undefined) emotions.set(turns.length, { label: row.emotion, intensity: row.intensity });
      if (who === 'system') { if (row.text.trim()) brief.push(row.text.trim()); } else turns.push({ speaker: who, text: row.text });
    }
    if (!turns.some((t) => t.speaker === 'customer')) problems.push({ file, line, path: 'speaker', expected: `at least one customer/user row in conversation ${id}`, found: 'none' });
    if (!turns.some((t) => t.speaker === 'agent')) problems.push({ file, line, path: 'speaker', expected: `at least one agent/assistant row in conversation ${id}`, found: 'none' });
    const first = ordered.find((r) => r.row.timestamp !== undefined);
    const stamp = first?.row.timestamp;
    const date = conversationDate([{ path: 'timestamp', value: stamp === undefined ? undefined : /^\d+(\.\d+)?$/.test(stamp) ? Number(stamp) : stamp }]);
    if ('problem' in date) { problems.push({ file, line: first?.line ?? line, path: 'timestamp', expected: 'an ISO date or date-time, or seconds since 1970', found: date.problem.found }); continue; }
    records.push({ id, file, line, brief, turns, emotions, date, usage: null, costUsd: null, truth: null });
  }
  return { records, problems };
}
