import { regIncBeta } from './special.js';
import type { Interval } from './wilson.js';

/** Inverse of the regularised incomplete beta I_x(a, b) in x, by bisection (monotone, 1e-12 in x). */
export function betaQuantile(q: number, a: number, b: number): number {
  if (q <= 0) return 0;
  if (q >= 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 64 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (regIncBeta(mid, a, b) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Clopper-Pearson interval for x successes in n trials through the beta quantiles; x and n may be fractional
 * (effective counts, methods.md 5.1). alpha is the total two-sided tail mass.
 */
export function clopperPearson(x: number, n: number, alpha: number): Interval | null {
  if (!(n > 0) || !(x >= 0) || x > n + 1e-9 || !(alpha > 0 && alpha < 1)) return null;
  const xc = Math.min(x, n);
  const low = xc <= 0 ? 0 : betaQuantile(alpha / 2, xc, n - xc + 1);
  const high = xc >= n ? 1 : betaQuantile(1 - alpha / 2, xc + 1, n - xc);
  return { low, high };
}
