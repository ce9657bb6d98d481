import { clopperPearson } from './clopper-pearson.js';
import type { ClusterSum } from './cluster.js';
import { mean, variance } from './describe.js';
import { LEVEL, MIN_INFORMATIVE_SCENARIOS, MIN_SCENARIOS, tooFewScenarios } from './policy.js';
import { tQuantile } from './student-t.js';

/**
 * Scenario-clustered estimates of a metric's mean, one interval per kind of metric (methods.md 5.1). The estimator
 * is the mean of the scenario means (scenarios weigh equally); every interval uses G - 1 degrees of freedom, and
 * below MIN_SCENARIOS none is given.
 */
export type IntervalMethod = 'cluster-logit-t' | 'cluster-clopper-pearson' | 'cluster-t' | 'cluster-log-t' | 'cluster-poisson-zero' | 'constant' | 'no-spread' | 'too-few-scenarios';

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
 * Degrees of freedom of a rate's clustered variance: G - 1 for well-spread scenario rates, fewer when a handful of
 * scenarios carry all the events. Satterthwaite with the residuals' fourth moment, 3 (sum e^2)^2 / sum e^4 - 1
 * (about G - 1 for normal residuals), bounded to [1, G - 1] and rounded to a quarter (methods.md 5.1).
 */
export function rateDf(means: readonly number[], m: number): number {
  let s2 = 0;
  let s4 = 0;
  for (const x of means) {
    const e2 = (x - m) ** 2;
    s2 += e2;
    s4 += e2 * e2;
  }
  const g = means.length;
  const df = s4 > 0 ? (3 * s2 * s2) / s4 - 1 : g - 1;
  return Math.round(Math.max(1, Math.min(g - 1, df)) * 4) / 4;
}

/**
 * Rate (methods.md 5.1): the logit interval of survey statistics with the scenario-clustered SE and t on rateDf
 * degrees of freedom, logit(p) +- t SE / (p (1 - p)), back-transformed, so it stays inside [0, 1] and opens upward
 * for rare events.
 * When fewer than MIN_INFORMATIVE_SCENARIOS scenarios show the minority outcome (0 and all-one counts included) the
 * clustering cannot be estimated: Clopper-Pearson on the worst-case effective n = G (every scenario counts once;
 * exact if each scenario were a single trial, conservative otherwise).
 */
export function rateEstimate(clusters: readonly ClusterSum[]): ClusterEstimate | null {
  const b = base(clusters);
  if (!b) return null;
  if (b.g < MIN_SCENARIOS) return tooFew(b);
  const p = Math.min(1, Math.max(0, b.m));
  const minority = Math.min(b.means.filter((x) => x > 0).length, b.means.filter((x) => x < 1).length);
  const se = b.se ?? 0;
  const common = { mean: b.m, se: b.se, nConv: b.nConv, nClusters: b.g };
  if (minority >= MIN_INFORMATIVE_SCENARIOS && se > 0 && p > 0 && p < 1) {
    const logit = Math.log(p / (1 - p));
    const h = (tQuantile(1 - (1 - LEVEL) / 2, rateDf(b.means, b.m)) * se) / (p * (1 - p));
    const inv = (x: number): number => 1 / (1 + Math.exp(-x));
    return { ...common, ciLow: inv(logit - h), ciHigh: inv(logit + h), method: 'cluster-logit-t', nEff: Math.min(b.nConv, (p * (1 - p)) / (se * se)), note: `df ${rateDf(b.means, b.m)}` };
  }
  // Degenerate: too few scenarios with the minority outcome, or identical scenario rates.
  const nEff = minority >= MIN_INFORMATIVE_SCENARIOS ? b.nConv : b.g;
  const note = minority >= MIN_INFORMATIVE_SCENARIOS
    ? 'every scenario has the same rate: binomial interval on all conversations'
    : `clustering not estimable (${minority} scenario(s) with the minority outcome): each scenario counts once`;
  const ci = clopperPearson(p * nEff, nEff, 1 - LEVEL);
  return { ...common, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null, method: 'cluster-clopper-pearson', nEff, note };
}

/** t(G-1) on the scenario means, or the zero-width 'constant' when every scenario has the same mean. */
function tOrConstant(clusters: readonly ClusterSum[]): ClusterEstimate | null {
  const b = base(clusters);
  if (!b) return null;
  if (b.g < MIN_SCENARIOS) return tooFew(b);
  const se = b.se ?? 0;
  const common = { mean: b.m, se: b.se, nConv: b.nConv, nClusters: b.g, nEff: null };
  if (se === 0) return { ...common, ciLow: b.m, ciHigh: b.m, method: 'constant', note: 'every scenario has the same mean' };
  const h = tq(b.g) * se;
  return { ...common, ciLow: b.m - h, ciHigh: b.m + h, method: 'cluster-t', note: null };
}

const noSpread = (e: ClusterEstimate): ClusterEstimate =>
  ({ ...e, ciLow: null, ciHigh: null, method: 'no-spread', note: 'every scenario has the same mean: no spread to estimate an interval from' });

/** Mean of a score: t(G-1) on the scenario means (CR2 / Bell-McCaffrey for this estimator); none without spread. */
export function meanEstimate(clusters: readonly ClusterSum[]): ClusterEstimate | null {
  const e = tOrConstant(clusters);
  return e && e.method === 'constant' ? noSpread(e) : e;
}

/**
 * Mean of a [0, 1] score or share: t(G-1) clipped to [0, 1]. All scenario means at 0 (or 1): Clopper-Pearson with
 * n = G, valid because a [0, 1] variable with mean mu is non-zero with probability at least mu.
 */
export function boundedEstimate(clusters: readonly ClusterSum[]): ClusterEstimate | null {
  const e = tOrConstant(clusters);
  if (!e || e.ciLow === null || e.ciHigh === null) return e;
  if (e.method === 'constant') {
    if (e.mean !== 0 && e.mean !== 1) return noSpread(e);
    const ci = clopperPearson(e.mean * e.nClusters, e.nClusters, 1 - LEVEL);
    return { ...e, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null, method: 'cluster-clopper-pearson', nEff: e.nClusters, note: 'every scenario at the bound: each scenario counts once' };
  }
  return { ...e, ciLow: Math.max(0, e.ciLow), ciHigh: Math.min(1, e.ciHigh) };
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
    const t = tOrConstant(clusters)!;
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

/**
 * Count per conversation (claims, turns, tool calls): the skewed interval, except that a count of 0 in every
 * conversation is not a proven 0. With each scenario counted once and a Poisson count, G zeros bound the mean by
 * -ln(alpha / 2) / G (methods.md 5.1).
 */
export function countEstimate(clusters: readonly ClusterSum[]): ClusterEstimate | null {
  const e = skewedEstimate(clusters);
  if (!e || e.method !== 'constant' || e.mean !== 0) return e;
  return { ...e, ciLow: 0, ciHigh: -Math.log((1 - LEVEL) / 2) / e.nClusters, method: 'cluster-poisson-zero', note: 'no count in any conversation: Poisson bound with each scenario counted once' };
}
