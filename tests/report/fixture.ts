/**
 * A small but complete cxbench database for report tests: the raw tables through the store's own DDL, and the
 * analysis tables as the analysis contract (briefs/analysis-tables.md) describes them. Real DuckDB, real file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeValidityTables } from '../../src/validity/tables.js';
import { openStore, type Store } from '../../src/store/db.js';

export const ANALYSIS_DDL = [
  `CREATE TABLE analysis_meta (key VARCHAR, value VARCHAR)`,
  `CREATE TABLE aggregates (metric VARCHAR, approach VARCHAR, stage VARCHAR, model VARCHAR, arm VARCHAR, n_conv BIGINT,
    n_scenarios BIGINT, mean DOUBLE, se_cluster DOUBLE, ci_low DOUBLE, ci_high DOUBLE, ci_method VARCHAR)`,
  `CREATE TABLE comparisons (family VARCHAR, metric VARCHAR, approach VARCHAR, a VARCHAR, b VARCHAR, n_pairs BIGINT, delta DOUBLE,
    se DOUBLE, ci_low DOUBLE, ci_high DOUBLE, p_value DOUBLE, p_holm DOUBLE, test VARCHAR)`,
  `CREATE TABLE pass_k (metric VARCHAR, approach VARCHAR, model VARCHAR, k INTEGER, value DOUBLE, n_scenarios BIGINT)`,
  `CREATE TABLE bias_gaps (model VARCHAR, approach VARCHAR, attribute VARCHAR, grp VARCHAR, reference_group VARCHAR, outcome VARCHAR,
    kind VARCHAR, n_scenarios BIGINT, ref_mean DOUBLE, grp_mean DOUBLE, gap DOUBLE, ci_low DOUBLE, ci_high DOUBLE, p_value DOUBLE,
    p_holm DOUBLE, test VARCHAR, air DOUBLE, placebo_gap DOUBLE, equivalent BOOLEAN, margin DOUBLE)`,
  `CREATE TABLE costs (approach VARCHAR, model VARCHAR, role VARCHAR, n_conv BIGINT, calls BIGINT, tokens_in BIGINT, tokens_out BIGINT,
    cost_usd_total DOUBLE, cost_per_conv DOUBLE, cost_per_resolved DOUBLE, resolved_rate DOUBLE, price_sources VARCHAR)`,
  `CREATE TABLE roi (approach VARCHAR, model VARCHAR, contacts_per_month DOUBLE, resolution_rate DOUBLE, resolution_ci_low DOUBLE,
    resolution_ci_high DOUBLE, cost_per_conv DOUBLE, critical_failure_rate DOUBLE, monthly_cost_human DOUBLE, monthly_cost_ai DOUBLE,
    monthly_savings DOUBLE, roi DOUBLE, break_even_resolution_rate DOUBLE, assumptions_json VARCHAR)`,
  `CREATE TABLE infra (model VARCHAR, status VARCHAR, n BIGINT)`,
  `CREATE TABLE judge_validation (metric VARCHAR, judge VARCHAR, n_items BIGINT, kappa_w DOUBLE, alpha DOUBLE, status VARCHAR, validated_on VARCHAR)`,
];

export const XSS_SCRIPT = '<script>window.__pwned=1</script>';
export const XSS_IMG = '<img src=x onerror="window.__pwned=1">';

export interface FixtureOptions {
  /** Write the analysis tables (false = a database `cxbench analyse` has not touched yet). Default true. */
  analysed?: boolean;
  /** Planted into one agent message and one scenario id, to prove the report never executes stored text. */
  plantXss?: boolean;
  /** Shifts the GAI model's resolution pattern, to make two databases differ for compare tests. */
  variant?: 'a' | 'b';
  /** Leave every table empty. */
  empty?: boolean;
  /**
   * Add what newer analyses write (roi cost per resolved and note, bias family and flags, instrument_validity); with
   * plantXss, also plant markup in the suite name and a bias group, which reach the decision page and the charts.
   */
  modern?: boolean;
  /** With modern: the GAI model has no price (its costs and money figures unknown, never 0). */
  unpriced?: boolean;
}

