import { describe, expect, test } from 'vitest';
import type { Row } from '../../src/render/query.js';
import { costPerResolvedCell, deltaCell, rateCell } from '../../src/report/decision-cells.js';
import type { DecisionData } from '../../src/report/decision-data.js';
import { biasVerdict, flaggedGapLines } from '../../src/report/decision-governance.js';
import { managerRows } from '../../src/report/decision-managers.js';
import { decisionPageFrom, viewerCommand } from '../../src/report/decision-page.js';
import { validityMark } from '../../src/report/validity-marks.js';
import { criticalCaveat, resolutionVerdict } from '../../src/report/verdict.js';
import type { MetricInfo } from '../../src/score/types.js';
import { decisionMarkdown } from '../../src/render/decision.js';

const cmp = (extra: Row): Row => ({ metric: 'resolution.resolved', approach: '*', a: 'gai', b: 'rules', n_pairs: 12, delta: 0.2, ci_low: 0.05, ci_high: 0.35, p_value: 0.01, p_holm: 0.02, test: 'paired-t', ...extra });
const agg = (metric: string, model: string, approach: string, mean: number | null, lo: number | null = null, hi: number | null = null): Row =>
  ({ metric, model, approach, mean, ci_low: lo, ci_high: hi, n_conv: 40, n_scenarios: 12 });

describe('resolution verdict wording', () => {
  test('better and worse need the interval to exclude 0 and Holm to hold', () => {
    expect(resolutionVerdict(cmp({}), { baseline: false })).toEqual({ kind: 'better', text: 'better: resolves +20.0 pp vs rules (Holm p = 0.020)' });
    expect(resolutionVerdict(cmp({ delta: -0.3, ci_low: -0.42, ci_high: -0.18, p_holm: 0.0001 }), { baseline: false }))
      .toEqual({ kind: 'worse', text: 'worse: resolves −30.0 pp vs rules (Holm p < 0.001)' });
  });
  test('an interval that includes 0, or excludes it only before Holm, is no clear difference', () => {
    expect(resolutionVerdict(cmp({ ci_low: -0.05 }), { baseline: false }).kind).toBe('no clear difference');
    const notAfterHolm = resolutionVerdict(cmp({ p_holm: 0.08 }), { baseline: false });
    expect(notAfterHolm).toEqual({ kind: 'no clear difference', text: 'no clear difference: not significant after Holm (p = 0.080)' });
  });
  test('too few scenarios: under the minimum, or no interval and no significant exact test', () => {
    expect(resolutionVerdict(cmp({ n_pairs: 3 }), { baseline: false })).toEqual({ kind: 'too few scenarios', text: 'too few scenarios: 3 paired, 4 needed' });
    expect(resolutionVerdict(cmp({ n_pairs: 6, delta: -1, ci_low: null, ci_high: null, p_holm: 0.3125 }), { baseline: false }))
      .toEqual({ kind: 'too few scenarios', text: 'too few scenarios: 6 paired, no interval (Holm p = 0.313)' });
    // Every one of 8 scenarios moved the same way and the exact test holds after Holm: that is evidence, not "too few".
    expect(resolutionVerdict(cmp({ n_pairs: 8, delta: 1, ci_low: null, ci_high: null, p_holm: 0.008 }), { baseline: false }).kind).toBe('better');
  });
  test('the baseline and an uncompared model say so', () => {
    expect(resolutionVerdict(undefined, { baseline: true }).kind).toBe('baseline');
    expect(resolutionVerdict(undefined, { baseline: false })).toEqual({ kind: 'not compared', text: 'not compared: no rules arm on the same scenarios' });
  });
  test('critical failures add a caveat only when Holm holds, in the right direction', () => {
    const crit = (extra: Row): Row => cmp({ metric: 'safety.critical_failure', ...extra });
    expect(criticalCaveat(crit({ delta: 0.19, ci_low: 0.08, ci_high: 0.3, p_holm: 0.015 }))).toBe('more critical failures (+19.0 pp, Holm p = 0.015)');
    expect(criticalCaveat(crit({ delta: -0.1, ci_low: -0.2, ci_high: -0.01, p_holm: 0.01 }))).toBe('fewer critical failures (−10.0 pp, Holm p = 0.010)');
    expect(criticalCaveat(crit({ delta: 0.19, ci_low: 0.08, ci_high: 0.3, p_holm: 0.2 }))).toBeNull();
  });
});

