import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../store/db.js';
import { escapeHtml, escapeMarkdown } from '../render/escape.js';
import { formatCell, formatP, unitFormat } from '../render/format.js';
import { runQuery } from '../render/query.js';
import { REPORT_CSS } from '../render/styles.js';
import { groupBy } from '../analysis/group.js';
import { mean } from '../analysis/stats/describe.js';
import { holm } from '../analysis/stats/multiplicity.js';
import { pairedDifference, type PairedTest } from '../analysis/stats/paired.js';
import { tooFewScenarios } from '../analysis/stats/policy.js';
import { unpairedDifference, type UnpairedTest } from '../analysis/stats/unpaired.js';

/** One per-conversation score, with the scenario (id@version) it belongs to: the scenario is the statistical unit. */
/** value null: nothing to score, except for money (unit usd), where null means an unpriced call: unknown. */
export interface ScoreObs { metric: string; approach: string; model: string; scenario: string; value: number | null }
export interface MetricDirection { metric: string; unit: string; direction: string }

/**
 * The test of a row (docs/methods.md 5.2): both runs cover exactly the same scenarios -> paired on them (paired-t,
 * sign-flip-exact when every difference is the same); otherwise unpaired on the scenario means (welch-t,
 * permutation-exact when neither side varies). Below the minimum number of scenarios: too-few-scenarios.
 */
export type CompareTest = PairedTest | UnpairedTest | 'unknown-money';

export interface CompareRow {
  metric: string;
  approach: string;
  model: string;
  unit: string;
  direction: string;
  nA: number; nB: number; scenariosA: number; scenariosB: number;
  /** Scenario-weighted means (methods.md 5.1): conversations equal within a scenario, scenarios equal across. Null: unknown money. */
  meanA: number | null; meanB: number | null;
  /** B minus A: the mean of per-scenario differences when paired, the difference of scenario-weighted means otherwise. */
  delta: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  p: number | null;
  /** Holm within the metric: all approach x model tests of one metric form one family (a pooled row from one approach counted once). */
  pHolm: number | null;
  test: CompareTest;
  /** better / worse by the metric's direction; 'changed' for neutral metrics; 'no significant change'; 'too few scenarios'; 'unknown'; 'not testable'. */
  verdict: string;
  /** Why a figure is missing, or how the row was tested. */
  note: string | null;
}

const ALL = '*';
/** scenario key -> the values of its conversations */
type Clusters = Map<string, number[]>;
type Groups = Map<string, Clusters>;

interface Grouped {
  groups: Groups;
  /** key -> conversations whose money is unknown */
  unknown: Map<string, number>;
}

function group(obs: ScoreObs[], money: ReadonlySet<string>): Grouped {
  const groups: Groups = new Map();
  const unknown = new Map<string, number>();
  const add = (key: string, scenario: string, v: number | null): void => {
    if (v === null) {
      unknown.set(key, (unknown.get(key) ?? 0) + 1);
      return;
    }
    const g = groups.get(key) ?? new Map<string, number[]>();
    groups.set(key, g);
    const c = g.get(scenario) ?? [];
    g.set(scenario, c);
    c.push(v);
  };
  for (const o of obs) {
    if (o.value === null && !money.has(o.metric)) continue;
    add(JSON.stringify([o.metric, o.approach, o.model]), `${o.approach}|${o.scenario}`, o.value);
    // Pooled over approaches; a scenario belongs to one approach, so the cluster key keeps both.
    add(JSON.stringify([o.metric, ALL, o.model]), `${o.approach}|${o.scenario}`, o.value);
  }
  return { groups, unknown };
}

const sameKeys = (a: Map<string, unknown>, b: Map<string, unknown>): boolean => a.size === b.size && [...a.keys()].every((k) => b.has(k));
const scenarioMeans = (c: Clusters): number[] => [...c.values()].map(mean);
const nObs = (c: Clusters): number => [...c.values()].reduce((s, v) => s + v.length, 0);

type Tested = Pick<CompareRow, 'delta' | 'se' | 'ciLow' | 'ciHigh' | 'p' | 'test' | 'note'>;

function testPair(a: Clusters, b: Clusters): Tested {
  if (sameKeys(a, b)) {
    const diffs = [...a.keys()].map((k) => mean(b.get(k)!) - mean(a.get(k)!));
    const pd = pairedDifference(diffs)!;
    const note = pd.test === 'too-few-scenarios' ? `${tooFewScenarios(diffs.length)}: no interval; the exact sign-flip p cannot fall below 0.25`
      : pd.test === 'sign-flip-exact' ? 'every scenario changed by the same amount: exact sign-flip test, no interval' : null;
    return { delta: pd.mean, se: pd.se, ciLow: pd.ciLow, ciHigh: pd.ciHigh, p: pd.p, test: pd.test, note };
  }
  const u = unpairedDifference(scenarioMeans(a), scenarioMeans(b))!;
  const note = u.test === 'too-few-scenarios' ? `${tooFewScenarios(Math.min(a.size, b.size))} in one run: not tested`
    : `the runs cover different scenarios: unpaired on scenario means${u.test === 'permutation-exact' ? ' (no spread on either side: exact permutation test, no interval)' : ''}`;
  return { delta: u.delta, se: u.se, ciLow: u.ciLow, ciHigh: u.ciHigh, p: u.p, test: u.test, note };
}

