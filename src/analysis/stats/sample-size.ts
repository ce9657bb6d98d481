import { normalQuantile } from './normal.js';

/**
 * Units (scenarios) needed to detect a mean paired difference delta with a two-sided level-alpha test at the given
 * power: n = ((z_{1-alpha/2} + z_{1-beta}) * sd / delta)^2, rounded up (methods.md 5.6).
 */
export function pairedSampleSize(args: { sd: number; delta: number; alpha?: number; power?: number }): number {
  const alpha = args.alpha ?? 0.05;
  const power = args.power ?? 0.8;
  if (!(args.sd >= 0) || !(Math.abs(args.delta) > 0)) return NaN;
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return Math.ceil(((z * args.sd) / Math.abs(args.delta)) ** 2);
}
