import { describe, expect, it } from 'vitest';
import { clusterBootstrapRatio } from '../../../src/analysis/stats/bootstrap.js';
import { clusteredMean } from '../../../src/analysis/stats/cluster.js';
import { mulberry32 } from '../../../src/analysis/stats/prng.js';

describe('clusterBootstrapRatio', () => {
  const rngClusters = mulberry32(99);
  const C = 200;
  const sums: number[] = [];
  const ns: number[] = [];
  for (let c = 0; c < C; c++) {
    const n = 1 + rngClusters.int(4);
    let s = 0;
    const centre = rngClusters.next() * 4;
    for (let i = 0; i < n; i++) s += centre + rngClusters.next();
    sums.push(s);
    ns.push(n);
  }
  it('is reproducible and close to the clustered-SE normal interval with many clusters', () => {
    const a = clusterBootstrapRatio(sums, ns, 4000, mulberry32(1))!;
    const b = clusterBootstrapRatio(sums, ns, 4000, mulberry32(1))!;
    expect(a).toEqual(b);
    const cm = clusteredMean(sums.map((sum, i) => ({ sum, n: ns[i]! })))!;
    expect(a.low).toBeLessThan(cm.mean);
    expect(a.high).toBeGreaterThan(cm.mean);
    const halfBoot = (a.high - a.low) / 2;
    expect(halfBoot / (1.96 * cm.se!)).toBeGreaterThan(0.85);
    expect(halfBoot / (1.96 * cm.se!)).toBeLessThan(1.15);
  });
  it('needs two clusters', () => expect(clusterBootstrapRatio([1], [1], 100, mulberry32(1))).toBeNull());
});
