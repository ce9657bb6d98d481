import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tQuantile } from '../../src/analysis/stats/student-t.js';
import { buildComparison, compareRuns, type ScoreObs } from '../../src/report/compare.js';
import { createFixture } from './fixture.js';

const obs = (model: string, scenario: string, value: number, metric = 'resolution.resolved', approach = 'x'): ScoreObs => ({ metric, approach, model, scenario, value });
const METRICS = [{ metric: 'resolution.resolved', unit: 'rate', direction: 'higher-better' }, { metric: 'halluc.any', unit: 'rate', direction: 'lower-better' }];

describe('compareRuns', () => {
  test('same scenarios: paired by scenario, mean of per-scenario differences, t with G-1 df and its t interval', () => {
    const a = [obs('m', 's1', 0), obs('m', 's2', 0), obs('m', 's3', 1), obs('m', 's4', 0)];
    const b = [obs('m', 's1', 1), obs('m', 's2', 1), obs('m', 's3', 1), obs('m', 's4', 1)];
    const row = compareRuns(a, b, METRICS).find((r) => r.approach === 'x')!;
    expect(row.test).toBe('paired-t');
    // diffs 1,1,0,1: mean .75, sd .5, se .25, t = 3 with 3 df -> p = 0.0577; t(3) quantile 3.182
    expect(row.delta).toBeCloseTo(0.75, 12);
    expect(row.se).toBeCloseTo(0.25, 12);
    expect(row.p).toBeCloseTo(0.05767, 4);
    expect(row.ciLow).toBeCloseTo(0.75 - 3.182446 * 0.25, 5);
    expect(row.verdict).toBe('no significant change');
  });

  test('means are scenario-weighted: a scenario with more conversations does not weigh more', () => {
    const a = ['s1', 's2', 's3', 's4'].flatMap((s, i) => [obs('m', s, i % 2), ...(s === 's1' ? [obs('m', s, 0), obs('m', s, 0)] : [])]);
    const row = compareRuns(a, a, METRICS).find((r) => r.approach === 'x')!;
    expect(row.meanA).toBeCloseTo(0.5, 12);
    expect(row.nA).toBe(6);
  });

  test('different scenarios: unpaired Welch t on the scenario means with Satterthwaite df', () => {
    const a = ['s1', 's2', 's3', 's4'].flatMap((s, i) => [obs('m', s, 0.1 * i), obs('m', s, 0.1 * i + 0.2)]);
    const b = ['t1', 't2', 't3', 't4', 't5'].map((s, i) => obs('m', s, 0.5 + 0.05 * i * i));
    const row = compareRuns(a, b, METRICS).find((r) => r.approach === 'x')!;
    expect(row.test).toBe('welch-t');
    const ma = [0.1, 0.2, 0.3, 0.4];
    const mb = [0, 1, 2, 3, 4].map((i) => 0.5 + 0.05 * i * i);
    const m = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    const v = (xs: number[]): number => xs.reduce((s, x) => s + (x - m(xs)) ** 2, 0) / (xs.length - 1) / xs.length;
    expect(row.delta).toBeCloseTo(m(mb) - m(ma), 12);
    expect(row.se).toBeCloseTo(Math.sqrt(v(ma) + v(mb)), 12);
    const df = (v(ma) + v(mb)) ** 2 / (v(ma) ** 2 / 3 + v(mb) ** 2 / 4);
    expect(row.ciHigh! - row.delta!).toBeCloseTo(tQuantile(0.975, df) * row.se!, 8);
    expect(row.note).toMatch(/different scenarios/);
  });

  test('unpaired with no spread on either side: exact permutation test, no interval', () => {
    const a = ['s1', 's2', 's3', 's4'].map((s) => obs('m', s, 0));
    const b = ['t1', 't2', 't3', 't4'].map((s) => obs('m', s, 1));
    const row = compareRuns(a, b, METRICS).find((r) => r.approach === 'x')!;
    expect(row.test).toBe('permutation-exact');
    // 8 scenario means split 4/4: the observed split and its swap are the only ones as extreme, 2 / C(8, 4) = 1/35.
    expect(row.p).toBeCloseTo(2 / 70, 12);
    expect(row.ciLow).toBeNull();
  });

  test('direction decides better or worse; Holm runs within each metric; only groups in both runs', () => {
    const scen = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const a = scen.flatMap((s, i) => [obs('m', s, 0.1 + i * 0.01, 'halluc.any'), obs('m', s, 0.2 + i * 0.02), obs('m2', s, 0.3 + i * 0.02, 'halluc.any'), obs('only-a', s, 1)]);
    const b = scen.flatMap((s, i) => [obs('m', s, 0.9 + i * 0.005, 'halluc.any'), obs('m', s, 0.8 + i * 0.01), obs('m2', s, 0.31 + i * 0.03, 'halluc.any')]);
    const rows = compareRuns(a, b, METRICS);
    expect(rows.some((r) => r.model === 'only-a')).toBe(false);
    const h = rows.find((r) => r.metric === 'halluc.any' && r.approach === 'x' && r.model === 'm')!;
    const h2 = rows.find((r) => r.metric === 'halluc.any' && r.approach === 'x' && r.model === 'm2')!;
    const res = rows.find((r) => r.metric === 'resolution.resolved' && r.approach === 'x')!;
    expect(h.verdict).toBe('worse');
    expect(res.verdict).toBe('better');
    // Family per metric: the approach rows of m and m2; each pooled row repeats its single approach and is counted once.
    const lo = Math.min(h.p!, h2.p!);
    expect(Math.min(h.pHolm!, h2.pHolm!)).toBeCloseTo(2 * lo, 12);
    const pooled = rows.find((r) => r.metric === 'halluc.any' && r.approach === '*' && r.model === 'm')!;
    expect(pooled.pHolm).toBe(h.pHolm);
  });

  test('unknown money stays unknown: an unpriced conversation makes the cost and its change null, never $0', () => {
    const money = [...METRICS, { metric: 'cost.agent_usd', unit: 'usd', direction: 'lower-better' }];
    const scen = ['s1', 's2', 's3', 's4', 's5'];
    const a = scen.map((s, i) => obs('m', s, 0.01 * (i + 1), 'cost.agent_usd'));
    const b = scen.map((s, i) => ({ ...obs('m', s, 0.02 * (i + 1), 'cost.agent_usd'), value: s === 's3' ? null : 0.02 * (i + 1) }));
    const row = compareRuns(a, b, money).find((r) => r.approach === 'x')!;
    expect(row.meanA).toBeCloseTo(0.03, 12);
    expect([row.meanB, row.delta, row.p, row.pHolm, row.test, row.verdict]).toEqual([null, null, null, null, 'unknown-money', 'unknown']);
    expect(row.note).toMatch(/run B: 1 conversation/);
    expect(row.nB).toBe(5);
    // A null of a metric that is not money is "nothing to score" and is left out.
    const other = compareRuns(scen.map((s) => obs('m', s, 1)), scen.map((s) => ({ ...obs('m', s, 1), value: s === 's1' ? null : 1 })), money)[0]!;
    // (B then covers s2-s5 only: unpaired, and with no spread on either side the exact permutation test gives p = 1.)
    expect([other.test, other.nB, other.delta, other.p]).toEqual(['permutation-exact', 4, 0, 1]);
  });

  test('below 4 scenarios: no interval and the verdict says too few scenarios', () => {
    const row = compareRuns([obs('m', 's1', 0)], [obs('m', 's1', 1)], METRICS)[0]!;
    expect(row.ciLow).toBeNull();
    expect(row.test).toBe('too-few-scenarios');
    expect(row.verdict).toBe('too few scenarios');
    const three = ['s1', 's2', 's3'];
    const paired = compareRuns(three.map((s) => obs('m', s, 0)), three.map((s, i) => obs('m', s, 1 + i)), METRICS).find((r) => r.approach === 'x')!;
    expect(paired.test).toBe('too-few-scenarios');
    expect(paired.p!).toBeGreaterThanOrEqual(0.25);
    expect(paired.note).toMatch(/too few scenarios \(3 < 4\)/);
    const unpaired = compareRuns(three.map((s) => obs('m', s, 0)), ['t1', 't2', 't3', 't4'].map((s, i) => obs('m', s, i)), METRICS)[0]!;
    expect([unpaired.test, unpaired.p, unpaired.verdict]).toEqual(['too-few-scenarios', null, 'too few scenarios']);
  });
});

