import { mean, sd } from './describe.js';
import { LEVEL, MIN_SCENARIOS } from './policy.js';
import { tQuantile, tTwoSidedP } from './student-t.js';

/**
 * Paired difference on per-scenario differences d_s (methods.md 5.2): delta = mean(d), SE = sd(d)/sqrt(G), df = G - 1.
 * - G >= MIN_SCENARIOS and sd > 0: paired t with its t interval ("CI excludes 0" and "p < 0.05" agree);
 * - sd = 0: the exact sign-flip permutation test (d = [1, 1] gives 0.5) and no interval: a zero spread proves nothing;
 * - G < MIN_SCENARIOS: the exact sign-flip p (it cannot fall below 0.25 there) and no interval.
 * p is never 0.
 */
export type PairedTest = 'paired-t' | 'sign-flip-exact' | 'too-few-scenarios';

export interface PairedResult {
  n: number;
  mean: number;
  sd: number | null;
  se: number | null;
  df: number;
  t: number | null;
  p: number;
  ciLow: number | null;
  ciHigh: number | null;
  test: PairedTest;
}

const EXACT_MAX_N = 20;

/**
 * Two-sided exact sign-flip p: the share of the 2^n sign patterns whose |sum| is at least the observed one. For
 * n > 20 it is exact only for the degenerate all-equal case (2^(1-n)), the only one the policy sends here at that size.
 */
export function exactSignFlipP(d: readonly number[]): number {
  const n = d.length;
  const observed = Math.abs(d.reduce((s, x) => s + x, 0));
  const tol = 1e-12 * Math.max(1, observed);
  if (observed <= tol) return 1;
  if (n > EXACT_MAX_N) {
    const first = d[0]!;
    if (d.every((x) => Math.abs(x - first) <= tol)) return 2 ** (1 - n);
    throw new Error(`exactSignFlipP: ${n} differences is beyond exact enumeration; use the t test`);
  }
  let extreme = 0;
  const total = 2 ** n;
  for (let mask = 0; mask < total; mask++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += mask & (1 << i) ? -d[i]! : d[i]!;
    if (Math.abs(s) >= observed - tol) extreme++;
  }
  return extreme / total;
}

export function pairedDifference(d: readonly number[], level = LEVEL): PairedResult | null {
  const n = d.length;
  if (n === 0) return null;
  const m = mean(d);
  const s = n >= 2 ? sd(d) : null;
  const se = s === null ? null : s / Math.sqrt(n);
  const df = n - 1;
  if (n < MIN_SCENARIOS) return { n, mean: m, sd: s, se, df, t: null, p: exactSignFlipP(d), ciLow: null, ciHigh: null, test: 'too-few-scenarios' };
  if (!se) return { n, mean: m, sd: 0, se: 0, df, t: null, p: exactSignFlipP(d), ciLow: null, ciHigh: null, test: 'sign-flip-exact' };
  const t = m / se;
  const q = tQuantile(1 - (1 - level) / 2, df);
  return { n, mean: m, sd: s, se, df, t, p: Math.max(Number.MIN_VALUE, tTwoSidedP(t, df)), ciLow: m - q * se, ciHigh: m + q * se, test: 'paired-t' };
}