function verdictOf(row: Pick<CompareRow, 'pHolm' | 'delta' | 'direction' | 'test'>, alpha: number): string {
  if (row.test === 'too-few-scenarios') return 'too few scenarios';
  if (row.test === 'unknown-money') return 'unknown';
  if (row.pHolm === null || row.delta === null) return 'not testable';
  if (row.pHolm >= alpha) return 'no significant change';
  if (row.direction === 'neutral') return 'changed';
  const up = row.delta > 0;
  return (row.direction === 'lower-better') !== up ? 'better' : 'worse';
}

/** The approaches a group's scenario keys come from ('approach|scenario'). */
const approachesOf = (c: Clusters): Set<string> => new Set([...c.keys()].map((k) => k.slice(0, k.indexOf('|'))));

/** Pure comparison of two runs' scores: every metric x approach x model present in both (plus approaches pooled). */
export function compareRuns(a: ScoreObs[], b: ScoreObs[], metrics: MetricDirection[], alpha = 0.05): CompareRow[] {
  const info = new Map(metrics.map((m) => [m.metric, m]));
  const money = new Set(metrics.filter((m) => m.unit === 'usd').map((m) => m.metric));
  const ga = group(a, money);
  const gb = group(b, money);
  const keysOf = (g: Grouped): Set<string> => new Set([...g.groups.keys(), ...g.unknown.keys()]);
  const inB = keysOf(gb);
  const rows: (CompareRow & { single: string | null })[] = [];
  for (const key of [...keysOf(ga)].filter((k) => inB.has(k))) {
    const ca: Clusters = ga.groups.get(key) ?? new Map();
    const cb: Clusters = gb.groups.get(key) ?? new Map();
    const [metric, approach, model] = JSON.parse(key) as [string, string, string];
    const from = new Set([...approachesOf(ca), ...approachesOf(cb)]);
    const [uA, uB] = [ga.unknown.get(key) ?? 0, gb.unknown.get(key) ?? 0];
    const meanOf = (c: Clusters, u: number): number | null => (u > 0 || c.size === 0 ? null : mean(scenarioMeans(c)));
    const tested: Tested = uA > 0 || uB > 0
      ? { delta: null, se: null, ciLow: null, ciHigh: null, p: null, test: 'unknown-money',
          note: `${[uA ? `run A: ${uA}` : '', uB ? `run B: ${uB}` : ''].filter(Boolean).join(', ')} conversation(s) with an unpriced call, so the cost and its change are unknown (never $0)` }
      : testPair(ca, cb);
    rows.push({
      metric, approach, model,
      unit: info.get(metric)?.unit ?? 'score', direction: info.get(metric)?.direction ?? 'neutral',
      nA: nObs(ca) + uA, nB: nObs(cb) + uB, scenariosA: ca.size, scenariosB: cb.size, meanA: meanOf(ca, uA), meanB: meanOf(cb, uB),
      ...tested, pHolm: null, verdict: '', single: approach === ALL && from.size === 1 ? [...from][0]! : null,
    });
  }
  rows.sort((x, y) => x.metric.localeCompare(y.metric) || Number(y.approach === ALL) - Number(x.approach === ALL) || x.approach.localeCompare(y.approach) || x.model.localeCompare(y.model));
  for (const fam of groupBy(rows, (r) => r.metric).values()) {
    // A pooled row whose scenarios all come from one approach is that approach's test again: counted once.
    const counted = fam.filter((r) => r.single === null);
    holm(counted.map((r) => r.p)).forEach((p, i) => { counted[i]!.pHolm = p; });
    for (const r of fam.filter((x) => x.single !== null)) {
      r.pHolm = counted.find((x) => x.approach === r.single && x.model === r.model)?.pHolm ?? null;
    }
  }
  for (const r of rows) r.verdict = verdictOf(r, alpha);
  return rows.map(({ single: _single, ...r }) => r);
}

async function loadObs(store: Store): Promise<{ obs: ScoreObs[]; metrics: MetricDirection[]; label: string }> {
  // Null scores are read only for money, where null means unknown (an unpriced call) rather than nothing to score.
  const q = await runQuery(store, `SELECT s.metric, c.approach, c.model, c.scenario_id || '@' || c.scenario_version AS scenario, s.value
    FROM scores s JOIN conversations c USING (cell_key)
    WHERE c.status = 'done' AND (s.value IS NOT NULL OR s.metric IN (SELECT metric FROM metrics WHERE unit = 'usd'))`);
  if (q.kind !== 'rows') throw new Error(`cannot read scores from ${store.path}: ${q.message}`);
  const m = await runQuery(store, 'SELECT metric, unit, direction FROM metrics');
  const runs = await runQuery(store, 'SELECT string_agg(run_id, \', \' ORDER BY run_id) AS ids FROM runs');
  return {
    obs: q.rows.map((r) => ({ metric: String(r.metric), approach: String(r.approach), model: String(r.model), scenario: String(r.scenario), value: r.value === null ? null : Number(r.value) })),
    metrics: m.kind === 'rows' ? m.rows.map((r) => ({ metric: String(r.metric), unit: String(r.unit), direction: String(r.direction) })) : [],
    label: runs.kind === 'rows' && runs.rows[0]?.ids ? `${store.path} (runs ${String(runs.rows[0].ids)})` : store.path,
  };
}

