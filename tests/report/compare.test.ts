import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildComparison, compareRuns, type ScoreObs } from '../../src/report/compare.js';
import { createFixture } from './fixture.js';

const obs = (model: string, scenario: string, value: number, metric = 'resolution.resolved', approach = 'x'): ScoreObs => ({ metric, approach, model, scenario, value });
const METRICS = [{ metric: 'resolution.resolved', unit: 'rate', direction: 'higher-better' }, { metric: 'halluc.any', unit: 'rate', direction: 'lower-better' }];

describe('compareRuns', () => {
  test('same scenarios: paired by scenario, mean of per-scenario differences, t with G-1 df', () => {
    const a = [obs('m', 's1', 0), obs('m', 's2', 0), obs('m', 's3', 1), obs('m', 's4', 0)];
    const b = [obs('m', 's1', 1), obs('m', 's2', 1), obs('m', 's3', 1), obs('m', 's4', 1)];
    const row = compareRuns(a, b, METRICS).find((r) => r.approach === 'x')!;
    expect(row.test).toBe('paired-scenario-t');
    // diffs 1,1,0,1: mean .75, sd .5, se .25, t = 3 with 3 df -> p = 0.0577
    expect(row.delta).toBeCloseTo(0.75, 12);
    expect(row.se).toBeCloseTo(0.25, 12);
    expect(row.p).toBeCloseTo(0.05767, 4);
    expect(row.verdict).toBe('no significant change');
  });

  test('different scenarios: unpaired with scenario-clustered SEs', () => {
    const a = [obs('m', 's1', 0), obs('m', 's1', 0), obs('m', 's2', 0), obs('m', 's2', 1)];
    const b = [obs('m', 's3', 1), obs('m', 's3', 1), obs('m', 's4', 1), obs('m', 's4', 0)];
    const row = compareRuns(a, b, METRICS).find((r) => r.approach === 'x')!;
    expect(row.test).toBe('unpaired-cluster-z');
    expect(row.delta).toBeCloseTo(0.5, 12);
    // Each side: mean .25 / .75, cluster residual sums -.5 and +.5 -> sumSq .5, x2 -> sqrt(1)/4 = .25
    expect(row.se).toBeCloseTo(Math.sqrt(0.25 ** 2 + 0.25 ** 2), 12);
    expect(row.ciLow).toBeCloseTo(0.5 - 1.959964 * row.se!, 5);
  });

  test('direction decides better or worse; Holm runs within each metric; only groups in both runs', () => {
    const scen = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const a = scen.flatMap((s, i) => [obs('m', s, 0.1 + i * 0.01, 'halluc.any'), obs('m', s, 0.2 + i * 0.02), obs('only-a', s, 1)]);
    const b = scen.flatMap((s, i) => [obs('m', s, 0.9 + i * 0.005, 'halluc.any'), obs('m', s, 0.8 + i * 0.01)]);
    const rows = compareRuns(a, b, METRICS);
    expect(rows.some((r) => r.model === 'only-a')).toBe(false);
    const h = rows.find((r) => r.metric === 'halluc.any' && r.approach === 'x')!;
    const res = rows.find((r) => r.metric === 'resolution.resolved' && r.approach === 'x')!;
    expect(h.verdict).toBe('worse');
    expect(res.verdict).toBe('better');
    // Family per metric: approach 'x' and the pooled '*' row -> Holm multiplies the smaller p by 2.
    const pooled = rows.find((r) => r.metric === 'halluc.any' && r.approach === '*')!;
    expect(Math.min(h.pHolm!, pooled.pHolm!)).toBeCloseTo(2 * Math.min(h.p!, pooled.p!), 12);
  });

  test('a single scenario is not testable', () => {
    const row = compareRuns([obs('m', 's1', 0)], [obs('m', 's1', 1)], METRICS)[0]!;
    expect(row.p).toBeNull();
    expect(row.verdict).toBe('not testable');
  });
});

describe('buildComparison on two fixture databases', () => {
  test('writes compare.html and compare.md with the paired change of the GAI model', async () => {
    const a = await createFixture({ variant: 'a', plantXss: true });
    const b = await createFixture({ variant: 'b' });
    try {
      const r = await buildComparison(a.store, b.store, join(a.dir, 'cmp'), { generatedAt: '2026-11-25T12:00:00Z' });
      const gai = r.rows.find((x) => x.metric === 'resolution.resolved' && x.approach === 'empathic-support-agent' && x.model === 'gpt-x')!;
      // The planted scenario id differs between the databases, so that approach's scenarios are not identical: unpaired.
      expect(gai.test).toBe('unpaired-cluster-z');
      const offers = r.rows.find((x) => x.metric === 'resolution.resolved' && x.approach === 'on-the-fly-offers' && x.model === 'gpt-x')!;
      expect(offers.test).toBe('paired-scenario-t');
      expect(offers.meanB).toBe(1);
      expect(offers.delta).toBeGreaterThan(0);
      const rules = r.rows.find((x) => x.metric === 'resolution.resolved' && x.approach === 'on-the-fly-offers' && x.model === 'rules')!;
      expect(rules.delta).toBe(0);
      expect(rules.p).toBe(1);
      const html = readFileSync(r.html, 'utf8');
      expect(html).toContain('paired-scenario-t');
      expect(html).not.toContain('<script>window');
      const md = readFileSync(r.markdown, 'utf8');
      expect(md).toMatch(/^# cxbench run comparison/);
      expect(md).toContain('comparisons;');
      expect(md).toContain('Holm-adjusted within each metric');
    } finally {
      a.store.close();
      b.store.close();
    }
  }, 60_000);
});
