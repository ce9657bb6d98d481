import { clopperPearson } from './clopper-pearson.js';
import type { ClusterSum } from './cluster.js';
import { mean, variance } from './describe.js';
import { normalQuantile } from './normal.js';
import { LEVEL, MIN_INFORMATIVE_SCENARIOS, MIN_SCENARIOS, tooFewScenarios } from './policy.js';
import { tQuantile } from './student-t.js';

/**
 * Scenario-clustered estimates of a metric's mean, one interval per kind of metric (methods.md 5.1). The estimator
 * is the mean of the scenario means (scenarios weigh equally); every interval uses G - 1 degrees of freedom, and
 * below MIN_SCENARIOS none is given.
 */
export type IntervalMethod = 'kg-clopper-pearson' | 'cluster-t' | 'cluster-log-t' | 'constant' | 'too-few-scenarios';

export interface ClusterEstimate {
  mean: number;
  /** sd(scenario means) / sqrt(G); null with one scenario. */
  se: number | null;
  nConv: number;
  nClusters: number;
  ciLow: number | null;
  ciHigh: number | null;
  method: IntervalMethod;
  /** Rates only: the effective number of conversations behind the interval. */
  nEff: number | null;
  /** Why the interval is missing or how it was reached, when that is not obvious. */
  note: string | null;
}

interface Base {
  means: number[];
  nConv: number;
  g: number;
  m: number;
  se: number | null;
}

function base(clusters: readonly ClusterSum[]): Base | null {
  const used = clusters.filter((c) => c.n > 0);
  if (used.length === 0) return null;
  const means = used.map((c) => c.sum / c.n);
  const g = means.length;
  return { means, nConv: used.reduce((s, c) => s + c.n, 0), g, m: mean(means), se: g >= 2 ? Math.sqrt(variance(means) / g) : null };
}

const tq = (g: number): number => tQuantile(1 - (1 - LEVEL) / 2, g - 1);

function tooFew(b: Base): ClusterEstimate {
  return { mean: b.m, se: b.se, nConv: b.nConv, nClusters: b.g, ciLow: null, ciHigh: null, method: 'too-few-scenarios', nEff: null, note: tooFewScenarios(b.g) };
}

/**
 * Rate: Clopper-Pearson on the effective sample size with the Korn-Graubard degrees-of-freedom correction.
 * n_eff = p(1 - p) / SE^2 (capped at the conversations); n* = n_eff (z / t_{G-1})^2; x* = p n*. When fewer than
 * MIN_INFORMATIVE_SCENARIOS scenarios show the minority outcome (0 or all-one counts included) the design effect is
 * not estimable and the worst case n_eff = G is used: each scenario counts once.
 */
export function rateEstimate(clusters: readonly ClusterSum[]): ClusterEstimate | null {
  const b = base(clusters);
  if (!b) return null;
  if (b.g < MIN_SCENARIOS) return tooFew(b);
  const p = Math.min(1, Math.max(0, b.m));
  const minority = Math.min(b.means.filter((x) => x > 0).length, b.means.filter((x) => x < 1).length);
  let nEff: number;
  let note: string | null = null;
  if (minority < MIN_INFORMATIVE_SCENARIOS) {
    nEff = b.g;
    note = `design effect not estimable (${minority} scenario(s) with the minority outcome): each scenario counts once`;
  } else {
    const se2 = (b.se ?? 0) ** 2;
    nEff = se2 > 0 ? Math.min(b.nConv, (p * (1 - p)) / se2) : b.nConv;
  }
  const z = normalQuantile(1 - (1 - LEVEL) / 2);
  const nStar = nEff * (z / tq(b.g)) ** 2;
  const ci = clopperPearson(p * nStar, nStar, 1 - LEVEL);
  return { mean: b.m, se: b.se, nConv: b.nConv, nClusters: b.g, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null, method: 'kg-clopper-pearson', nEff, note };
}

/** Mean of a score: t(G-1) on the scenario means (CR2 / Bell-McCaffrey for this estimator). */
export function meanEstimate(clusters: readonly ClusterSum[]): ClusterEstimate | null {
  const b = base(clusters);
  if (!b) return null;
  if (b.g < MIN_SCENARIOS) return tooFew(b);
  const se = b.se ?? 0;
  const common = { mean: b.m, se: b.se, nConv: b.nConv, nClusters: b.g, nEff: null };
  if (se === 0) return { ...common, ciLow: b.m, ciHigh: b.m, method: 'constant', note: 'every scenario has the same mean' };
  const h = tq(b.g) * se;
  return { ...common, ciLow: b.m - h, ciHigh: b.m + h, method: 'cluster-t', note: null };
}

/**
 * Skewed positive quantity (costs, times, tokens, counts): the modified Cox interval on the log scenario means,
 * exp(m_L + s_L^2 / 2 +- t_{G-1} sqrt(s_L^2 / G + s_L^4 / (2 (G - 1)))). A zero scenario mean has no log; then the
 * t interval is used and the note says so.
 */
export function skewedEstimate(clusters: readonly ClusterSum[]): ClusterEstimate | null {
  const b = base(clusters);
  if (!b) return null;
  if (b.g < MIN_SCENARIOS) return tooFew(b);
  if (b.means.some((x) => !(x > 0))) {
    const t = meanEstimate(clusters)!;
    return t.method === 'constant' ? t : { ...t, note: 'a scenario mean is 0 or negative, so no log scale: t interval on the scenario means' };
  }
  const logs = b.means.map(Math.log);
  const s2 = variance(logs);
  const common = { mean: b.m, se: b.se, nConv: b.nConv, nClusters: b.g, nEff: null };
  if (s2 === 0) return { ...common, ciLow: b.m, ciHigh: b.m, method: 'constant', note: 'every scenario has the same mean' };
  const centre = mean(logs) + s2 / 2;
  const h = tq(b.g) * Math.sqrt(s2 / b.g + (s2 * s2) / (2 * (b.g - 1)));
  return { ...common, ciLow: Math.exp(centre - h), ciHigh: Math.exp(centre + h), method: 'cluster-log-t', note: null };
}
