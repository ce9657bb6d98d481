import { quantileSorted } from './describe.js';
import type { Rng } from './prng.js';
import type { Interval } from './wilson.js';

/**
 * Cluster bootstrap percentile interval for a ratio of sums, sum(num) / sum(den), resampling whole clusters with
 * replacement (methods.md 5.4). A mean is num = cluster sum, den = cluster size; cost per resolved conversation is
 * num = cluster cost, den = cluster resolved count. Replicates with a zero denominator are dropped.
 */
export function clusterBootstrapRatio(num: ArrayLike<number>, den: ArrayLike<number>, B: number, rng: Rng, level = 0.95): Interval | null {
  const c = num.length;
  if (c < 2 || den.length !== c || B < 1) return null;
  const stats = new Float64Array(B);
  let kept = 0;
  for (let b = 0; b < B; b++) {
    let sn = 0;
    let sd = 0;
    for (let i = 0; i < c; i++) {
      const j = rng.int(c);
      sn += num[j]!;
      sd += den[j]!;
    }
    if (sd !== 0) stats[kept++] = sn / sd;
  }
  if (kept === 0) return null;
  const sorted = stats.subarray(0, kept).sort();
  const alpha = (1 - level) / 2;
  return { low: quantileSorted(sorted, alpha), high: quantileSorted(sorted, 1 - alpha) };
}
