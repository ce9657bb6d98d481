import type { Evaluator } from '../src/score/types.js';

/** Resolution, empathy, cost, offer outcomes, feedback-insight quality. */
export const outcomeEvaluators: Evaluator[] = [];
