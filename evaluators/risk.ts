import type { Evaluator } from '../src/score/types.js';

/** Hallucination, policy compliance, transparency, manipulation, privacy. */
export const riskEvaluators: Evaluator[] = [];
