import type { Usage } from '../../src/core/types.js';
import type { MetricInfo, Score } from '../../src/score/types.js';
import { totalTokens } from './ask.js';

export const JUDGE_TOKENS_METRIC: MetricInfo = {
  id: 'judge.tokens', family: 'judge', title: 'Judge tokens', unit: 'tokens', direction: 'lower-better',
  description: 'Tokens the judge spent scoring this conversation (input incl. cache + output). The evidence note carries the usage split and model so the score step can price it into cost.eval_usd.',
};

/**
 * Judge calls happen at scoring time, after the conversation's own call log was written, so their usage travels as a
 * score: value = total tokens, evidence note = JSON {model, calls, usage} for pricing.
 */
export function judgeTokensScore(label: string, model: string, calls: number, usage: Usage): Score {
  return {
    metric: JUDGE_TOKENS_METRIC.id,
    value: totalTokens(usage),
    explanation: `${calls} judge call(s) on ${model}: ${usage.input} input, ${usage.cacheRead} cache-read, ${usage.cacheWrite} cache-write, ${usage.output} output tokens.`,
    evidence: [{ note: JSON.stringify({ role: 'judge', model, calls, usage }) }],
    evaluator: label,
  };
}
