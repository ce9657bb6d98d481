import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeComparisons, type ComparisonRow } from '../../src/analysis/comparisons.js';
import { dropLongView, prepareLongView } from '../../src/analysis/source.js';
import { tQuantile, tTwoSidedP } from '../../src/analysis/stats/student-t.js';
import type { Store } from '../../src/store/db.js';
import { APPROACH, insertCells, tempStore, type Cell } from './label-store.js';

/**
 * Agent-vs-agent comparisons (methods.md 5.2, 5.5): every pair of labels of one approach is compared per scenario,
 * a user's traditional bot against the rules arm included; unknown money stays unknown.
 */
const OTHER = 'proactive-outreach';
const SCEN = Array.from({ length: 8 }, (_, i) => `s${i}`);
const VARIANTS = ['base', 'n1'];
const EFFECT: Record<string, number> = { 'gpt-x': 100, warm: 160, rules: 0, 'zz-bot': 20 };
const ARM: Record<string, 'gai' | 'traditional'> = { 'gpt-x': 'gai', warm: 'gai', rules: 'traditional', 'zz-bot': 'traditional' };
const LABEL_NO: Record<string, number> = { 'gpt-x': 1, warm: 2, rules: 3, 'zz-bot': 4 };

/** A reply length that depends on the scenario, the label, the variant and the epoch, with label-specific noise. */
const chars = (label: string, s: number, v: number, e: number): number => 50 * s + EFFECT[label]! + (((s * 7 + LABEL_NO[label]! * 3 * (s + 1) + e * 5 + v) % 11) - 5);
/** Cost: known for gpt-x and the rules arm ($0); zz-bot has no price at all; warm lacks one in a single conversation. */
const cost = (label: string, s: number, v: number, e: number): number | null =>
  label === 'rules' ? 0 : label === 'zz-bot' ? null : label === 'warm' && s === 3 && v === 1 && e === 1 ? null : 0.001 * (1 + s) + (label === 'warm' ? 0.002 : 0);

function study(): Cell[] {
  const out: Cell[] = [];
  for (const label of Object.keys(EFFECT)) {
    SCEN.forEach((scenario, s) => VARIANTS.forEach((variant, v) => {
      for (let epoch = 0; epoch < 2; epoch++) {
        out.push({ model: label, arm: ARM[label]!, scenario, variant, epoch, scores: { 'style.agent_chars': chars(label, s, v, epoch), 'cost.agent_usd': cost(label, s, v, epoch) } });
      }
    }));
  }
  // Another approach: a deployed bot that ran the base persona only, against a rules arm that ran the named variants
  // only on t3..t5; and gpt-x on just three of its scenarios.
  for (let t = 0; t < 6; t++) {
    out.push({ model: 'helpdesk-bot', arm: 'gai', approach: OTHER, scenario: `t${t}`, scores: { 'style.agent_chars': 300 + 10 * t + (t % 3) } });
    const rulesVariants = t < 3 ? ['base'] : ['n1', 'n2'];
    rulesVariants.forEach((variant, i) => out.push({ model: 'rules', arm: 'traditional', approach: OTHER, scenario: `t${t}`, variant, scores: { 'style.agent_chars': 100 + 4 * t + i * 6 } }));
    if (t < 3) out.push({ model: 'gpt-x', arm: 'gai', approach: OTHER, scenario: `t${t}`, scores: { 'style.agent_chars': 200 + t * t } });
  }
  // An infrastructure failure never enters a comparison.
  out.push({ model: 'warm', arm: 'gai', scenario: 's0', epoch: 7, status: 'infra-error', scores: { 'style.agent_chars': 1e6 } });
  return out;
}

const avg = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const sdOf = (xs: readonly number[]): number => { const m = avg(xs); return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)); };
/** The oracle: epochs averaged per variant, variant differences averaged within the scenario. */
const scenarioDiffs = (a: string, b: string): number[] => SCEN.map((_, s) => avg(VARIANTS.map((_, v) =>
  avg([0, 1].map((e) => chars(a, s, v, e))) - avg([0, 1].map((e) => chars(b, s, v, e))))));

let rows: ComparisonRow[];
let close: () => void;
let store: Store;
beforeAll(async () => {
  ({ store, close } = await tempStore());
  await insertCells(store, study());
  await prepareLongView(store);
  rows = await computeComparisons(store);
  await dropLongView(store);
});
afterAll(() => close());

const find = (metric: string, approach: string, a: string, b: string): ComparisonRow | undefined =>
  rows.find((r) => r.metric === metric && r.approach === approach && r.a === a && r.b === b);

