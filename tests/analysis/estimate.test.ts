import { describe, expect, it } from 'vitest';
import { estimateMetric, metricKind } from '../../src/analysis/estimate.js';
import { clopperPearson } from '../../src/analysis/stats/clopper-pearson.js';
import { tQuantile } from '../../src/analysis/stats/student-t.js';

const clusters = (k: number, n: number, sum: (i: number) => number) => Array.from({ length: k }, (_, i) => ({ sum: sum(i), n }));

describe('metricKind decides the interval from what the metric is', () => {
  it('rates, skewed positive units, everything else', () => {
    expect(metricKind(true, 'rate')).toBe('rate');
    expect(metricKind(false, 'usd')).toBe('skewed');
    expect(metricKind(false, 'tokens')).toBe('skewed');
    expect(metricKind(false, 'score')).toBe('mean');
    expect(metricKind(false, null)).toBe('mean');
  });
});

describe('estimateMetric (methods.md 5.1)', () => {
  it('weights scenarios equally', () => {
    const e = estimateMetric([{ sum: 1, n: 1 }, { sum: 0, n: 9 }, { sum: 1, n: 2 }, { sum: 1, n: 2 }], 'rate')!;
    expect(e.mean).toBeCloseTo((1 + 0 + 0.5 + 0.5) / 4, 12);
    expect(e.nConv).toBe(14);
  });

  it('a clustered rate is wider than the same count treated as independent', () => {
    const e = estimateMetric(clusters(10, 5, (i) => (i < 5 ? 5 : 0)), 'rate')!;
    expect(e.method).toBe('kg-clopper-pearson');
    const naive = clopperPearson(25, 50, 0.05)!;
    expect(e.ciHigh! - e.ciLow!).toBeGreaterThan(naive.high - naive.low);
    expect(e.nEff!).toBeLessThan(50);
  });

  it('a zero count keeps the clustering: each scenario counts once', () => {
    // 0 events in 713 conversations over 70 scenarios: the bound is about 5%, not 0.5%
    const e = estimateMetric(Array.from({ length: 70 }, (_, i) => ({ sum: 0, n: i < 13 ? 11 : 10 })), 'rate')!;
    expect(e.nConv).toBe(713);
    expect(e.ciLow).toBe(0);
    expect(e.ciHigh!).toBeGreaterThan(0.045);
    expect(e.ciHigh!).toBeLessThan(0.06);
    expect(e.nEff).toBe(70);
    expect(e.note).toMatch(/design effect not estimable/);
    // all-one mirrors it
    const one = estimateMetric(Array.from({ length: 70 }, () => ({ sum: 10, n: 10 })), 'rate')!;
    expect(one.ciHigh).toBe(1);
    expect(1 - one.ciLow!).toBeCloseTo(e.ciHigh!, 9);
  });

  it('a single scenario with events does not make the rate look independent', () => {
    const one = estimateMetric(clusters(70, 10, (i) => (i === 0 ? 1 : 0)), 'rate')!;
    const zero = estimateMetric(clusters(70, 10, () => 0), 'rate')!;
    expect(one.ciHigh!).toBeGreaterThan(zero.ciHigh!);
  });

  it('the t(G-1) quantile enters the effective n (Korn-Graubard)', () => {
    const e = estimateMetric(clusters(6, 10, (i) => [2, 5, 3, 7, 4, 6][i]!), 'rate')!;
    const z = 1.959963984540054;
    const nStar = e.nEff! * (z / tQuantile(0.975, 5)) ** 2;
    const cp = clopperPearson(e.mean * nStar, nStar, 0.05)!;
    expect(e.ciLow).toBeCloseTo(cp.low, 12);
    expect(e.ciHigh).toBeCloseTo(cp.high, 12);
  });

  it('scores get t(G-1) on the scenario means', () => {
    const e = estimateMetric(clusters(5, 3, (i) => 3 * [1, 2, 3, 4, 5][i]!), 'mean')!;
    expect(e.method).toBe('cluster-t');
    expect(e.mean).toBe(3);
    expect(e.ciHigh! - 3).toBeCloseTo(tQuantile(0.975, 4) * Math.sqrt(2.5 / 5), 12);
  });

  it('costs get the modified Cox interval on log scenario means, or t when a scenario mean is 0', () => {
    const e = estimateMetric(clusters(6, 2, (i) => 2 * [0.01, 0.02, 0.015, 0.05, 0.012, 0.03][i]!), 'skewed')!;
    expect(e.method).toBe('cluster-log-t');
    expect(e.ciLow!).toBeGreaterThan(0);
    expect(e.ciHigh! - e.mean).toBeGreaterThan(e.mean - e.ciLow!);
    const z = estimateMetric(clusters(6, 2, (i) => (i === 0 ? 0 : 0.02)), 'skewed')!;
    expect(z.method).toBe('cluster-t');
    expect(z.note).toMatch(/no log scale/);
  });

  it('below four scenarios there is no interval, only the reason', () => {
    for (const kind of ['rate', 'mean', 'skewed'] as const) {
      const e = estimateMetric(clusters(3, 4, (i) => i + 1), kind)!;
      expect(e.method).toBe('too-few-scenarios');
      expect(e.ciLow).toBeNull();
      expect(e.ciHigh).toBeNull();
      expect(e.note).toMatch(/too few scenarios/);
    }
  });
});
