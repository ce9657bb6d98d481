import type { InputProblem } from '../core/errors.js';
import type { Turn } from '../core/types.js';
import { zodProblems } from '../schema/load.js';
import { chatToTurns } from './chat-turns.js';
import { conversationDate } from './conversation-date.js';
import type { Emotion } from './emotion.js';
import { AuditLineSchema, misspeltKey, type AuditLine } from './jsonl-line.js';
import type { AuditRecord } from './record.js';
import { toTruth, truthPairProblem } from './truth.js';
import { canonicalUsage } from './usage.js';

export interface ReadResult {
  records: AuditRecord[];
  problems: InputProblem[];
}

const clip = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** A conversation-wide `metadata.emotion` annotates every customer turn that has none of its own. */
function withConversationEmotion(turns: Turn[], own: Map<number, Emotion>, all: Emotion | undefined): Map<number, Emotion> {
  const out = new Map(own);
  if (all) turns.forEach((t, i) => { if (t.speaker === 'customer' && !out.has(i)) out.set(i, all); });
  return out;
}

/** The checked line to a record; problems name the file, the line and the field. */
function recordOf(file: string, line: number, l: AuditLine): { record?: AuditRecord; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const p = (path: string, expected: string, found: string): void => { problems.push({ file, line, path, expected, found }); };
  const md = l.metadata ?? {};
  for (const key of Object.keys(md)) {
    const want = misspeltKey(key);
    if (want) p(`metadata.${key}`, `\`${want}\` (a field cxbench reads; other metadata keys are ignored)`, `\`${key}\``);
  }
  const pair = truthPairProblem(md);
  if (pair) p(`metadata.${pair.path}`, pair.expected, pair.found);
  const chat = chatToTurns(l.messages, { file, line });
  problems.push(...chat.problems);
  const date = conversationDate([
    { path: 'metadata.date', value: md.date },
    { path: 'metadata.timestamp', value: md.timestamp },
    ...l.messages.map((m, i) => ({ path: `messages.${i}.timestamp`, value: m.timestamp })),
  ]);
  if ('problem' in date) p(date.problem.path, 'a date: YYYY-MM-DD, an ISO date-time, or seconds/milliseconds since 1970', date.problem.found);
  if (problems.length || 'problem' in date) return { problems };
  return {
    problems,
    record: {
      id: l.id, file, line, brief: chat.brief, turns: chat.turns, date,
      emotions: withConversationEmotion(chat.turns, chat.emotions, md.emotion),
      usage: md.usage ? canonicalUsage(md.usage) : null,
      costUsd: md.cost_usd ?? null,
      truth: toTruth(md),
    },
  };
}

/** Reads every line of a JSONL transcript file and reports every problem at once (file:line, field, expectation). */
export function readJsonl(file: string, text: string): ReadResult {
  const records: AuditRecord[] = [];
  const problems: InputProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      problems.push({ file, line, path: '', expected: 'one JSON object per line', found: `${JSON.stringify(clip(raw.trim()))} (${e instanceof Error ? e.message : 'not JSON'})` });
      return;
    }
    const parsed = AuditLineSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...zodProblems(file, data, parsed.error.issues).map((x) => ({ ...x, line })));
      return;
    }
    const r = recordOf(file, line, parsed.data);
    problems.push(...r.problems);
    if (r.record) records.push(r.record);
  });
  return { records, problems };
}
