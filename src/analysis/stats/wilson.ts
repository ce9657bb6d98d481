import { normalQuantile } from './normal.js';

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a proportion (methods.md 5.1). n may be fractional: callers pass a design-effect
 * adjusted effective sample size for clustered rates.
 */
export function wilson(pHat: number, n: number, level = 0.95): Interval | null {
  if (!(n > 0) || !(pHat >= 0 && pHat <= 1)) return null;
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (pHat + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((pHat * (1 - pHat)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
