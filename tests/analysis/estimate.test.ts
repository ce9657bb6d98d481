import { describe, expect, it } from 'vitest';
import { estimateMetric, metricKind } from '../../src/analysis/estimate.js';
import { clopperPearson } from '../../src/analysis/stats/clopper-pearson.js';
import { rateDf } from '../../src/analysis/stats/cluster-interval.js';
import { tQuantile } from '../../src/analysis/stats/student-t.js';

const clusters = (k: number, n: number, sum: (i: number) => number) => Array.from({ length: k }, (_, i) => ({ sum: sum(i), n }));

describe('metricKind decides the interval from what the metric is', () => {
  it('rates, skewed positive units, everything else', () => {
    expect(metricKind(true, 'rate')).toBe('rate');
    expect(metricKind(false, 'usd')).toBe('skewed');
    expect(metricKind(false, 'tokens')).toBe('skewed');
    expect(metricKind(false, 'count')).toBe('count');
    expect(metricKind(false, 'score')).toBe('mean');
    expect(metricKind(false, null)).toBe('mean');
    expect(metricKind(false, 'score', true)).toBe('bounded');
    expect(metricKind(false, 'pp', true)).toBe('mean');
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
    expect(e.method).toBe('cluster-logit-t');
    const naive = clopperPearson(25, 50, 0.05)!;
    expect(e.ciHigh! - e.ciLow!).toBeGreaterThan(naive.high - naive.low);
    expect(e.nEff!).toBeLessThan(50);
  });

  it('a zero count keeps the clustering: each scenario counts once', () => {
    // 0 events in 713 conversations over 70 scenarios: the bound is about 5%, not 0.5% (exact: 1 - 0.025^(1/70))
    const e = estimateMetric(Array.from({ length: 70 }, (_, i) => ({ sum: 0, n: i < 13 ? 11 : 10 })), 'rate')!;
    expect(e.nConv).toBe(713);
    expect(e.ciLow).toBe(0);
    expect(e.ciHigh!).toBeCloseTo(1 - 0.025 ** (1 / 70), 9);
    expect(e.nEff).toBe(70);
    expect(e.method).toBe('cluster-clopper-pearson');
    expect(e.note).toMatch(/clustering not estimable/);
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

  it('logit(p) +- t SE / (p(1-p)) with the effective df, back-transformed', () => {
    const rates = [2, 5, 3, 7, 4, 6].map((x) => x / 10);
    const e = estimateMetric(clusters(6, 10, (i) => 10 * rates[i]!), 'rate')!;
    const p = 0.45;
    const se = Math.sqrt(rates.reduce((s, x) => s + (x - p) ** 2, 0) / 5 / 6);
    const df = rateDf(rates, p);
    expect(df).toBe(5); // evenly spread rates: the full G - 1
    const h = (tQuantile(0.975, df) * se) / (p * (1 - p));
    const inv = (x: number) => 1 / (1 + Math.exp(-x));
    expect(e.ciLow).toBeCloseTo(inv(Math.log(p / (1 - p)) - h), 12);
    expect(e.ciHigh).toBeCloseTo(inv(Math.log(p / (1 - p)) + h), 12);
  });

  it('few scenarios carrying all events lower the df', () => {
    // 60 scenarios, two of them with events: the variance rests on two scenarios, not on 59 degrees of freedom
    expect(rateDf([0.5, 0.4, ...Array<number>(58).fill(0)], 0.9 / 60)).toBe(5);
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

  it('a count of 0 everywhere gets a Poisson bound, a cost of 0 everywhere stays a known 0', () => {
    const c = estimateMetric(clusters(10, 3, () => 0), 'count')!;
    expect(c.method).toBe('cluster-poisson-zero');
    expect(c.ciHigh).toBeCloseTo(-Math.log(0.025) / 10, 12);
    expect(estimateMetric(clusters(10, 3, () => 0), 'skewed')!.method).toBe('constant');
  });

  it('no spread between scenarios gives no interval, except at the bound of a [0, 1] score', () => {
    const flat = estimateMetric(clusters(8, 3, () => 1.5), 'mean')!;
    expect(flat.method).toBe('no-spread');
    expect(flat.ciLow).toBeNull();
    const top = estimateMetric(clusters(8, 3, () => 3), 'bounded')!;
    expect(top.method).toBe('cluster-clopper-pearson');
    expect(top.ciHigh).toBe(1);
    expect(top.ciLow).toBeCloseTo(0.025 ** (1 / 8), 9);
    expect(estimateMetric(clusters(8, 2, () => 1), 'bounded')!.method).toBe('no-spread');
    const clipped = estimateMetric(clusters(6, 1, (i) => [1, 1, 1, 1, 1, 0.2][i]!), 'bounded')!;
    expect(clipped.ciHigh).toBe(1);
  });

  it('below four scenarios there is no interval, only the reason', () => {
    for (const kind of ['rate', 'bounded', 'mean', 'skewed', 'count'] as const) {
      const e = estimateMetric(clusters(3, 4, (i) => i + 1), kind)!;
      expect(e.method).toBe('too-few-scenarios');
      expect(e.ciLow).toBeNull();
      expect(e.ciHigh).toBeNull();
      expect(e.note).toMatch(/too few scenarios/);
    }
  });
});