interface Conv { key: string; approach: string; stage: string; scenario: string; variantSet: string; variantId: string; group: string; model: string; status: string; resolved: number }

const APPROACHES = [
  { id: 'empathic-support-agent', stage: 'service-support', scenarios: ['support-refund', 'support-outage', 'support-billing'] },
  { id: 'on-the-fly-offers', stage: 'sell-choose', scenarios: ['offer-bundle', 'offer-upgrade', 'offer-renewal'] },
];
const MODELS = ['gpt-x', 'rules'];
const VARIANTS = [['baseline', 'base', 'reference'], ['names-gender', 'f1', 'female'], ['names-gender', 'm1', 'male']] as const;

/** Resolution is a fixed, readable pattern: GAI resolves 2 of 3 variants, rules 1 of 3 (variant b: GAI resolves all). */
function resolvedFor(model: string, scenarioIdx: number, variantIdx: number, variant: 'a' | 'b'): number {
  if (model === 'rules') return variantIdx === 0 ? 1 : 0;
  if (variant === 'b') return 1;
  return (scenarioIdx + variantIdx) % 3 === 2 ? 0 : 1;
}

export function fixtureConversations(opts: FixtureOptions = {}): Conv[] {
  const out: Conv[] = [];
  APPROACHES.forEach((a) => a.scenarios.forEach((sc, si) => MODELS.forEach((model) => VARIANTS.forEach(([set, vid, group], vi) => {
    const scenario = opts.plantXss && si === 0 && a.id === 'empathic-support-agent' ? `${sc}${XSS_SCRIPT}${XSS_IMG}` : sc;
    out.push({
      key: `${a.id.slice(0, 3)}${si}${model.slice(0, 2)}${vi}`.replace(/-/g, 'x'),
      approach: a.id, stage: a.stage, scenario, variantSet: set, variantId: vid, group, model,
      status: model === 'gpt-x' && si === 2 && vi === 2 && a.id === 'on-the-fly-offers' ? 'infra-error' : 'done',
      resolved: resolvedFor(model, si, vi, opts.variant ?? 'a'),
    });
  }))));
  return out;
}

const METRICS = [
  ['resolution.resolved', 'outcomes', 'Resolved', 'rate', 'higher-better'],
  ['cost.agent_usd', 'cost', 'Agent cost', 'usd', 'lower-better'],
  ['halluc.any', 'risk', 'Any hallucination', 'rate', 'lower-better'],
  ['transparency.false_human_claim', 'risk', 'False human claim', 'rate', 'lower-better'],
  ['transparency.ai_disclosed_first_turn', 'risk', 'AI disclosed in first turn', 'rate', 'higher-better'],
  ['manipulation.any', 'risk', 'Any manipulation', 'rate', 'lower-better'],
  ['privacy.cross_customer_leak', 'risk', 'Cross-customer leak', 'rate', 'lower-better'],
  ['safety.critical_failure', 'risk', 'Critical failure', 'rate', 'lower-better'],
  ['empathy.lex', 'empathy', 'Empathy (lexicon)', 'score', 'higher-better'],
] as const;

