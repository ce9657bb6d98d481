import type { Evidence, MetricInfo, Score } from '../../src/score/types.js';

/** Small builders shared by the evaluators, so every Score carries the same shape. */

/** A metric declaration whose id keeps its literal type, so an evaluator can derive the union of the ids it writes. */
export type MetricOf<Id extends string> = MetricInfo & { id: Id };

/**
 * The ids a metric list declares: `type Id = MetricIdOf<typeof METRICS>` with METRICS built by `metric(...)` or
 * written `as const satisfies readonly MetricInfo[]`. `scorer<Id>` then rejects an undeclared id at compile time.
 */
export type MetricIdOf<M extends readonly { id: string }[]> = M[number]['id'];

export function metric<Id extends string>(id: Id, title: string, unit: MetricInfo['unit'], direction: MetricInfo['direction'], description: string): MetricOf<Id> {
  return { id, family: id.split('.')[0] ?? id, title, unit, direction, description };
}

export function makeScore(evaluator: string, metricId: string, value: number | null, explanation: string, evidence: Evidence[] = []): Score {
  return { metric: metricId, value, explanation, evidence, evaluator };
}

/**
 * makeScore with the evaluator's label bound: the builder each evaluator's `score` makes its rows with. Give it the
 * evaluator's id union (`scorer<Id>(LABEL)`) and a misspelt or undeclared metric id is a type error.
 */
export const scorer = <Id extends string = string>(evaluator: string) => (metricId: Id, value: number | null, explanation: string, evidence: Evidence[] = []): Score =>
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