describe('cells: unknown is never zero', () => {
  test('an unpriced model reads "unknown price", a priced one its cost per resolved with interval', () => {
    expect(costPerResolvedCell({ cost_per_conv: null, note: 'agent cost unknown: unknown price for x' }).text).toBe('unknown price');
    expect(costPerResolvedCell({ cost_per_conv: 0.01, cost_per_resolved: 0.02, cost_per_resolved_ci_low: 0.015, cost_per_resolved_ci_high: 0.03, resolution_rate: 0.5 }).text)
      .toBe('$0.020 [$0.015–$0.030]');
    expect(costPerResolvedCell({ cost_per_conv: 0.01, cost_per_resolved: 0.02, cost_per_resolved_ci_low: 0.015, cost_per_resolved_ci_high: null, resolution_rate: 0.5 }).text)
      .toBe('$0.020 [$0.015–unbounded]');
    expect(costPerResolvedCell({ cost_per_conv: 0.01, cost_per_resolved: null, resolution_rate: 0 }).text).toBe('none resolved');
    expect(costPerResolvedCell(undefined).text).toBe('not computed');
  });
  test('rates carry their interval or say why not; missing rows are "not scored"', () => {
    expect(rateCell(agg('m', 'x', '*', 0.3, 0.192, 0.437)).text).toBe('30.0% [19.2–43.7]');
    expect(rateCell(agg('m', 'x', '*', 0.3))).toMatchObject({ text: '30.0%', note: 'no interval: too few scenarios' });
    expect(rateCell(undefined)).toMatchObject({ text: 'not scored', tone: 'unknown' });
    expect(deltaCell(cmp({ delta: -0.3, ci_low: -0.419, ci_high: -0.181 })).text).toBe('−30.0 pp [−41.9, −18.1]');
    expect(deltaCell(undefined).text).toBe('not compared');
  });
});

describe('validity marks', () => {
  const rows: Row[] = [
    { metric: 'transparency.ai_disclosed_first_turn', status: 'validated', sensitivity: 0.93, specificity: 0.97, kappa: null, positives: 40, negatives: 60, source: 'bank', note: '' },
    { metric: 'halluc.any', status: 'below-bar', sensitivity: 0.42, specificity: 0.99, kappa: null, positives: 50, negatives: 50, source: 'study', note: '' },
    { metric: 'manipulation.any', status: 'not-measured', sensitivity: null, specificity: null, kappa: null, positives: null, negatives: null, source: null, note: 'never measured' },
  ];
  const screens = new Map([['empathy.lex', 'unvalidated screen: not measured against human labels']]);
  test('validated, below the bar, not measured, screen; counts and costs carry none', () => {
    expect(validityMark('transparency.ai_disclosed_first_turn', { rows, screens })).toMatchObject({ level: 'ok', text: 'validated: sensitivity 0.930' });
    expect(validityMark('halluc.any', { rows, screens })).toMatchObject({ level: 'warn', text: 'sensitivity 0.420: undercounts' });
    expect(validityMark('manipulation.any', { rows, screens })).toMatchObject({ level: 'unknown', text: 'validity not measured' });
    expect(validityMark('empathy.lex', { rows, screens })).toMatchObject({ level: 'warn', text: 'unvalidated screen' });
    expect(validityMark('cost.agent_usd', { rows, screens })).toBeNull();
  });
  test('several measurements of one metric: the weakest sensitivity speaks, and a low specificity is said', () => {
    const two: Row[] = [
      { metric: 'transparency.false_human_claim', status: 'validated', sensitivity: 1, specificity: 1, kappa: null, positives: 700, negatives: 9000, source: 'study', note: '' },
      { metric: 'transparency.false_human_claim', status: 'validated', sensitivity: 0.833, specificity: 0.85, kappa: null, positives: 30, negatives: 70, source: 'bank', note: '' },
    ];
    const m = validityMark('transparency.false_human_claim', { rows: two, screens })!;
    expect(m.text).toBe('validated: sensitivity 0.833; specificity 0.850: overcounts');
    expect(m.level).toBe('warn');
    expect(m.detail).toContain('study');
  });
});