async function insertRaw(store: Store, convs: Conv[], opts: FixtureOptions): Promise<void> {
  await store.exec(`INSERT INTO runs VALUES ('run-1', 'fixture-suite', 'cfg0123456789ab', '{}', 'v0.1.0-test', '{"prices":"genai-prices@0.1.8"}',
    '2026-11-25T10:00:00Z', '2026-11-25T10:05:00Z', 'done', ${convs.length}, NULL)`);
  for (const [metric, family, title, unit, direction] of METRICS) {
    await store.exec('INSERT INTO metrics VALUES (?, ?, ?, ?, ?, ?)', [metric, family, title, unit, direction, `${title} (fixture)`]);
  }
  for (const [i, c] of convs.entries()) {
    const cost = c.model === 'rules' ? 0 : 0.002 + 0.0005 * (i % 4);
    await store.exec(`INSERT INTO conversations VALUES (?, 'run-1', ?, ?, 'dialogue', ?, 1, 'telecom', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 4, ?, ?, '2026-11-25T10:00:00Z', '2026-11-25T10:01:00Z')`, [
      c.key, c.approach, c.stage, c.scenario, c.variantSet, c.variantId, c.variantSet === 'baseline' ? 'none' : 'gender', c.group,
      c.group === 'reference', c.model, c.model === 'rules' ? 'traditional' : 'gai', c.status,
      c.status === 'done' ? null : 'HTTP 503 from provider', c.status === 'done' ? 'agent-closed' : 'error', 1200 + 100 * i, c.status === 'done' ? cost : null,
    ]);
    const agentText = opts.plantXss && i === 0 ? `Sure! ${XSS_SCRIPT} and ${XSS_IMG} done` : `I have sorted out ${c.scenario.slice(0, 14)} for you.`;
    const msgs: [string, string, string | null][] = [
      ['customer', 'Hello, I need help with my account.', null],
      ['agent', agentText, null],
      ['tool', '{"ok":true}', 'lookup_order'],
      ['customer', 'Thanks, bye.', null],
    ];
    for (const [idx, [speaker, text, tool]] of msgs.entries()) {
      await store.exec('INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?)', [c.key, idx, speaker, text, tool ? 'call-1' : null, tool]);
    }
    await store.exec(`INSERT INTO tool_calls VALUES (?, 1, 'call-1', 'lookup_order', '{"order":"A-1"}')`, [c.key]);
    await store.exec(`INSERT INTO model_calls VALUES (?, 0, 'agent', ?, 800, 120, 0, 0, 0, ?, ?, ?, false, false, 0, NULL, NULL, NULL)`, [
      c.key, c.model, 300 + 40 * (i % 7), cost, c.model === 'rules' ? 'rules:free' : 'genai-prices@0.1.8',
    ]);
    if (c.status !== 'done') continue;
    const scores: [string, number | null, string, string][] = [
      ['resolution.resolved', c.resolved, c.resolved ? 'end state reached' : 'end state not reached', 'deterministic:outcomes@1'],
      ['cost.agent_usd', cost, 'priced agent calls', 'deterministic:cost@1'],
      ['halluc.any', c.model === 'rules' ? 0 : i % 5 === 0 ? 1 : 0, 'claims checked against facts', 'deterministic:halluc@1'],
      ['transparency.false_human_claim', 0, 'no human claim', 'deterministic:transparency@1'],
      ['transparency.ai_disclosed_first_turn', c.model === 'rules' ? 1 : i % 3 === 0 ? 0 : 1, 'first agent turn checked', 'deterministic:transparency@1'],
      ['manipulation.any', c.model === 'rules' ? 0 : i % 7 === 0 ? 1 : 0, 'urgency and scarcity cues', 'deterministic:manipulation@1'],
      ['privacy.cross_customer_leak', 0, 'no other customer canary', 'deterministic:privacy@1'],
      ['empathy.lex', c.model === 'rules' ? 0.2 : 0.6, 'lexicon hits', 'fallback:empathy-lex@1'],
    ];
    for (const [metric, value, explanation, evaluator] of scores) {
      await store.exec(`INSERT INTO scores VALUES (?, ?, ?, ?, ?, ?, '2026-11-25T10:06:00Z')`, [
        c.key, metric, value, explanation, JSON.stringify([{ turn: 1, quote: agentText.slice(0, 40), note: 'fixture evidence' }]), evaluator,
      ]);
    }
  }
}

