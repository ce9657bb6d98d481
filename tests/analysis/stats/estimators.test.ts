import { describe, expect, it } from 'vitest';
import { clusterBootstrapRatio } from '../../../src/analysis/stats/bootstrap.js';
import { clusteredMean } from '../../../src/analysis/stats/cluster.js';
import { mean, quantileSorted, variance } from '../../../src/analysis/stats/describe.js';
import { mulberry32 } from '../../../src/analysis/stats/prng.js';
import { wilson } from '../../../src/analysis/stats/wilson.js';

describe('descriptives', () => {
  it('mean, sample variance, type-7 quantile', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10, 20, 30], 0.25)).toBe(15);
  });
});

describe('clusteredMean (Inspect form)', () => {
  it('matches a hand computation', () => {
    // clusters {1,2,3}, {4,5}, {6}: mean 3.5; residual sums -4.5, 2, 2.5; sqrt(3/2 * 30.5) / 6
    const r = clusteredMean([{ sum: 6, n: 3 }, { sum: 9, n: 2 }, { sum: 6, n: 1 }]);
    expect(r?.mean).toBe(3.5);
    expect(r?.n).toBe(6);
    expect(r?.nClusters).toBe(3);
    expect(r?.se).toBeCloseTo(Math.sqrt(1.5 * 30.5) / 6, 12);
  });
  it('equals the naive SE * sqrt(C/(C-1)) * sqrt((n-1)/n) when every cluster has one item', () => {
    const xs = [3, 1, 4, 1, 5, 9, 2, 6];
    const r = clusteredMean(xs.map((x) => ({ sum: x, n: 1 })))!;
    const n = xs.length;
    const naive = Math.sqrt(variance(xs) / n);
    expect(r.se).toBeCloseTo(naive, 12); // C/(C-1) cancels the (n-1)/n of the population form
  });
  it('has no SE with one cluster and nothing with no data', () => {
    expect(clusteredMean([{ sum: 3, n: 3 }])?.se).toBeNull();
    expect(clusteredMean([])).toBeNull();
  });
});

describe('wilson', () => {
  it('8/10 at 95% is [0.4902, 0.9433]', () => {
    const w = wilson(0.8, 10)!;
    expect(w.low).toBeCloseTo(0.4902, 4);
    expect(w.high).toBeCloseTo(0.9433, 4);
  });
  it('0/20 upper bound is near the rule of three and the lower bound is 0', () => {
    const w = wilson(0, 20)!;
    expect(w.low).toBeCloseTo(0, 12);
    expect(w.high).toBeCloseTo(0.1611, 4);
  });
  it('rejects empty samples', () => expect(wilson(0.5, 0)).toBeNull());
});

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
