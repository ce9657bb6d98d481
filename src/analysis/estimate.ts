import { clusterBootstrapRatio } from './stats/bootstrap.js';
import { clusteredMean, type ClusterSum } from './stats/cluster.js';
import { normalQuantile } from './stats/normal.js';
import type { Rng } from './stats/prng.js';
import { wilson } from './stats/wilson.js';

/**
 * Mean of a metric with a 95% interval, scenario-clustered. Which interval (the aggregates contract):
 * - binary metric: Wilson, on the design-effect adjusted n_eff = n / max(1, SE_cl^2 / (p(1-p)/n)) so clustering
 *   widens it; with p in {0,1} the design effect cannot be estimated and n is used. (Mean +/- z*SE can leave [0, 1]
 *   for rare events, which a rate must never show.);
 * - other metrics with fewer than 30 scenarios: cluster bootstrap percentile (skewed costs and counts);
 * - otherwise: mean +/- z * clustered SE.
 * With a single scenario no SE exists and the interval is null (method 'cluster-se').
 */
export type CiMethod = 'wilson' | 'cluster-bootstrap' | 'cluster-se';

export interface MeanEstimate {
  n: number;
  nClusters: number;
  mean: number;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  ciMethod: CiMethod;
}

export const SMALL_CLUSTER_COUNT = 30;
const LEVEL = 0.95;

export function estimateMean(clusters: readonly ClusterSum[], binary: boolean, boot: { B: number; rng: Rng }): MeanEstimate | null {
  const cm = clusteredMean(clusters);
  if (!cm) return null;
  const base = { n: cm.n, nClusters: cm.nClusters, mean: cm.mean, se: cm.se };
  if (binary) {
    const naiveVar = (cm.mean * (1 - cm.mean)) / cm.n;
    const deff = cm.se !== null && naiveVar > 0 ? Math.max(1, (cm.se * cm.se) / naiveVar) : 1;
    const w = wilson(cm.mean, cm.n / deff, LEVEL);
    return { ...base, ciLow: w?.low ?? null, ciHigh: w?.high ?? null, ciMethod: 'wilson' };
  }
  if (cm.se === null) return { ...base, ciLow: null, ciHigh: null, ciMethod: 'cluster-se' };
  if (!binary && cm.nClusters < SMALL_CLUSTER_COUNT) {
    const num = Float64Array.from(clusters.filter((c) => c.n > 0), (c) => c.sum);
    const den = Float64Array.from(clusters.filter((c) => c.n > 0), (c) => c.n);
    const ci = clusterBootstrapRatio(num, den, boot.B, boot.rng, LEVEL);
    if (ci) return { ...base, ciLow: ci.low, ciHigh: ci.high, ciMethod: 'cluster-bootstrap' };
  }
  const z = normalQuantile(1 - (1 - LEVEL) / 2);
  return { ...base, ciLow: cm.mean - z * cm.se, ciHigh: cm.mean + z * cm.se, ciMethod: 'cluster-se' };
}
