import type { DuckDBAppender } from '@duckdb/node-api';
import type { Conversation, ModelCall } from '../core/conversation.js';
import type { Score } from '../score/types.js';
import type { Store } from './db.js';
import { handleTimeKnown, latencyKnown, usageKnown } from './known.js';

export interface ScoredConversation {
  conversation: Conversation;
  /** Scores computed in-line by the runner; `cxbench score` can recompute them from the stored transcript. */
  scores?: Score[];
}

const nullable = (ap: DuckDBAppender, v: string | null | undefined): void => (v === null || v === undefined ? ap.appendNull() : ap.appendVarchar(v));
const nullableNum = (ap: DuckDBAppender, v: number | null | undefined): void => (v === null || v === undefined || !Number.isFinite(v) ? ap.appendNull() : ap.appendDouble(v));

/**
 * Appends finished cells. Each call is one transaction: a cell's conversation, messages, tool calls, model calls
 * and scores land together or not at all. Batching several cells per call is what makes it fast (appender, not INSERT).
 */
export class ConversationWriter {
  private appenders: Record<'conversations' | 'messages' | 'tool_calls' | 'model_calls' | 'scores', DuckDBAppender> | undefined;

  /** `opts.arm` labels every conversation this writer stores (e.g. 'audit'); by default the arm follows the model. */
  constructor(private readonly store: Store, private readonly opts: { arm?: string } = {}) {}

  private async open(): Promise<NonNullable<ConversationWriter['appenders']>> {
    if (!this.appenders) {
      const c = this.store.conn;
      this.appenders = {
        conversations: await c.createAppender('conversations'),
        messages: await c.createAppender('messages'),
        tool_calls: await c.createAppender('tool_calls'),
        model_calls: await c.createAppender('model_calls'),
        scores: await c.createAppender('scores'),
      };
    }
    return this.appenders;
  }

  /** `replaceKeys`: cells whose earlier rows (an infrastructure failure being retried) are deleted in the same transaction. */
  async write(batch: ScoredConversation[], replaceKeys: string[] = []): Promise<void> {
    if (batch.length === 0) return;
    const ap = await this.open();
    await this.store.transaction(async () => {
      if (replaceKeys.length) await deleteCells(this.store, replaceKeys);
      const scoredAt = new Date().toISOString();
      for (const { conversation: cv, scores } of batch) {
        const c = cv.cell;
        const agentCost = cv.calls.filter((x) => x.role === 'agent').reduce<number | null>((s, x) => (s === null || x.costUsd === null ? null : s + x.costUsd), 0);
        const a = ap.conversations;
        a.appendVarchar(c.key); a.appendVarchar(cv.runId); a.appendVarchar(c.approach); a.appendVarchar(c.stage); a.appendVarchar(c.mode);
        a.appendVarchar(c.scenarioId); a.appendInteger(c.scenarioVersion); a.appendVarchar(c.domain);
        a.appendVarchar(c.variantSet); a.appendVarchar(c.variantId); a.appendVarchar(c.attribute); a.appendVarchar(c.group);
        a.appendBoolean(c.isReference); a.appendVarchar(c.model); a.appendVarchar(this.opts.arm ?? cv.arm ?? (c.model === 'rules' ? 'traditional' : 'gai'));
        a.appendInteger(c.epoch); a.appendVarchar(cv.status); nullable(a, cv.errorMessage); a.appendVarchar(cv.endReason);
        a.appendInteger(cv.turns.length); nullableNum(a, handleTimeKnown(cv) ? cv.handleTimeMs : null); nullableNum(a, agentCost);
        a.appendVarchar(cv.startedAt); a.appendVarchar(cv.finishedAt);
        a.endRow();
        cv.turns.forEach((t, i) => {
          const m = ap.messages;
          m.appendVarchar(c.key); m.appendInteger(i); m.appendVarchar(t.speaker); m.appendVarchar(t.text);
          nullable(m, t.toolCallId); nullable(m, t.toolName);
          m.endRow();
          for (const tc of t.toolCalls ?? []) {
            const tcap = ap.tool_calls;
            tcap.appendVarchar(c.key); tcap.appendInteger(i); tcap.appendVarchar(tc.id); tcap.appendVarchar(tc.name); tcap.appendVarchar(JSON.stringify(tc.arguments));
            tcap.endRow();
          }
        });
        for (const call of cv.calls) appendModelCall(ap.model_calls, c.key, call);
        for (const s of scores ?? []) appendScore(ap.scores, c.key, s, scoredAt);
      }
      for (const x of Object.values(ap)) x.flushSync();
    });
  }

  close(): void {
    if (this.appenders) for (const x of Object.values(this.appenders)) x.closeSync();
    this.appenders = undefined;
  }
}

export function appendModelCall(m: DuckDBAppender, cellKey: string, call: ModelCall): void {
  m.appendVarchar(cellKey); m.appendInteger(call.idx); m.appendVarchar(call.role); m.appendVarchar(call.model);
  // Unknown usage is five NULL counters and unknown latency a NULL, never 0 (src/store/known.ts).
  const u = call.usage;
  for (const n of [u.input, u.output, u.cacheRead, u.cacheWrite, u.reasoning]) if (usageKnown(call)) m.appendBigInt(BigInt(n)); else m.appendNull();
  nullableNum(m, latencyKnown(call) ? call.latencyMs : null); nullableNum(m, call.costUsd); m.appendVarchar(call.priceSource);
  m.appendBoolean(call.cached); m.appendBoolean(call.isBatch); m.appendInteger(call.retries); nullable(m, call.error);
  // Measured only when streamed: absent is NULL ("not measured"), never 0.
  nullableNum(m, call.ttftMs); nullableNum(m, call.outputTokensPerS);
  m.endRow();
}

export function appendScore(ap: DuckDBAppender, cellKey: string, s: Score, scoredAt: string): void {
  ap.appendVarchar(cellKey); ap.appendVarchar(s.metric); nullableNum(ap, s.value); ap.appendVarchar(s.explanation);
  ap.appendVarchar(JSON.stringify(s.evidence)); ap.appendVarchar(s.evaluator); ap.appendVarchar(scoredAt);
  ap.endRow();
}

export const CELL_TABLES = ['conversations', 'messages', 'tool_calls', 'model_calls', 'scores'] as const;

export async function deleteCells(store: Store, keys: string[]): Promise<void> {
  const list = keys.map(() => '?').join(',');
  for (const t of CELL_TABLES) await store.exec(`DELETE FROM ${t} WHERE cell_key IN (${list})`, keys);
}

/** Keeps the `metrics` table (unit, direction, description of every metric) in step with the evaluators. */
export async function writeMetricCatalog(store: Store, metrics: { id: string; family: string; title: string; unit: string; direction: string; description: string }[]): Promise<void> {
  await store.transaction(async () => {
    for (const m of metrics) await store.exec('INSERT OR REPLACE INTO metrics VALUES (?, ?, ?, ?, ?, ?)', [m.id, m.family, m.title, m.unit, m.direction, m.description]);
  });
}
