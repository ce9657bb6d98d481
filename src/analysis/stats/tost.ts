import { MIN_SCENARIOS } from './policy.js';
import { tCdf, tQuantile } from './student-t.js';

/**
 * Two one-sided tests (Schuirmann 1987) for |true gap| < margin: equivalent iff the (1 - 2 alpha) CI, 90% by
 * default, lies inside (-margin, margin); p = max of the two one-sided p-values. Not testable (equivalent null, with
 * the reason) without a margin, with SE 0 or missing, or with fewer than MIN_SCENARIOS units (methods.md 2.4):
 * zero spread on a handful of scenarios cannot show that a gap is small.
 */
export interface TostResult {
  equivalent: boolean | null;
  p: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  margin: number | null;
  reason: string | null;
}

export function tost(args: { mean: number; se: number | null; df: number; margin: number | null; alpha?: number; n?: number }): TostResult {
  const { mean, se, df, margin } = args;
  const alpha = args.alpha ?? 0.05;
  const untestable = (reason: string): TostResult => ({ equivalent: null, p: null, ciLow: null, ciHigh: null, margin, reason });
  if (margin === null || !(margin > 0)) return untestable('no margin for this outcome');
  if (args.n !== undefined && args.n < MIN_SCENARIOS) return untestable(`too few scenarios (${args.n} < ${MIN_SCENARIOS})`);
  if (se === null || !Number.isFinite(se) || !(df > 0) || !Number.isFinite(mean)) return untestable('no standard error');
  if (se === 0) return untestable('zero spread: equivalence cannot be shown');
  const q = tQuantile(1 - alpha, df);
  const ciLow = mean - q * se;
  const ciHigh = mean + q * se;
  const pLower = 1 - tCdf((mean + margin) / se, df);
  const pUpper = tCdf((mean - margin) / se, df);
  const p = Math.max(pLower, pUpper);
  return { equivalent: ciLow > -margin && ciHigh < margin, p, ciLow, ciHigh, margin, reason: null };
}
