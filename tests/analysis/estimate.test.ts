import { describe, expect, it } from 'vitest';
import { estimateMean } from '../../src/analysis/estimate.js';
import { mulberry32 } from '../../src/analysis/stats/prng.js';
import { wilson } from '../../src/analysis/stats/wilson.js';

const boot = () => ({ B: 1000, rng: mulberry32(3) });
const clusters = (k: number, n: number, sum: (i: number) => number) => Array.from({ length: k }, (_, i) => ({ sum: sum(i), n }));

describe('estimateMean picks the interval the contract names', () => {
  it('wilson for a binary metric with few scenarios, widened by the design effect', () => {
    // 10 scenarios of 5: half all-success, half all-failure -> strong clustering
    const e = estimateMean(clusters(10, 5, (i) => (i < 5 ? 5 : 0)), true, boot())!;
    expect(e.ciMethod).toBe('wilson');
    const naive = wilson(0.5, 50)!;
    expect(e.ciHigh! - e.ciLow!).toBeGreaterThan(naive.high - naive.low);
  });
  it('wilson on plain n when the rate is 0', () => {
    const e = estimateMean(clusters(40, 5, () => 0), true, boot())!;
    expect(e.ciMethod).toBe('wilson');
    expect(e.ciHigh).toBeCloseTo(wilson(0, 200)!.high, 12);
  });
  it('design-effect Wilson for a binary metric with 30+ scenarios, never outside [0, 1] for a rare event', () => {
    const e = estimateMean(clusters(40, 2, (i) => i % 3 === 0 ? 2 : 1), true, boot())!;
    expect(e.ciMethod).toBe('wilson');
    // Close to mean +/- z*SE when the rate is not extreme.
    expect(e.ciHigh! - e.mean).toBeCloseTo(1.959963984540054 * e.se!, 1);
    const rare = estimateMean(clusters(60, 10, (i) => (i === 0 ? 6 : 0)), true, boot())!;
    expect(rare.ciLow!).toBeGreaterThanOrEqual(0);
    expect(rare.mean - 1.96 * rare.se!).toBeLessThan(0);
  });
  it('cluster bootstrap for a continuous metric with few scenarios, cluster-se with many', () => {
    expect(estimateMean(clusters(8, 3, (i) => i * 2.5), false, boot())?.ciMethod).toBe('cluster-bootstrap');
    expect(estimateMean(clusters(30, 3, (i) => i * 2.5), false, boot())?.ciMethod).toBe('cluster-se');
  });
  it('no interval from a single continuous scenario', () => {
    const e = estimateMean([{ sum: 6, n: 3 }], false, boot())!;
    expect(e.mean).toBe(2);
    expect(e.se).toBeNull();
    expect(e.ciLow).toBeNull();
  });
});
