import type { Usage } from '../../src/core/types.js';
import type { MetricInfo, Score } from '../../src/score/types.js';
import { totalTokens } from './ask.js';

/**
 * Judge calls happen at scoring time, after the conversation's call log was written, so their usage travels as a
 * score: value = total tokens, evidence note = JSON {role, model, calls, usage} that the score step can price into
 * cost.eval_usd. One metric id per judge evaluator, so two judges never write the same (conversation, metric).
 */
export function judgeTokensMetric<Id extends string>(id: Id, what: string): MetricInfo & { id: Id } {
  return {
    id, family: 'judge', title: `Judge tokens (${what})`, unit: 'tokens', direction: 'lower-better',
    description: `Tokens the ${what} judge spent on this conversation (input incl. cache + output); the evidence note carries the usage split and model for pricing.`,
  };
}

export function judgeTokensScore(metric: string, label: string, model: string, calls: number, usage: Usage): Score {
  return {
    metric,
    value: totalTokens(usage),
    explanation: `${calls} judge call(s) on ${model}: ${usage.input} input, ${usage.cacheRead} cache-read, ${usage.cacheWrite} cache-write, ${usage.output} output tokens.`,
    evidence: [{ note: JSON.stringify({ role: 'judge', model, calls, usage }) }],
    evaluator: label,
  };
}
