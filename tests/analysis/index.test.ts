import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analysis/index.js';
import { BiasMarginsSchema, RoiInputsSchema } from '../../src/schema/config.js';
import { openStore, type Store } from '../../src/store/db.js';
import { AGENT_CALL_COST, GAI_A, GAI_B, PLANTED_GAP, RULES, SCENARIOS, generate, insert, type Conv } from './synthetic.js';

const convs = generate();
const done = convs.filter((c) => c.status === 'done');
const opts = { seed: 7, bootstrapB: 2000, roi: RoiInputsSchema.parse({}), biasMargins: BiasMarginsSchema.parse({}) };

let dir: string;
let store: Store;
const all = <T>(sql: string): Promise<T[]> => store.all<T>(sql);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxbench-analysis-'));
  store = await openStore(join(dir, 'cx.duckdb'));
  await insert(store, convs);
  await analyse(store, opts);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const avg = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const score = (c: Conv, m: string): number => c.scores[m]!;

describe('aggregates', () => {
  it('counts only done conversations and gets n, mean and the clustered SE right', async () => {
    const mine = done.filter((c) => c.model === GAI_A);
    const [row] = await all<Record<string, number | string>>(`SELECT * FROM aggregates WHERE metric = 'offer.discount_pct' AND approach = '*' AND model = '${GAI_A}'`);
    expect(row?.n_conv).toBe(SCENARIOS.length * 7 * 3);
    expect(row?.n_scenarios).toBe(SCENARIOS.length);
    const m = avg(mine.map((c) => score(c, 'offer.discount_pct')));
    expect(row?.mean).toBeCloseTo(m, 10);
    // Inspect clustered SE recomputed here from the raw values
    const resid = SCENARIOS.map((s) => mine.filter((c) => c.scenario === s).reduce((acc, c) => acc + score(c, 'offer.discount_pct') - m, 0));
    const C = SCENARIOS.length;
    expect(row?.se_cluster).toBeCloseTo(Math.sqrt((C / (C - 1)) * resid.reduce((a, r) => a + r * r, 0)) / mine.length, 10);
    expect(row?.ci_method).toBe('cluster-t');
    expect(row?.ci_low as number).toBeLessThan(m);
    expect(row?.ci_high as number).toBeGreaterThan(m);
  });

  it('uses the clustered logit interval for a binary metric', async () => {
    const [row] = await all<Record<string, number | string>>(`SELECT * FROM aggregates WHERE metric = 'resolution.resolved' AND approach = 'on-the-fly-offers' AND model = '${RULES}'`);
    const m = avg(done.filter((c) => c.model === RULES).map((c) => score(c, 'resolution.resolved')));
    expect(row?.mean).toBeCloseTo(m, 10);
    expect(row?.ci_method).toBe('cluster-logit-t');
    expect(row?.arm).toBe('traditional');
    expect(row?.stage).toBe('sell');
    expect(row?.ci_low as number).toBeGreaterThan(0);
    expect(row?.ci_low as number).toBeLessThan(m);
    expect(row?.ci_high as number).toBeGreaterThan(m);
  });

  it('is reproducible from the seed and replaces (never appends) on re-run', async () => {
    const before = await all<Record<string, unknown>>(`SELECT * FROM aggregates ORDER BY ALL`);
    await analyse(store, opts);
    const after = await all<Record<string, unknown>>(`SELECT * FROM aggregates ORDER BY ALL`);
    expect(after).toEqual(before);
    const [meta] = await all<{ value: string }>(`SELECT value FROM analysis_meta WHERE key = 'seed'`);
    expect(meta?.value).toBe('7');
  });
});

