import { binomialCdf } from './binomial.js';

/**
 * Exact McNemar test: a two-sided binomial test of b successes out of b + c discordant pairs with p = 1/2
 * (methods.md 5.2). The sign test on per-scenario differences is the same computation with
 * b = #positive and c = #negative differences (ties dropped).
 */
export interface ExactBinomialResult {
  b: number;
  c: number;
  p: number;
}

export function mcnemarExact(b: number, c: number): ExactBinomialResult {
  const n = b + c;
  if (n === 0) return { b, c, p: 1 };
  return { b, c, p: Math.min(1, 2 * binomialCdf(Math.min(b, c), n, 0.5)) };
}

/** Exact sign test on differences; |d| below tol counts as a tie and is dropped. */
export function signTest(d: readonly number[], tol = 1e-12): ExactBinomialResult {
  let pos = 0;
  let neg = 0;
  for (const x of d) {
    if (x > tol) pos++;
    else if (x < -tol) neg++;
  }
  return mcnemarExact(pos, neg);
}
