import type { ClusterSum } from './stats/cluster.js';
import { boundedEstimate, countEstimate, meanEstimate, rateEstimate, skewedEstimate, type ClusterEstimate } from './stats/cluster-interval.js';

/**
 * Which interval a metric gets (methods.md 5.1, 5.8), decided once from what the metric is, never from how the
 * interval turns out:
 * - rate: every value 0/1 and the catalogued unit is a rate -> logit interval on the clustered SE with t on its
 *   effective df; Clopper-Pearson with n = scenarios when the clustering cannot be estimated;
 * - skewed: a positive quantity whose unit is money, time or tokens -> modified Cox on log scenario means;
 * - count: the same, but a count of 0 everywhere gets a Poisson upper bound instead of a zero-width interval;
 * - bounded: a score or share whose every value lies in [0, 1] -> t(G-1) clipped to [0, 1]; all scenarios at 0 (or 1)
 *   get the rate's worst-case bound (each scenario counts once), since a [0, 1] mean cannot hide more than that;
 * - mean: anything else (scores, percentage points) -> t(G-1) on the scenario means.
 * A mean or bounded metric with no spread at all between scenarios (and not at a bound) has no interval: nothing
 * says how much it could vary. Only money, time and tokens keep a zero-width interval then (the rules arm's $0).
 * Each needs MIN_SCENARIOS scenarios; below that the interval is null and the method says 'too-few-scenarios'.
 */
export type MetricKind = 'rate' | 'bounded' | 'mean' | 'skewed' | 'count';

export const SKEWED_UNITS: ReadonlySet<string> = new Set(['usd', 'ms', 'tokens']);

export function metricKind(binary: boolean, unit: string | null, unitInterval = false): MetricKind {
  if (binary) return 'rate';
  if (unitInterval && (unit === null || unit === 'rate' || unit === 'score')) return 'bounded';
  if (unit === 'count') return 'count';
  return unit !== null && SKEWED_UNITS.has(unit) ? 'skewed' : 'mean';
}

const ESTIMATORS = { rate: rateEstimate, bounded: boundedEstimate, mean: meanEstimate, skewed: skewedEstimate, count: countEstimate } satisfies Record<MetricKind, (c: readonly ClusterSum[]) => ClusterEstimate | null>;

export function estimateMetric(clusters: readonly ClusterSum[], kind: MetricKind): ClusterEstimate | null {
  return ESTIMATORS[kind](clusters);
}
