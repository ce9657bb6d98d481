import { groupBy } from '../group.js';
import { mean } from './describe.js';

/**
 * Variance of name-specific effects within a persona group (methods.md 2.4). Names of the same group should not
 * differ; the spread between them, beyond what scenario-by-name noise explains, is tau^2. It is the two-way
 * (scenario x name) ANOVA estimator inside each stratum (one group within one variant set), pooled over strata:
 *   r_sj = y_sj - mean_j' y_sj'   (name j's deviation from its stratum's names in scenario s)
 *   A = sum_j rbar_j^2 / sum (k - 1)          estimates tau^2 + sigma^2 / G
 *   B = mean(1/G_h) x sum_sj (r_sj - rbar_j)^2 / sum (k - 1)(G_h - 1)   estimates sigma^2 / G
 *   tau^2 = max(0, A - B), df by Satterthwaite.
 * Only scenarios in which every name of the stratum appears are used, so the residuals are balanced.
 */
export interface NameCell {
  scenario: string;
  /** One group within one variant set. */
  stratum: string;
  name: string;
  y: number;
}

export interface NameVariance {
  tau2: number;
  /** Satterthwaite degrees of freedom of tau2; null when tau2 is 0. */
  df: number | null;
  /** Mean absolute difference between the scenario-averaged outcomes of two names of the same group. */
  pairGap: number;
  strata: number;
}

export function nameVariance(cells: readonly NameCell[]): NameVariance | null {
  let ssB = 0;
  let dfB = 0;
  let ssW = 0;
  let dfW = 0;
  const invG: number[] = [];
  const pairGaps: number[] = [];
  for (const stratum of groupBy(cells, (c) => c.stratum).values()) {
    const names = [...new Set(stratum.map((c) => c.name))].sort();
    const k = names.length;
    if (k < 2) continue;
    const scenarios = [...groupBy(stratum, (c) => c.scenario).values()]
      .map((sc) => new Map(sc.map((c) => [c.name, c.y])))
      .filter((m) => names.every((n) => m.has(n)));
    const g = scenarios.length;
    if (g < 2) continue;
    const resid = names.map(() => [] as number[]);
    for (const m of scenarios) {
      const centre = mean(names.map((n) => m.get(n)!));
      names.forEach((n, j) => resid[j]!.push(m.get(n)! - centre));
    }
    const rbar = resid.map((r) => mean(r));
    ssB += rbar.reduce((s, x) => s + x * x, 0);
    dfB += k - 1;
    resid.forEach((r, j) => (ssW += r.reduce((s, x) => s + (x - rbar[j]!) ** 2, 0)));
    dfW += (k - 1) * (g - 1);
    invG.push(1 / g);
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) pairGaps.push(Math.abs(rbar[i]! - rbar[j]!));
  }
  if (dfB === 0) return null;
  const a = ssB / dfB;
  const b = dfW > 0 ? (ssW / dfW) * mean(invG) : 0;
  const tau2 = Math.max(0, a - b);
  const df = tau2 > 0 ? tau2 ** 2 / (a ** 2 / dfB + (dfW > 0 ? b ** 2 / dfW : 0)) : null;
  return { tau2, df, pairGap: mean(pairGaps), strata: invG.length };
}

/** Welch-Satterthwaite degrees of freedom of a sum of independent variance parts. */
export function satterthwaite(parts: readonly { v: number; df: number | null }[]): number | null {
  const used = parts.filter((p) => p.v > 0);
  if (used.length === 0) return null;
  const total = used.reduce((s, p) => s + p.v, 0);
  const denom = used.reduce((s, p) => s + (p.df !== null && p.df > 0 ? (p.v * p.v) / p.df : Infinity), 0);
  return denom === Infinity ? null : (total * total) / denom;
}