describe('bias_gaps', () => {
  type Gap = Record<string, number | string | boolean | null>;
  const gap = async (model: string, grp: string, outcome: string): Promise<Gap> => {
    const rows = await all<Gap>(`SELECT * FROM bias_gaps WHERE model = '${model}' AND approach = '*' AND grp = '${grp}' AND outcome = '${outcome}'`);
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it('finds the planted discount gap, significant after Holm, and not equivalent', async () => {
    const g = await gap(GAI_A, 'black-female', 'offer.discount_pct');
    expect(g.reference_group).toBe('white-male');
    expect(g.attribute).toBe('race-gender');
    expect(g.kind).toBe('continuous');
    expect(['paired-t', 'names-random-t']).toContain(g.test);
    expect(g.family).toBe('primary');
    expect(g.flagged).toBe(true);
    expect(g.n_scenarios).toBe(SCENARIOS.length);
    expect(g.gap as number).toBeGreaterThan(PLANTED_GAP - 0.5);
    expect(g.gap as number).toBeLessThan(PLANTED_GAP + 0.5);
    expect(g.ci_high as number).toBeLessThan(0);
    // names are a random effect now: two names per group make the test honest about name noise, so p is larger
    expect(g.p_holm as number).toBeLessThan(0.05);
    expect(g.equivalent).toBe(false);
    expect(g.margin).toBe(1);
  });

  it('does not flag the null group, and calls it equivalent within the 1 pp margin', async () => {
    const g = await gap(GAI_A, 'white-female', 'offer.discount_pct');
    expect(Math.abs(g.gap as number)).toBeLessThan(0.5);
    expect(g.ci_low as number).toBeLessThan(0);
    expect(g.ci_high as number).toBeGreaterThan(0);
    expect(g.p_holm as number).toBeGreaterThan(0.05);
    expect(g.equivalent).toBe(true);
    const rules = await gap(RULES, 'black-female', 'offer.discount_pct');
    expect(rules.p_holm as number).toBeGreaterThan(0.05);
  });

  it('reports a small placebo gap between the two reference names', async () => {
    const g = await gap(GAI_A, 'black-female', 'offer.discount_pct');
    expect(g.placebo_gap as number).toBeLessThan(0.5);
    expect(g.placebo_half_width as number).toBeGreaterThan(0);
    expect(Math.abs(g.gap as number)).toBeGreaterThan((g.placebo_gap as number) + (g.placebo_half_width as number));
  });

  it('treats binary outcomes with the same t test and a direction-aware adverse-impact ratio', async () => {
    const g = await gap(GAI_A, 'black-female', 'offer.made');
    expect(g.kind).toBe('binary');
    expect(['paired-t', 'names-random-t']).toContain(g.test);
    expect(g.air as number).toBeGreaterThan(0.7);
    expect(g.air as number).toBeLessThan(1.4);
    expect(g.margin).toBeCloseTo(0.05, 12);
    // per-approach rows exist beside the pooled ones
    const per = await all<Gap>(`SELECT * FROM bias_gaps WHERE approach = 'on-the-fly-offers' AND model = '${GAI_A}'`);
    expect(per.length).toBeGreaterThan(0);
    for (const r of per) {
      expect(r.family).toBe('exploratory');
      expect(r.flagged).toBe(false);
      expect(r.note).toMatch(/exploratory/);
    }
  });
});

describe('comparisons', () => {
  it('pairs GAI against rules per scenario x variant and reproduces delta', async () => {
    const cellMean = (model: string, s: string, v: string): number =>
      avg(done.filter((c) => c.model === model && c.scenario === s && c.variant.id === v).map((c) => score(c, 'resolution.resolved')));
    const perScenario = SCENARIOS.map((s) => avg(['base', 'wm-1', 'wm-2', 'bf-1', 'bf-2', 'wf-1', 'wf-2'].map((v) => cellMean(GAI_A, s, v) - cellMean(RULES, s, v))));
    const [row] = await all<Record<string, number | string>>(`SELECT * FROM comparisons WHERE family = 'gai-vs-traditional' AND metric = 'resolution.resolved' AND approach = '*' AND a = '${GAI_A}'`);
    expect(row?.b).toBe(RULES);
    expect(row?.n_pairs).toBe(SCENARIOS.length);
    expect(row?.delta).toBeCloseTo(avg(perScenario), 10);
    expect(row?.p_holm as number).toBeLessThan(0.001);
    const mm = await all<Record<string, string>>(`SELECT a, b FROM comparisons WHERE family = 'model-vs-model' AND metric = 'resolution.resolved' AND approach = '*'`);
    expect(mm).toEqual([{ a: GAI_B, b: GAI_A }]);
  });
});

describe('pass_k, costs, roi, infra', () => {
  it('pass^1 equals the resolution rate and pass^k falls with k', async () => {
    const rows = await all<{ k: number; value: number }>(`SELECT k, value FROM pass_k WHERE metric = 'resolution.resolved' AND approach = '*' AND model = '${GAI_A}' ORDER BY k`);
    expect(rows.map((r) => r.k)).toEqual([1, 2, 3]);
    const [agg] = await all<{ mean: number }>(`SELECT mean FROM aggregates WHERE metric = 'resolution.resolved' AND approach = '*' AND model = '${GAI_A}'`);
    expect(rows[0]?.value).toBeCloseTo(agg!.mean, 10);
    expect(rows[2]!.value).toBeLessThan(rows[1]!.value);
    expect(rows[1]!.value).toBeLessThan(rows[0]!.value);
  });

  it('costs count every conversation, resolutions only from done ones', async () => {
    const [row] = await all<Record<string, number | string>>(`SELECT * FROM costs WHERE approach = '*' AND model = '${GAI_A}' AND role = 'agent'`);
    const n = convs.filter((c) => c.model === GAI_A).length;
    const resolved = done.filter((c) => c.model === GAI_A && score(c, 'resolution.resolved') === 1).length;
    expect(row?.n_conv).toBe(n);
    expect(row?.cost_usd_total).toBeCloseTo(n * AGENT_CALL_COST, 10);
    expect(row?.tokens_in).toBe(n * 1050);
    expect(row?.cost_per_resolved).toBeCloseTo((n * AGENT_CALL_COST) / resolved, 10);
    expect(row?.price_sources).toBe('genai-prices@test');
  });

  it('ROI follows methods.md 6.3 with every assumption sourced', async () => {
    const [row] = await all<Record<string, number | string>>(`SELECT * FROM roi WHERE approach = '*' AND model = '${GAI_A}'`);
    const [agg] = await all<{ mean: number }>(`SELECT mean FROM aggregates WHERE metric = 'resolution.resolved' AND approach = '*' AND model = '${GAI_A}'`);
    const { contactsPerMonth: V, humanCostPerContact: h, escalationCost: he, fixedMonthlyCost: F, costPerCriticalFailure: L, fieldRealism: fr } = opts.roi;
    const r = row!.resolution_rate as number;
    const c = row!.cost_per_conv as number;
    const p = row!.critical_failure_rate as number;
    expect(r).toBeCloseTo(agg!.mean, 12);
    expect(p).toBeGreaterThan(0);
    const c1 = V * c + V * (1 - fr * r) * he + F + V * p * L;
    expect(row!.monthly_cost_ai).toBeCloseTo(c1, 6);
    expect(row!.monthly_savings).toBeCloseTo(V * h - c1, 6);
    expect(row!.roi).toBeCloseTo((V * h - c1) / (V * c + F), 10);
    expect(row!.break_even_resolution_rate).toBeCloseTo((1 - (h - c - F / V - p * L) / he) / fr, 10);
    const a = JSON.parse(row!.assumptions_json as string) as Record<string, { value: number; source: string }>;
    for (const k of ['contactsPerMonth', 'humanCostPerContact', 'escalationCost', 'fixedMonthlyCost', 'costPerCriticalFailure', 'fieldRealism', 'resolutionRate', 'costPerConversation', 'criticalFailureRate']) {
      expect(a[k]?.source.length).toBeGreaterThan(5);
    }
    expect(a.humanCostPerContact?.source).toMatch(/Gartner/);
  });

  it('infra keeps errors apart', async () => {
    const rows = await all<{ status: string; n: number }>(`SELECT status, n FROM infra WHERE model = '${GAI_A}' ORDER BY status`);
    expect(rows).toEqual([
      { status: 'cache-hits', n: 0 },
      { status: 'done', n: SCENARIOS.length * 7 * 3 },
      { status: 'infra-error', n: 1 },
      { status: 'retries', n: 2 },
    ]);
  });
});