describe('buildComparison on two fixture databases', () => {
  test('writes compare.html and compare.md with the paired change of the GAI model', async () => {
    const a = await createFixture({ variant: 'a', plantXss: true });
    const b = await createFixture({ variant: 'b' });
    try {
      const r = await buildComparison(a.store, b.store, join(a.dir, 'cmp'), { generatedAt: '2026-11-25T12:00:00Z' });
      const gai = r.rows.find((x) => x.metric === 'resolution.resolved' && x.approach === 'empathic-support-agent' && x.model === 'gpt-x')!;
      // The planted scenario id differs between the databases, so that approach's scenarios are not identical (unpaired),
      // and three scenarios are too few for an interval or a verdict.
      expect([gai.test, gai.scenariosA, gai.ciLow, gai.p, gai.verdict]).toEqual(['too-few-scenarios', 3, null, null, 'too few scenarios']);
      expect(gai.note).toMatch(/too few scenarios \(3 < 4\)/);
      const offers = r.rows.find((x) => x.metric === 'resolution.resolved' && x.approach === 'on-the-fly-offers' && x.model === 'gpt-x')!;
      expect(['paired-t', 'sign-flip-exact', 'too-few-scenarios']).toContain(offers.test);
      expect(offers.meanB).toBe(1);
      expect(offers.delta).toBeGreaterThan(0);
      const rules = r.rows.find((x) => x.metric === 'resolution.resolved' && x.approach === 'on-the-fly-offers' && x.model === 'rules')!;
      expect(rules.delta).toBe(0);
      expect(rules.p).toBe(1);
      const html = readFileSync(r.html, 'utf8');
      expect(html).toContain(offers.test);
      expect(html).not.toContain('<script>window');
      const md = readFileSync(r.markdown, 'utf8');
      expect(md).toMatch(/^# cxbench run comparison/);
      expect(md).toContain('comparisons;');
      expect(md).toContain('Holm-adjusted within each metric');
      expect(md).toContain('scenario-weighted means');
    } finally {
      a.store.close();
      b.store.close();
    }
  }, 60_000);
});
