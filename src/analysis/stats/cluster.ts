/**
 * Mean with a standard error clustered by scenario, in the form Inspect uses (Miller 2024, appendix A; methods.md 5.1):
 * SE = sqrt( C/(C-1) * sum_c (sum_{i in c} (s_i - mean))^2 ) / n.
 * Only per-cluster sums and counts are needed, so the database can do the heavy grouping.
 */
export interface ClusterSum {
  sum: number;
  n: number;
}

export interface ClusteredMean {
  mean: number;
  /** null with fewer than two clusters: the between-cluster spread is not estimable. */
  se: number | null;
  n: number;
  nClusters: number;
}

export function clusteredMean(clusters: readonly ClusterSum[]): ClusteredMean | null {
  let n = 0;
  let total = 0;
  let nClusters = 0;
  for (const c of clusters) {
    if (c.n <= 0) continue;
    n += c.n;
    total += c.sum;
    nClusters++;
  }
  if (n === 0) return null;
  const m = total / n;
  if (nClusters < 2) return { mean: m, se: null, n, nClusters };
  let ss = 0;
  for (const c of clusters) {
    if (c.n <= 0) continue;
    const r = c.sum - c.n * m;
    ss += r * r;
  }
  return { mean: m, se: Math.sqrt((nClusters / (nClusters - 1)) * ss) / n, n, nClusters };
}