export interface BuildComparisonOptions { title?: string; alpha?: number; generatedAt?: string }
export interface BuildComparisonResult { html: string; markdown: string; rows: CompareRow[] }

const METHOD = 'For each metric x approach x model scored in both runs (and all approaches pooled), B minus A of the '
  + 'scenario-weighted means (docs/methods.md 5.1, 5.2). When both runs cover exactly the same scenarios the test is paired '
  + 'by scenario (mean of per-scenario differences, Student t with scenarios - 1 df; exact sign-flip test when every '
  + 'scenario changed by the same amount); otherwise it is unpaired on the scenario means (Welch t with Satterthwaite df; '
  + 'exact permutation test when neither run varies). Below 4 scenarios there is no interval and no verdict; a cost with an '
  + 'unpriced call is unknown, never $0. p-values are '
  + 'Holm-adjusted within each metric. Only finished conversations count.';

const fmt = (r: CompareRow, v: number | null): string => formatCell(v, unitFormat(r.unit));

function tableCells(r: CompareRow): string[] {
  return [r.metric, r.approach === ALL ? 'all (pooled)' : r.approach, r.model, `${fmt(r, r.meanA)} (n=${r.nA}, ${r.scenariosA} sc.)`,
    `${fmt(r, r.meanB)} (n=${r.nB}, ${r.scenariosB} sc.)`, fmt(r, r.delta),
    r.ciLow === null || r.ciHigh === null ? '—' : `${fmt(r, r.ciLow)} to ${fmt(r, r.ciHigh)}`,
    r.pHolm === null ? '—' : formatP(r.pHolm), r.test, r.verdict, r.note ?? ''];
}
const HEAD = ['metric', 'approach', 'model', 'A mean', 'B mean', 'B − A', '95% CI', 'Holm p', 'test', 'verdict', 'note'];

/** `cxbench report --compare A B`: writes compare.html and compare.md into outDir. */
export async function buildComparison(storeA: Store, storeB: Store, outDir: string, opts: BuildComparisonOptions = {}): Promise<BuildComparisonResult> {
  const alpha = opts.alpha ?? 0.05;
  const [a, b] = [await loadObs(storeA), await loadObs(storeB)];
  const rows = compareRuns(a.obs, b.obs, [...a.metrics, ...b.metrics], alpha);
  const title = opts.title ?? 'cxbench run comparison';
  const when = opts.generatedAt ?? new Date().toISOString();
  const sig = rows.filter((r) => r.pHolm !== null && r.pHolm < alpha);
  const count = (v: string): number => rows.filter((r) => r.verdict === v).length;
  const summary = `${rows.length} comparisons; ${sig.length} significant after Holm (alpha ${alpha}): ${count('better')} better, `
    + `${count('worse')} worse, ${count('changed')} changed (neutral metrics); ${count('too few scenarios')} with too few scenarios (fewer than 4 in a run: no interval, no verdict); `
    + `${count('unknown')} unknown (unpriced calls); ${count('not testable')} not testable.`;

  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  const htmlRows = rows.map((r) => `<tr class="${r.verdict.replace(/[^a-z]/g, '-')}">${tableCells(r).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${REPORT_CSS} tr.better td { background: #eaf6ee; } tr.worse td { background: #fbeaea; }</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
<p class="lead">A = ${escapeHtml(a.label)}<br>B = ${escapeHtml(b.label)}<br>generated ${escapeHtml(when)}</p>
<p>${escapeHtml(summary)}</p><p class="note">${escapeHtml(METHOD)}</p>
${rows.length ? `<div class="table-wrap"><table><thead><tr>${HEAD.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${htmlRows}</tbody></table></div>` : '<p class="no-data">No data yet: no metric is scored in both runs.</p>'}
</main></body></html>
`;
  const mdLine = (cells: string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  const md = [
    `# ${escapeMarkdown(title)}`, '', `- A: ${escapeMarkdown(a.label)}`, `- B: ${escapeMarkdown(b.label)}`, `- generated ${escapeMarkdown(when)}`, '',
    escapeMarkdown(summary), '', `_${escapeMarkdown(METHOD)}_`, '',
    '## Significant changes', '',
    ...(sig.length ? [mdLine(HEAD), `|${HEAD.map(() => ' --- ').join('|')}|`, ...sig.map((r) => mdLine(tableCells(r)))] : ['None.']),
    '',
  ].join('\n');
  const htmlPath = join(out, 'compare.html');
  const mdPath = join(out, 'compare.md');
  writeFileSync(htmlPath, html);
  writeFileSync(mdPath, md);
  return { html: htmlPath, markdown: mdPath, rows };
}