describe('agent pairs', () => {
  it('pairs every two labels of an approach, GAI against traditional as before and same-arm labels as agent pairs', () => {
    const pairs = rows.filter((r) => r.metric === 'style.agent_chars' && r.approach === APPROACH).map((r) => `${r.family}:${r.comparison_kind}:${r.a}-${r.b}`);
    expect(pairs.sort()).toEqual([
      'gai-vs-traditional:gai-vs-traditional:gpt-x-rules', 'gai-vs-traditional:gai-vs-traditional:gpt-x-zz-bot',
      'gai-vs-traditional:gai-vs-traditional:warm-rules', 'gai-vs-traditional:gai-vs-traditional:warm-zz-bot',
      'model-vs-model:agent-pair:gpt-x-warm',
      // The user's rule bot against cxbench's rules arm: rules is always the b side.
      'traditional-vs-traditional:agent-pair:zz-bot-rules',
    ]);
  });

  it('a traditional bot against the rules arm: paired t on the per-scenario differences with its t interval', () => {
    const d = scenarioDiffs('zz-bot', 'rules');
    const row = find('style.agent_chars', APPROACH, 'zz-bot', 'rules')!;
    const se = sdOf(d) / Math.sqrt(d.length);
    expect(row.n_pairs).toBe(8);
    expect(row.delta).toBeCloseTo(avg(d), 10);
    expect(row.se).toBeCloseTo(se, 10);
    expect(row.p_value).toBeCloseTo(tTwoSidedP(avg(d) / se, 7), 10);
    expect(row.ci_low).toBeCloseTo(avg(d) - tQuantile(0.975, 7) * se, 8);
    expect(row.test).toBe('paired-t');
    expect(row.matched_on).toBe('variant');
  });

  it('two GAI labels (a prompt variant and a model): the same paired test, a < b by name', () => {
    const d = scenarioDiffs('gpt-x', 'warm');
    const row = find('style.agent_chars', APPROACH, 'gpt-x', 'warm')!;
    expect(row.delta).toBeCloseTo(avg(d), 10);
    expect(row.delta!).toBeLessThan(-50);
    expect(row.p_value!).toBeLessThan(1e-6);
    expect(row.ci_high!).toBeLessThan(0);
  });

  it('a scenario without a shared persona variant is compared on scenario means, and the row says so', () => {
    const row = find('style.agent_chars', OTHER, 'helpdesk-bot', 'rules')!;
    const d = [0, 1, 2, 3, 4, 5].map((t) => (300 + 10 * t + (t % 3)) - (t < 3 ? 100 + 4 * t : avg([100 + 4 * t, 106 + 4 * t])));
    expect(row.n_pairs).toBe(6);
    expect(row.delta).toBeCloseTo(avg(d), 10);
    expect(row.matched_on).toBe('mixed');
    expect(row.note).toContain('3 of 6 scenarios compared on scenario means');
  });

  it('below the minimum number of scenarios there is no interval and the reason is written', () => {
    const row = find('style.agent_chars', OTHER, 'gpt-x', 'helpdesk-bot')!;
    expect(row.n_pairs).toBe(3);
    expect(row.test).toBe('too-few-scenarios');
    expect(row.ci_low).toBeNull();
    expect(row.ci_high).toBeNull();
    expect(row.p_value!).toBeGreaterThanOrEqual(0.25);
    expect(row.note).toMatch(/too few scenarios \(3 < 4\)/);
  });

  it('unknown money stays unknown: null figures with the reason, also when one side has no priced conversation at all', () => {
    const partial = find('cost.agent_usd', APPROACH, 'warm', 'rules')!;
    expect([partial.delta, partial.se, partial.ci_low, partial.p_value, partial.p_holm]).toEqual([null, null, null, null, null]);
    expect(partial.note).toMatch(/warm: cost\.agent_usd unknown in 1 of 32 done conversations/);
    const none = find('cost.agent_usd', APPROACH, 'zz-bot', 'rules')!;
    expect(none.delta).toBeNull();
    expect(none.n_pairs).toBe(0);
    expect(none.note).toMatch(/zz-bot: cost\.agent_usd unknown in 32 of 32/);
    expect(find('cost.agent_usd', '*', 'gpt-x', 'zz-bot')?.delta).toBeNull();
    // Both sides priced: a real difference.
    const known = find('cost.agent_usd', APPROACH, 'gpt-x', 'rules')!;
    expect(known.delta).toBeCloseTo(avg(SCEN.map((_, s) => 0.001 * (1 + s))), 12);
  });

  it('Holm runs within family x metric; a pooled row from one approach is the same test, counted once', () => {
    const fam = rows.filter((r) => r.family === 'gai-vs-traditional' && r.metric === 'style.agent_chars' && r.p_value !== null);
    const pooledRepeat = find('style.agent_chars', '*', 'warm', 'rules')!;
    expect(pooledRepeat.p_holm).toBe(find('style.agent_chars', APPROACH, 'warm', 'rules')!.p_holm);
    expect(pooledRepeat.note).toContain(`all scenarios from ${APPROACH}`);
    // gpt-x vs rules spans two approaches: its pooled row is a test of its own.
    const spanning = find('style.agent_chars', '*', 'gpt-x', 'rules')!;
    expect(spanning.n_pairs).toBe(11);
    expect(spanning.note ?? '').not.toContain('counted once');
    const counted = fam.filter((r) => !(r.note ?? '').includes('counted once'));
    expect(new Set(fam.map((r) => r.holm_m))).toEqual(new Set([counted.length]));
    for (const r of counted) expect(r.p_holm!).toBeGreaterThanOrEqual(r.p_value!);
    const smallest = counted.reduce((m, r) => (r.p_value! < m.p_value! ? r : m));
    expect(smallest.p_holm).toBeCloseTo(Math.min(1, counted.length * smallest.p_value!), 12);
  });

  it('infrastructure failures never enter a comparison', () => {
    expect(find('style.agent_chars', APPROACH, 'gpt-x', 'warm')!.n_pairs).toBe(8);
    expect(Math.abs(find('style.agent_chars', APPROACH, 'warm', 'rules')!.delta!)).toBeLessThan(1000);
  });
});

