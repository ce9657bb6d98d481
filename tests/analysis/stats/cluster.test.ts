import { describe, expect, it } from 'vitest';
import { clusteredMean } from '../../../src/analysis/stats/cluster.js';
import { variance } from '../../../src/analysis/stats/describe.js';

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