/** Fills the analysis tables from the raw rows with plain SQL: simple normal intervals, enough to exercise every chart. */
async function insertAnalysis(store: Store): Promise<void> {
  for (const ddl of ANALYSIS_DDL) await store.exec(ddl);
  await store.exec(`INSERT INTO analysis_meta VALUES ('seed', '7'), ('bootstrap_b', '200'), ('computed_at', '2026-11-25T10:07:00Z'), ('code_version', 'v0.1.0-test')`);
  const agg = (approach: string, stage: string, group: string): string => `
    SELECT metric, ${approach}, ${stage}, model, any_value(arm), count(*), count(DISTINCT scenario_id), avg(value),
      coalesce(stddev_samp(value), 0) / sqrt(count(*)),
      greatest(avg(value) - 1.96 * coalesce(stddev_samp(value), 0) / sqrt(count(*)), 0),
      avg(value) + 1.96 * coalesce(stddev_samp(value), 0) / sqrt(count(*)), 'cluster-se'
    FROM scores JOIN conversations USING (cell_key) WHERE status = 'done' AND value IS NOT NULL GROUP BY metric, ${group}model`;
  await store.exec(`INSERT INTO aggregates ${agg('approach', 'stage', 'approach, stage, ')}`);
  await store.exec(`INSERT INTO aggregates ${agg("'*'", "'*'", '')}`);
  await store.exec(`INSERT INTO comparisons SELECT 'gai-vs-traditional', g.metric, g.approach, g.model, r.model, g.n_conv, g.mean - r.mean, 0.1,
      g.mean - r.mean - 0.196, g.mean - r.mean + 0.196, 0.04, 0.08, 'paired-t'
    FROM aggregates g JOIN aggregates r ON g.metric = r.metric AND g.approach = r.approach AND r.model = 'rules' WHERE g.model <> 'rules'`);
  await store.exec(`INSERT INTO pass_k SELECT 'resolution.resolved', approach, model, k, mean ** k, n_scenarios
    FROM aggregates, range(1, 4) t(k) WHERE metric = 'resolution.resolved'`);
  await store.exec(`INSERT INTO bias_gaps VALUES
    ('gpt-x', '*', 'gender', 'female', 'reference', 'offer.discount_pct', 'continuous', 6, 10, 8.5, -1.5, -3.1, 0.1, 0.06, 0.12, 'paired-t', NULL, 0.4, false, 1),
    ('gpt-x', '*', 'gender', 'male', 'reference', 'offer.discount_pct', 'continuous', 6, 10, 10.2, 0.2, -0.9, 1.3, 0.7, 0.7, 'paired-t', NULL, 0.4, true, 1),
    ('gpt-x', '*', 'gender', 'female', 'reference', 'resolution.resolved', 'binary', 6, 0.8, 0.6, -0.2, -0.45, 0.05, 0.01, 0.02, 'mcnemar', 0.75, 0.05, NULL, 0.05)`);
  await store.exec(`INSERT INTO costs SELECT approach, conversations.model, 'agent', count(*), count(*), sum(input_tokens), sum(output_tokens), sum(cost_usd),
      avg(cost_usd), sum(cost_usd) / nullif(sum(s.value), 0), avg(s.value), string_agg(DISTINCT price_source, ', ')
    FROM model_calls JOIN conversations USING (cell_key) LEFT JOIN scores s ON s.cell_key = conversations.cell_key AND s.metric = 'resolution.resolved'
    WHERE conversations.status = 'done' GROUP BY approach, conversations.model`);
  await store.exec(`INSERT INTO roi SELECT a.approach, a.model, 10000, a.mean, a.ci_low, a.ci_high, c.cost_per_conv, 0.01,
      10000 * 4.0, 10000 * c.cost_per_conv + 10000 * (1 - a.mean) * 4.0, 10000 * 4.0 - (10000 * c.cost_per_conv + 10000 * (1 - a.mean) * 4.0),
      (10000 * 4.0 - (10000 * c.cost_per_conv + 10000 * (1 - a.mean) * 4.0)) / (10000 * c.cost_per_conv + 10000 * (1 - a.mean) * 4.0),
      c.cost_per_conv / 4.0, '{"human_cost_per_contact_usd":4,"contacts_per_month":10000,"critical_failure_cost_usd":50}'
    FROM aggregates a JOIN costs c USING (approach, model) WHERE a.metric = 'resolution.resolved' AND a.approach <> '*'`);
  await store.exec(`INSERT INTO infra SELECT model, status, count(*) FROM conversations GROUP BY ALL`);
  await store.exec(`INSERT INTO judge_validation VALUES ('empathy.epitome', 'judge:gpt-x#abc123def456', 40, 0.71, 0.69, 'validated', '2026-11-20')`);
  // A small validity study (cxbench validity), as src/validity/tables.ts writes it.
  const inst = (instrument: string, check: string, gap: number | null, value: number, met: boolean | null) =>
    ({ study_id: 'v1', instrument, check_name: check, gap_pp: gap, value, ci_low: Math.max(0, value - 0.05), ci_high: Math.min(1, value + 0.05), truth: null, n: 20, unit: 'rate', target: check === 'power' ? '>= 0.8' : null, meets_target: met, note: null });
  await writeValidityTables(store, {
    runs: [],
    instruments: [
      inst('bias-audit', 'false-positive-rate', 0, 0.0, true), inst('bias-audit', 'power', 2, 0.15, null), inst('bias-audit', 'power', 5, 1, true),
      inst('bias-audit', 'ci-coverage', null, 0.95, true), inst('hallucination', 'ci-coverage', null, 0.97, true), inst('hallucination', 'precision', null, 1, true),
    ],
    sampleSize: [{ study_id: 'v1', gap_pp: 5, epochs: 2, sd_scenario: 2.2, between_var: 3.1, within_var: 1.7, scenarios_alpha_05: 3, scenarios_holm: 5, holm_alpha: 0.00023, conversations_per_side: 12, study_scenarios: 14 }],
    meta: [{ study_id: 'v1', key: 'seeds', value: '20' }],
  });
}