describe('the gai-vs-traditional rows and the GAI pairs keep the figures of the previous rule', () => {
  it('on the synthetic bias study (variants x epochs): same n_pairs, delta, se, interval, p and test', async () => {
    const { generate, insert } = await import('./synthetic.js');
    const { pairedDifference } = await import('../../src/analysis/stats/paired.js');
    const t = await tempStore();
    try {
      await insert(t.store, generate());
      await prepareLongView(t.store);
      const now = await computeComparisons(t.store);
      // The query the comparisons were computed with before agent pairs existed (commit 359c996), approach rows.
      const before = await t.store.all<{ family: string; metric: string; a: string; b: string; d: number; scenario_id: string }>(`
        WITH cell AS (
          SELECT metric, approach, model, any_value(arm) AS arm, scenario_id, variant_set, variant_id, avg(value) AS v
          FROM _cx_analysis_long GROUP BY metric, approach, model, scenario_id, variant_set, variant_id)
        SELECT x.metric, x.model AS a, y.model AS b,
               CASE WHEN y.arm = 'traditional' THEN 'gai-vs-traditional' ELSE 'model-vs-model' END AS family,
               x.scenario_id, avg(x.v - y.v)::DOUBLE AS d
        FROM cell x JOIN cell y ON x.metric = y.metric AND x.approach = y.approach AND x.scenario_id = y.scenario_id
         AND x.variant_set = y.variant_set AND x.variant_id = y.variant_id
        WHERE x.arm = 'gai' AND (y.arm = 'traditional' OR (y.arm = 'gai' AND x.model < y.model))
        GROUP BY x.metric, x.approach, x.model, y.model, y.arm, x.scenario_id ORDER BY x.scenario_id`);
      await dropLongView(t.store);
      const groups = new Map<string, number[]>();
      for (const r of before) groups.set(`${r.family}|${r.metric}|${r.a}|${r.b}`, [...(groups.get(`${r.family}|${r.metric}|${r.a}|${r.b}`) ?? []), r.d]);
      expect(groups.size).toBe(12);
      for (const [k, d] of groups) {
        const [family, metric, a, b] = k.split('|');
        const row = now.find((r) => r.family === family && r.metric === metric && r.a === a && r.b === b && r.approach !== '*')!;
        const pd = pairedDifference(d)!;
        expect([row.n_pairs, row.test, row.matched_on]).toEqual([d.length, pd.test, 'variant']);
        for (const [x, y] of [[row.delta, pd.mean], [row.se, pd.se], [row.ci_low, pd.ciLow], [row.ci_high, pd.ciHigh], [row.p_value, pd.p]] as const) {
          expect(x).toBeCloseTo(y!, 9);
        }
      }
      expect(now.filter((r) => r.comparison_kind === 'agent-pair').every((r) => r.family === 'model-vs-model')).toBe(true);
    } finally {
      t.close();
    }
  });
});
