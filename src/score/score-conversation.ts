import type { Conversation } from '../core/conversation.js';
import type { ResolvedScenario } from '../plan/material.js';
import type { Evaluator, Score, ScoreContext } from './types.js';

/**
 * Runs every evaluator on one conversation. An evaluator that throws yields null scores for its metrics with the
 * error as explanation: a broken evaluator must not lose the conversation or fake a value.
 */
export async function scoreConversation(conv: Conversation, r: ResolvedScenario, evaluators: Evaluator[], ctx: ScoreContext): Promise<Score[]> {
  const out: Score[] = [];
  for (const ev of evaluators) {
    try {
      out.push(...(await ev.score(conv, r, ctx)));
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      for (const m of ev.metrics) out.push({ metric: m.id, value: null, explanation: `evaluator ${ev.id}@${ev.version} failed: ${msg}`, evidence: [], evaluator: `error:${ev.id}@${ev.version}` });
    }
  }
  return out;
}
