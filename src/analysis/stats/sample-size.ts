import { tQuantile } from './student-t.js';

/**
 * Sample size and minimum detectable effect for the paired t the report runs (methods.md 5.6): the smallest n >= 2
 * with (t_{1-alpha/2, n-1} + t_{power, n-1}) sd / sqrt(n) <= |delta|. The t quantiles replace the z formula, which
 * was 2-3 scenarios short at alpha 0.05 and more at Holm-adjusted alphas; checkPowerBySimulation confirms it.
 */
export function pairedSampleSize(args: { sd: number; delta: number; alpha?: number; power?: number }): number {
  const alpha = args.alpha ?? 0.05;
  const power = args.power ?? 0.8;
  if (!(args.sd >= 0) || !(Math.abs(args.delta) > 0)) return NaN;
  if (args.sd === 0) return 2;
  const ratio = args.sd / Math.abs(args.delta);
  const need = (n: number): number => ((tQuantile(1 - alpha / 2, n - 1) + tQuantile(power, n - 1)) * ratio) ** 2;
  let n = 2;
  while (n < need(n)) n = Math.max(n + 1, Math.ceil(need(n) * 0.999) > n ? Math.min(Math.ceil(need(n)), n * 2) : n + 1);
  // The jump above can overshoot by a little; walk back to the smallest n that still suffices.
  while (n > 2 && n - 1 >= need(n - 1)) n--;
  return n;
}

/** The gap a t test with this SE and df detects with the given power at two-sided level alpha. */
export function minimumDetectable(args: { se: number; df: number; alpha?: number; power?: number }): number | null {
  if (!(args.se >= 0) || !(args.df > 0)) return null;
  return (tQuantile(1 - (args.alpha ?? 0.05) / 2, args.df) + tQuantile(args.power ?? 0.8, args.df)) * args.se;
}
