import { tCdf, tQuantile } from './student-t.js';

/**
 * Two one-sided tests (Schuirmann 1987) for |true gap| < margin: equivalent iff the (1 - 2 alpha) CI, 90% by
 * default, lies inside (-margin, margin); p = max of the two one-sided p-values. equivalent is null when the test
 * cannot be run (no SE, no margin).
 */
export interface TostResult {
  equivalent: boolean | null;
  p: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  margin: number | null;
}

export function tost(args: { mean: number; se: number | null; df: number; margin: number | null; alpha?: number }): TostResult {
  const { mean, se, df, margin } = args;
  const alpha = args.alpha ?? 0.05;
  if (margin === null || !(margin > 0) || se === null || !Number.isFinite(se) || !(df > 0) || !Number.isFinite(mean)) {
    return { equivalent: null, p: null, ciLow: null, ciHigh: null, margin };
  }
  if (se === 0) {
    const inside = Math.abs(mean) < margin;
    return { equivalent: inside, p: inside ? 0 : 1, ciLow: mean, ciHigh: mean, margin };
  }
  const q = tQuantile(1 - alpha, df);
  const ciLow = mean - q * se;
  const ciHigh = mean + q * se;
  const pLower = 1 - tCdf((mean + margin) / se, df);
  const pUpper = tCdf((mean - margin) / se, df);
  const p = Math.max(pLower, pUpper);
  return { equivalent: ciLow > -margin && ciHigh < margin, p, ciLow, ciHigh, margin };
}
