import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { Conversation } from '../core/conversation.js';
import type { ResolvedScenario } from '../plan/material.js';
import { scoreConversation } from './score-conversation.js';
import type { Evaluator, Score, ScoreContext } from './types.js';

/** Where a run's deterministic scoring happens: in the runner's thread, or in worker threads beside it. */
export interface ScorePool {
  score(conv: Conversation, r: ResolvedScenario): Promise<Score[]>;
  close(): Promise<void>;
}

export function inlineScorePool(evaluators: Evaluator[], ctx: ScoreContext): ScorePool {
  return { score: (conv, r) => scoreConversation(conv, r, evaluators, ctx), close: async () => {} };
}

export interface ScoreRequest { id: number; conv: Conversation; r: ResolvedScenario; rKey: string }
export type ScoreReply = { id: number; scores: Score[] } | { id: number; error: string };

/** The stable identity of a resolved scenario: same scenario version and persona variant, same content. */
export const resolvedKey = (r: ResolvedScenario): string => `${r.scenario.id}@${r.scenario.version}|${r.variant.set}/${r.variant.variant.id}`;

/**
 * Scoring in worker threads with the registry's evaluators (src/score/score-worker). Scoring is CPU work that would
 * otherwise delay every in-flight provider response on the main thread; off it, concurrency turns into throughput.
 * Only for the full registry without a judge (a judge needs the main thread's backend).
 */
export const WORKER_HEAP_MB = 192;

export function workerScorePool(size: number): ScorePool {
  const here = fileURLToPath(import.meta.url);
  const file = here.replace(/score-pool\.([cm]?[jt]s)$/, 'score-worker.$1');
  const pending = new Map<number, { resolve: (s: Score[]) => void; reject: (e: Error) => void }>();
  // From sources (tsx, vitest) the worker is TypeScript and needs tsx's loader; from dist/ it is plain JavaScript.
  // The parent's own flags are not passed on: some (heap sizes, profilers) are refused by workers.
  const execArgv = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    // A bounded heap: the scorer's live set is small (the NLP model and per-scenario caches), its garbage is not.
    const w = new Worker(file, { execArgv, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    w.on('message', (m: ScoreReply) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if ('error' in m) p.reject(new Error(m.error)); else p.resolve(m.scores);
    });
    w.on('error', (e) => { for (const p of pending.values()) p.reject(e); pending.clear(); });
    return w;
  });
  let next = 0;
  return {
    score(conv, r) {
      const id = next++;
      return new Promise<Score[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const msg: ScoreRequest = { id, conv, r, rKey: resolvedKey(r) };
        workers[id % workers.length]!.postMessage(msg);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
