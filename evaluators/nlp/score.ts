import type { Evidence, MetricInfo, Score } from '../../src/score/types.js';

/** Small builders shared by the risk evaluators, so every Score carries the same shape. */

export function metric(id: string, title: string, unit: MetricInfo['unit'], direction: MetricInfo['direction'], description: string): MetricInfo {
  return { id, family: id.split('.')[0] ?? id, title, unit, direction, description };
}

export function makeScore(evaluator: string, metricId: string, value: number | null, explanation: string, evidence: Evidence[] = []): Score {
  return { metric: metricId, value, explanation, evidence, evaluator };
}

/** makeScore with the evaluator's label bound: the builder each evaluator's `score` makes its rows with. */
export const scorer = (evaluator: string) => (metricId: string, value: number | null, explanation: string, evidence: Evidence[] = []): Score =>
  makeScore(evaluator, metricId, value, explanation, evidence);

/** 0/1 for a binary finding; null when there was nothing to look at. */
export const rate = (found: boolean | null): number | null => (found === null ? null : found ? 1 : 0);

/** Long texts are cut in evidence so stored scores stay small. */
export const quote = (s: string, max = 160): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** 1 if any component is 1, 0 if some component was scored and none is 1, null if nothing was scored. */
export function anyOf(values: (number | null)[]): number | null {
  const scored = values.filter((v): v is number => v !== null);
  if (scored.length === 0) return null;
  return scored.some((v) => v > 0) ? 1 : 0;
}