function data(extra: Partial<DecisionData> = {}): DecisionData {
  return {
    models: [{ model: 'rules', arm: 'traditional', n_done: 40 }, { model: 'gai', arm: 'gai', n_done: 40 }],
    aggregates: [
      agg('resolution.resolved', 'rules', '*', 0.3, 0.2, 0.4), agg('resolution.resolved', 'gai', '*', 0.5, 0.4, 0.6),
      agg('resolution.resolved', 'rules', 'b-approach', 0.3, 0.1, 0.5), agg('resolution.resolved', 'gai', 'b-approach', 0.6, 0.4, 0.8),
      agg('resolution.resolved', 'rules', 'a-approach', 0.2, 0.1, 0.3), agg('resolution.resolved', 'gai', 'a-approach', 0.4, 0.2, 0.6),
      agg('transparency.ai_disclosed_first_turn', 'gai', '*', 0.9, 0.8, 0.95), agg('safety.critical_failure', 'gai', '*', 0.1, 0.02, 0.2),
    ],
    comparisons: [cmp({}), cmp({ approach: 'a-approach', n_pairs: 3, ci_low: null, ci_high: null }), cmp({ approach: 'b-approach', ci_low: -0.1 })],
    roi: [
      { model: 'rules', approach: '*', cost_per_conv: 0, cost_per_resolved: 0, cost_per_resolved_ci_low: 0, cost_per_resolved_ci_high: 0, resolution_rate: 0.3, note: null },
      { model: 'gai', approach: '*', cost_per_conv: null, cost_per_resolved: null, resolution_rate: 0.5, note: 'agent cost unknown: unknown price for gai' },
    ],
    bias: [
      { model: 'gai', approach: '*', family: 'primary', tests: 20, not_testable: 2, flagged: 1, equivalent: 5, equivalence_not_testable: 3, air_flagged: 0 },
      { model: 'rules', approach: '*', family: 'primary', tests: 20, not_testable: 20, flagged: 0, equivalent: 0, equivalence_not_testable: 20, air_flagged: 0 },
    ],
    biasFlagged: [{ model: 'gai', attribute: 'gender', grp: 'female', reference_group: 'male', outcome: 'offer.discount_pct', gap: -1.5, ci_low: -3.1, ci_high: -0.2, p_holm: 0.01, air_flagged: false, air: null }],
    validity: [],
    metrics: [{ metric: 'resolution.resolved', title: 'Resolved', unit: 'rate', direction: 'higher-better' }],
    missing: ['instrument_validity'],
    ...extra,
  };
}
const catalog = [
  { id: 'transparency.ai_disclosed_first_turn', family: 'transparency', title: 'AI disclosed', unit: 'rate', direction: 'higher-better', description: 'd' },
  { id: 'empathy.lex', family: 'empathy', title: 'Empathy', unit: 'score', direction: 'higher-better', description: 'd', screen: 'unvalidated screen' },
] as MetricInfo[];

describe('the managers\' rows', () => {
  test('pooled per model first (baseline first), then each approach by name with models side by side; never ranked by saving', () => {
    const rows = managerRows(data(), { rows: [], screens: new Map() });
    expect(rows.map((r) => `${r.model}@${r.approach}`)).toEqual(['rules@*', 'gai@*', 'rules@a-approach', 'gai@a-approach', 'rules@b-approach', 'gai@b-approach']);
    expect(rows.map((r) => r.verdict.kind)).toEqual(['baseline', 'better', 'baseline', 'too few scenarios', 'baseline', 'no clear difference']);
    expect(rows[0]!.baseline).toBe(true);
    expect(rows[1]!.costPerResolved.text).toBe('unknown price');
    expect(rows[1]!.caveats).toContain('cost unknown');
    expect(rows[0]!.costPerResolved).toEqual({ text: '$0', note: 'no priced model calls: a known zero' });
    expect(rows[1]!.resolution.text).toBe('50.0% [40.0–60.0]');
    expect(rows[1]!.delta.text).toBe('+20.0 pp [+5.0, +35.0]');
    expect(rows[1]!.bias).toMatchObject({ text: '1 flagged', tone: 'bad' });
    expect(rows[2]!.bias.text).toBe('not tested');
    expect(rows[1]!.sample).toBe('12 scenarios · 40 conv.');
  });
  test('without an instrument_validity table, text instruments read "validity not measured"; screens stay screens', () => {
    const page = decisionPageFrom(data(), catalog, { exports: [], fileCharts: [] });
    expect(page.managers[1]!.disclosure.mark).toMatchObject({ text: 'validity not measured' });
    expect(page.instruments.map((i) => i.mark.text)).toEqual(['validity not measured']);
    expect(page.notes.join(' ')).toContain('validity not measured');
    expect(page.notes.join(' ')).toContain('`cxbench analyse` writes it from validity/measured.json');
  });
});

