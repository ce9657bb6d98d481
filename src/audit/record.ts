import type { Turn, Usage } from '../core/types.js';
import type { ConversationDate } from './conversation-date.js';
import type { Emotion } from './emotion.js';
import type { Truth } from './truth.js';

/** One audited conversation after reading and checking, whatever the file format it came from. */
export interface AuditRecord {
  /** The conversation's own id, as written in the file. */
  id: string;
  file: string;
  /** Line of the file where the conversation starts (JSONL: its line; CSV: its first row). */
  line: number;
  /** System (and developer) messages: the agent's brief, grounding material unless --no-system-brief. */
  brief: string[];
  turns: Turn[];
  /**
   * The customer's annotated emotion per customer turn (index into `turns`), when the file gives it; a turn without
   * one has no known emotional load. Absent or empty: the transcript carries no emotion annotation.
   */
  emotions?: Map<number, Emotion>;
  date: ConversationDate;
  /** Token usage of the whole conversation, when the file gives it. */
  usage: Usage | null;
  /** What the conversation cost, when the file gives it; unknown is null, never 0. */
  costUsd: number | null;
  truth: Truth | null;
}

/** Names of the tools the agent called, in first-use order. */
export function toolNamesOf(r: AuditRecord): string[] {
  const names = new Set<string>();
  for (const t of r.turns) for (const c of t.toolCalls ?? []) names.add(c.name);
  return [...names];
}
