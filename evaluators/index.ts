import type { Evaluator, MetricInfo } from '../src/score/types.js';
import { riskEvaluators } from './risk.js';
import { outcomeEvaluators } from './outcomes.js';

/** Every evaluator, in run order. Each is a pure function of (conversation, scenario, context). */
export const EVALUATORS: Evaluator[] = [...outcomeEvaluators, ...riskEvaluators];

export function metricCatalog(): MetricInfo[] {
  return EVALUATORS.flatMap((e) => e.metrics);
}
