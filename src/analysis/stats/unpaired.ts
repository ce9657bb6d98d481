import { mean, variance } from './describe.js';
import { LEVEL, MIN_SCENARIOS } from './policy.js';
import { tQuantile, tTwoSidedP } from './student-t.js';

/**
 * Difference of two scenario-weighted means whose scenarios are not matched (methods.md 5.2, comparing two runs):
 * delta = mean(b) - mean(a) over the scenario means of each side.
 * - both sides with G >= MIN_SCENARIOS and some spread: Welch t, SE^2 = s_a^2 / G_a + s_b^2 / G_b, Satterthwaite df
 *   (each side's part has G - 1 df, as its own t(G-1) interval in 5.1), with the t interval;
 * - no spread on either side: the exact two-sample permutation test on the scenario means (all C(G_a + G_b, G_a)
 *   splits; with two constants the observed split is the most extreme, so p = 1 / C, or 2 / C when G_a = G_b because
 *   the swapped split is as extreme), no interval;
 * - either side below MIN_SCENARIOS: no interval and no test.
 * p is never 0.
 */
export type UnpairedTest = 'welch-t' | 'permutation-exact' | 'too-few-scenarios';

export interface UnpairedResult {
  nA: number;
  nB: number;
  delta: number;
  se: number | null;
  df: number | null;
  p: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  test: UnpairedTest;
}

/** log C(n, k) by summing logs: exact enough for the sizes a study has, and never overflows. */
function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

export function unpairedDifference(a: readonly number[], b: readonly number[], level = LEVEL): UnpairedResult | null {
  if (a.length === 0 || b.length === 0) return null;
  const delta = mean(b) - mean(a);
  const base = { nA: a.length, nB: b.length, delta };
  if (a.length < MIN_SCENARIOS || b.length < MIN_SCENARIOS) return { ...base, se: null, df: null, p: null, ciLow: null, ciHigh: null, test: 'too-few-scenarios' };
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const se = Math.sqrt(va + vb);
  const tol = 1e-12 * Math.max(1, Math.abs(mean(a)), Math.abs(mean(b)));
  if (!(se > tol)) {
    const p = Math.abs(delta) <= tol ? 1 : Math.min(1, (a.length === b.length ? 2 : 1) * Math.exp(-logChoose(a.length + b.length, a.length)));
    return { ...base, se: 0, df: null, p: Math.max(Number.MIN_VALUE, p), ciLow: null, ciHigh: null, test: 'permutation-exact' };
  }
  const df = (va + vb) ** 2 / ((va > 0 ? va ** 2 / (a.length - 1) : 0) + (vb > 0 ? vb ** 2 / (b.length - 1) : 0));
  const q = tQuantile(1 - (1 - level) / 2, df);
  return { ...base, se, df, p: Math.max(Number.MIN_VALUE, tTwoSidedP(delta / se, df)), ciLow: delta - q * se, ciHigh: delta + q * se, test: 'welch-t' };
}
