import { normalCdf, normalQuantile } from './normal.js';
import { regIncBeta } from './special.js';

/**
 * Student-t distribution. P(|T| > |t|) = I_{df/(df+t^2)}(df/2, 1/2), so the CDF needs only the incomplete beta.
 * df = Infinity falls back to the normal distribution.
 */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (df === Infinity) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * regIncBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** Two-sided p-value P(|T| >= |t|). */
export function tTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (df === Infinity) return 2 * normalCdf(-Math.abs(t));
  if (!Number.isFinite(t)) return 0;
  return regIncBeta(df / (df + t * t), df / 2, 0.5);
}

const quantileCache = new Map<string, number>();

/** Inverse CDF by bisection on tCdf; memoised because the analysis asks for the same few (p, df) pairs thousands of times. */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  if (df === Infinity) return normalQuantile(p);
  const key = `${p}|${df}`;
  const hit = quantileCache.get(key);
  if (hit !== undefined) return hit;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0;
  let hi = Math.max(1, normalQuantile(p));
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  const q = (lo + hi) / 2;
  quantileCache.set(key, q);
  return q;
}
