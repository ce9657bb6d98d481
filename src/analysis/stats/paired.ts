import { mean, sd } from './describe.js';
import { tQuantile, tTwoSidedP } from './student-t.js';

/**
 * Paired difference on per-cluster differences d_s (methods.md 5.2): delta = mean(d), SE = sd(d)/sqrt(S), df = S - 1.
 * The interval uses the same t distribution as the p-value, so "CI excludes 0" and "p < 0.05" always agree
 * (with few scenarios a normal interval would claim more than the t-test supports).
 */
export interface PairedResult {
  n: number;
  mean: number;
  sd: number;
  se: number;
  df: number;
  t: number;
  p: number;
  ciLow: number;
  ciHigh: number;
}

export function pairedDifference(d: readonly number[], level = 0.95): PairedResult | null {
  const n = d.length;
  if (n < 2) return null;
  const m = mean(d);
  const s = sd(d);
  const se = s / Math.sqrt(n);
  const df = n - 1;
  if (se === 0) return { n, mean: m, sd: 0, se: 0, df, t: m === 0 ? 0 : Math.sign(m) * Infinity, p: m === 0 ? 1 : 0, ciLow: m, ciHigh: m };
  const t = m / se;
  const q = tQuantile(1 - (1 - level) / 2, df);
  return { n, mean: m, sd: s, se, df, t, p: tTwoSidedP(t, df), ciLow: m - q * se, ciHigh: m + q * se };
}
