import { judgeCallsFromScores } from '../../score/judge-cost.js';
import { scoreConversation } from '../../score/score-conversation.js';
import type { Evaluator, JudgeRole, ScoreContext } from '../../score/types.js';
import { NO_SECRETS, type Redactor } from '../../core/redact.js';
import type { Store } from '../../store/db.js';
import { ConversationWriter, type ScoredConversation } from '../../store/writer.js';
import { MAX_UNWRITTEN, type CellSink, type FinishedCell } from './sink.js';

export interface InlineSinkOptions {
  evaluators: Evaluator[];
  judge?: JudgeRole;
  batchSize: number;
  /** Applied to each cell and its scores (judge replies included) before it is written. */
  redactor?: Redactor;
}

/**
 * Scores and stores on the runner's own thread: needed when a judge scores (its backend lives here) or when a caller
 * passes its own evaluators. Judge calls are slow and asynchronous, so several cells are scored at once.
 */
export function inlineSink(store: Store, opts: InlineSinkOptions): CellSink {
  const writer = new ConversationWriter(store);
  const ctx: ScoreContext = opts.judge ? { judge: opts.judge.backend } : {};
  const scoring = new Set<Promise<void>>();
  let pending: { cell: ScoredConversation; replace: boolean }[] = [];
  let writeChain: Promise<void> = Promise.resolve();
  let queuedBatches = 0;
  let failure: unknown;
  let unwritten = 0;

  const flush = (): Promise<void> => {
    if (pending.length === 0) return writeChain;
    const batch = pending;
    pending = [];
    queuedBatches++;
    writeChain = writeChain
      .then(() => writer.write(batch.map((b) => b.cell), batch.filter((b) => b.replace).map((b) => b.cell.conversation.cell.key)))
      .then(() => { unwritten -= batch.length; })
      .catch((e: unknown) => { failure ??= e; })
      .finally(() => { queuedBatches--; });
    return writeChain;
  };

  const finish = async ({ conversation: conv, resolved, replace }: FinishedCell): Promise<void> => {
    const scores = conv.status === 'done' ? await scoreConversation(conv, resolved, opts.evaluators, ctx) : [];
    if (opts.judge) conv.calls.push(...judgeCallsFromScores(scores, opts.judge.spec, conv.calls.length));
    const redactor = opts.redactor ?? NO_SECRETS;
    pending.push({ cell: { conversation: redactor.deep(conv), scores: redactor.deep(scores) }, replace });
    // Backpressure: when the database falls behind, scoring waits instead of piling finished cells up in memory.
    if (pending.length >= opts.batchSize) {
      const written = flush();
      if (queuedBatches > 2) await written;
    }
  };

  return {
    async put(cell) {
      if (failure) throw failure;
      unwritten++;
      const job: Promise<void> = finish(cell).catch((e: unknown) => { failure ??= e; }).then(() => { scoring.delete(job); });
      scoring.add(job);
      if (scoring.size >= MAX_UNWRITTEN) await Promise.race(scoring);
      if (failure) throw failure;
    },
    unwritten: () => unwritten,
    async close() {
      try {
        await Promise.all(scoring);
        await flush();
      } finally {
        writer.close();
      }
      if (failure) throw failure;
    },
  };
}