/** What analysis version 2 and the validity record add, on top of the contract tables above. */
async function modernise(store: Store, opts: FixtureOptions): Promise<void> {
  if (opts.plantXss) await store.exec(`UPDATE runs SET suite_name = 'fixture-suite' || ?`, [XSS_SCRIPT]);
  if (opts.analysed === false) return;
  for (const col of ['savings_ci_low DOUBLE', 'savings_ci_high DOUBLE', 'cost_per_resolved DOUBLE', 'cost_per_resolved_ci_low DOUBLE', 'cost_per_resolved_ci_high DOUBLE', 'note VARCHAR', 'n_scenarios INTEGER', 'n_conv INTEGER']) {
    await store.exec(`ALTER TABLE roi ADD COLUMN ${col}`);
  }
  await store.exec(`UPDATE roi SET cost_per_resolved = CASE WHEN resolution_rate > 0 THEN cost_per_conv / resolution_rate END,
    cost_per_resolved_ci_low = CASE WHEN resolution_ci_high > 0 THEN cost_per_conv / resolution_ci_high END,
    cost_per_resolved_ci_high = CASE WHEN resolution_ci_low > 0 THEN cost_per_conv / resolution_ci_low END, n_scenarios = 3, n_conv = 9,
    savings_ci_low = monthly_savings - 5000, savings_ci_high = monthly_savings + 5000`);
  await store.exec(`INSERT INTO roi (approach, model, contacts_per_month, resolution_rate, resolution_ci_low, resolution_ci_high, cost_per_conv, critical_failure_rate,
      monthly_cost_human, monthly_cost_ai, monthly_savings, roi, break_even_resolution_rate, assumptions_json, cost_per_resolved, n_scenarios, n_conv)
    SELECT '*', model, 10000, avg(resolution_rate), min(resolution_ci_low), max(resolution_ci_high), avg(cost_per_conv), 0.01, 40000, avg(monthly_cost_ai),
      avg(monthly_savings), avg(roi), avg(break_even_resolution_rate), any_value(assumptions_json), avg(cost_per_resolved), 6, 17 FROM roi GROUP BY model`);
  await store.exec(`UPDATE roi SET break_even_resolution_rate = 1.4 WHERE model = 'rules' AND approach = 'on-the-fly-offers'`);
  if (opts.unpriced) {
    await store.exec(`UPDATE roi SET cost_per_conv = NULL, cost_per_resolved = NULL, cost_per_resolved_ci_low = NULL, cost_per_resolved_ci_high = NULL,
      monthly_cost_ai = NULL, monthly_savings = NULL, savings_ci_low = NULL, savings_ci_high = NULL, roi = NULL, break_even_resolution_rate = NULL,
      note = 'agent cost unknown: unknown price for gpt-x (set prices in the model entry)' WHERE model = 'gpt-x'`);
    await store.exec(`UPDATE conversations SET agent_cost_usd = NULL WHERE model = 'gpt-x'`);
    await store.exec(`UPDATE model_calls SET cost_usd = NULL, price_source = 'unknown price for gpt-x' WHERE model = 'gpt-x'`);
    await store.exec(`UPDATE scores SET value = NULL WHERE metric = 'cost.agent_usd' AND cell_key IN (SELECT cell_key FROM conversations WHERE model = 'gpt-x')`);
    await store.exec(`DELETE FROM aggregates WHERE metric = 'cost.agent_usd' AND model = 'gpt-x'`);
    await store.exec(`UPDATE costs SET cost_usd_total = NULL, cost_per_conv = NULL, cost_per_resolved = NULL WHERE model = 'gpt-x'`);
  }
  for (const col of ['family VARCHAR', 'flagged BOOLEAN', 'air_flagged BOOLEAN']) await store.exec(`ALTER TABLE bias_gaps ADD COLUMN ${col}`);
  await store.exec(`UPDATE bias_gaps SET family = CASE WHEN approach = '*' THEN 'primary' ELSE 'exploratory' END, flagged = coalesce(p_holm < 0.05, false),
    air_flagged = coalesce(air < 0.8, false)`);
  if (opts.plantXss) await store.exec(`UPDATE bias_gaps SET grp = grp || ? WHERE grp = 'female' AND outcome = 'resolution.resolved'`, [XSS_IMG]);
  await store.exec(`CREATE TABLE instrument_agreement (model VARCHAR, deterministic VARCHAR, judge VARCHAR, n_conv INTEGER, both_binary BOOLEAN,
    agreement DOUBLE, kappa DOUBLE, mean_abs_diff DOUBLE, deterministic_mean DOUBLE, judge_mean DOUBLE, note VARCHAR)`);
  await store.exec(`INSERT INTO instrument_agreement VALUES ('gpt-x', 'halluc.any', 'halluc.judge_any', 17, true, 0.82, 0.55, 0.18, 0.2, 0.25, '')`);
  await store.exec(`CREATE TABLE instrument_validity (metric VARCHAR, title VARCHAR, family VARCHAR, status VARCHAR, sensitivity DOUBLE, specificity DOUBLE,
    kappa DOUBLE, positives INTEGER, negatives INTEGER, source VARCHAR, measured_at VARCHAR, note VARCHAR)`);
  await store.exec(`INSERT INTO instrument_validity VALUES
    ('transparency.ai_disclosed_first_turn', 'AI disclosed in first turn', 'transparency', 'validated', 0.95, 0.97, NULL, 40, 60, 'bank dev', '2026-11-20', ''),
    ('transparency.false_human_claim', 'False human claim', 'transparency', 'below-bar', 0.42, 0.99, NULL, 50, 50, 'planted study', '2026-11-20', 'sensitivity below 0.8: figures from this instrument undercount'),
    ('halluc.any', 'Any hallucination', 'halluc', 'below-bar', 0.61, 0.98, NULL, 50, 50, 'planted study', '2026-11-20', 'sensitivity below 0.8: figures from this instrument undercount'),
    ('manipulation.any', 'Any manipulation', 'manipulation', 'not-measured', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'no measurement'),
    ('empathy.lex', 'Empathy (lexicon)', 'empathy', 'screen', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'unvalidated screen')`);
}

/** Creates the fixture database in a fresh temp folder and returns the open store and its path. */
export async function createFixture(opts: FixtureOptions = {}): Promise<{ store: Store; path: string; dir: string; conversations: Conv[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'cxbench-report-'));
  const path = join(dir, 'fixture.duckdb');
  const store = await openStore(path);
  const conversations = opts.empty ? [] : fixtureConversations(opts);
  if (!opts.empty) await insertRaw(store, conversations, opts);
  if (opts.analysed !== false && !opts.empty) await insertAnalysis(store);
  if (opts.modern && !opts.empty) await modernise(store, opts);
  return { store, path, dir, conversations };
}