describe('a deployed traditional bot beside the rules arm', () => {
  test('the rules arm stays the only baseline; the bot and the GAI model are each compared with it, never with each other', () => {
    const d = data({
      models: [{ model: 'rules', arm: 'traditional', n_done: 40 }, { model: 'my-bot', arm: 'traditional', n_done: 40 }, { model: 'gai', arm: 'gai', n_done: 40 }],
      aggregates: [agg('resolution.resolved', 'rules', '*', 0.3, 0.2, 0.4), agg('resolution.resolved', 'my-bot', '*', 0.2, 0.1, 0.3), agg('resolution.resolved', 'gai', '*', 0.5, 0.4, 0.6)],
      comparisons: [
        cmp({ b: 'my-bot', delta: -0.4, ci_low: -0.5, ci_high: -0.3, p_holm: 0.001 }), cmp({}),
        cmp({ a: 'my-bot', b: 'rules', delta: -0.1, ci_low: -0.2, ci_high: 0.05, p_holm: 0.3 }),
      ],
    });
    const rows = managerRows(d, { rows: [], screens: new Map() });
    expect(rows.map((r) => `${r.model}:${r.verdict.kind}`)).toEqual(['rules:baseline', 'gai:better', 'my-bot:no clear difference']);
    expect(rows[1]!.verdict.text).toBe('better: resolves +20.0 pp vs rules (Holm p = 0.020)');
  });
  test('without the rules arm the first traditional label is the baseline', () => {
    const d = data({ models: [{ model: 'my-bot', arm: 'traditional', n_done: 40 }, { model: 'gai', arm: 'gai', n_done: 40 }], comparisons: [cmp({ b: 'my-bot' })],
      aggregates: [agg('resolution.resolved', 'my-bot', '*', 0.3, 0.2, 0.4), agg('resolution.resolved', 'gai', '*', 0.5, 0.4, 0.6)] });
    const rows = managerRows(d, { rows: [], screens: new Map() });
    expect(rows[0]).toMatchObject({ model: 'my-bot', baseline: true, verdict: { text: 'baseline: the traditional arm my-bot' } });
    expect(rows[1]!.verdict.text).toBe('better: resolves +20.0 pp vs my-bot (Holm p = 0.020)');
  });
});

describe('governance', () => {
  test('bias verdict: flagged, equivalence, not testable, not analysed', () => {
    const d = data();
    expect(biasVerdict(d.bias, 'gai', false)).toMatchObject({ text: '1 gap flagged', tone: 'bad' });
    expect(biasVerdict(d.bias, 'gai', false).note).toContain('5 shown equivalent within the margin; 3 with no equivalence test; 2 not testable');
    expect(biasVerdict(d.bias, 'rules', false).text).toBe('not testable');
    expect(biasVerdict([], 'gai', true).text).toBe('not analysed');
    expect(biasVerdict([{ model: 'x', approach: '*', family: 'primary', tests: 4, not_testable: 0, flagged: 0, equivalent: 1, equivalence_not_testable: 0, air_flagged: 0 }], 'x', false).text)
      .toBe('no gap flagged');
  });
  test('flagged gaps are spelled out with interval and Holm p', () => {
    expect(flaggedGapLines(data().biasFlagged)).toEqual(['gai · gender: female vs male on offer.discount_pct: gap -1.5 [-3.1, -0.2], Holm p = 0.010']);
  });
  test('Markdown keeps comparisons readable and neutralises markup', () => {
    const models = [{ model: 'rules', arm: 'traditional', n_done: 1 }, { model: 'gai', arm: 'gai', n_done: 1 }, { model: '<b>x</b>', arm: 'gai', n_done: 1 }];
    const md = decisionMarkdown(decisionPageFrom(data({ models }), catalog, { exports: [], fileCharts: [] }));
    expect(md).toContain('Holm p = 0.020');
    expect(md).toContain('| &lt;b&gt;x&lt;/b&gt; |');
    expect(md).not.toContain('<b>');
  });
});

describe('the viewer command', () => {
  test('names the database relative to the working folder, quoted when it must be', () => {
    expect(viewerCommand('out/cxbench.duckdb')).toBe('npx cxbench view out/cxbench.duckdb');
    expect(viewerCommand(`${process.cwd()}/runs/a b.duckdb`)).toBe("npx cxbench view 'runs/a b.duckdb'");
    expect(viewerCommand('/elsewhere/x.duckdb')).toBe('npx cxbench view /elsewhere/x.duckdb');
    expect(viewerCommand(undefined)).toBe('npx cxbench view');
  });
});
