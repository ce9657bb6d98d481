import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../store/db.js';
import { escapeHtml, escapeMarkdown } from '../render/escape.js';
import { formatCell, formatP, unitFormat } from '../render/format.js';
import { runQuery } from '../render/query.js';
import { REPORT_CSS } from '../render/styles.js';
import { clusterMean, holm, tCritical, tTwoSidedP, Z_975, zTwoSidedP } from './stats.js';

/** One per-conversation score, with the scenario (id@version) it belongs to: the scenario is the statistical unit. */
export interface ScoreObs { metric: string; approach: string; model: string; scenario: string; value: number }
export interface MetricDirection { metric: string; unit: string; direction: string }

/** paired-scenario-t: both runs cover exactly the same scenarios; unpaired-cluster-z: they do not. */
export type CompareTest = 'paired-scenario-t' | 'unpaired-cluster-z';

export interface CompareRow {
  metric: string;
  approach: string;
  model: string;
  unit: string;
  direction: string;
  nA: number; nB: number; scenariosA: number; scenariosB: number;
  meanA: number; meanB: number;
  /** B minus A: mean of per-scenario differences when paired, difference of conversation-level means when unpaired. */
  delta: number;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  p: number | null;
  /** Holm within the metric: all approach x model tests of one metric form one family. */
  pHolm: number | null;
  test: CompareTest;
  /** better / worse by the metric's direction; 'changed' for neutral metrics; 'no significant change' otherwise. */
  verdict: string;
}

const ALL = '*';
type Groups = Map<string, Map<string, number[]>>;

function group(obs: ScoreObs[]): Groups {
  const out: Groups = new Map();
  const add = (key: string, scenario: string, v: number): void => {
    const g = out.get(key) ?? new Map<string, number[]>();
    out.set(key, g);
    const c = g.get(scenario) ?? [];
    g.set(scenario, c);
    c.push(v);
  };
  for (const o of obs) {
    add(JSON.stringify([o.metric, o.approach, o.model]), `${o.approach}|${o.scenario}`, o.value);
    // Pooled over approaches; a scenario belongs to one approach, so the cluster key keeps both.
    add(JSON.stringify([o.metric, ALL, o.model]), `${o.approach}|${o.scenario}`, o.value);
  }
  return out;
}

const sameKeys = (a: Map<string, unknown>, b: Map<string, unknown>): boolean => a.size === b.size && [...a.keys()].every((k) => b.has(k));
const avg = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;

function testPair(a: Map<string, number[]>, b: Map<string, number[]>): Pick<CompareRow, 'delta' | 'se' | 'ciLow' | 'ciHigh' | 'p' | 'test'> {
  if (sameKeys(a, b) && a.size >= 2) {
    const diffs = [...a.keys()].map((k) => avg(b.get(k)!) - avg(a.get(k)!));
    const g = diffs.length;
    const delta = avg(diffs);
    const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - delta) ** 2, 0) / (g - 1));
    const se = sd / Math.sqrt(g);
    const crit = tCritical(g - 1);
    const p = se > 0 ? tTwoSidedP(delta / se, g - 1) : delta === 0 ? 1 : null;
    return { delta, se, ciLow: delta - crit * se, ciHigh: delta + crit * se, p, test: 'paired-scenario-t' };
  }
  const ma = clusterMean([...a.values()]);
  const mb = clusterMean([...b.values()]);
  const delta = mb.mean - ma.mean;
  if (ma.se === null || mb.se === null) return { delta, se: null, ciLow: null, ciHigh: null, p: null, test: 'unpaired-cluster-z' };
  const se = Math.sqrt(ma.se ** 2 + mb.se ** 2);
  const p = se > 0 ? zTwoSidedP(delta / se) : delta === 0 ? 1 : null;
  return { delta, se, ciLow: delta - Z_975 * se, ciHigh: delta + Z_975 * se, p, test: 'unpaired-cluster-z' };
}

function verdictOf(row: Pick<CompareRow, 'pHolm' | 'delta' | 'direction'>, alpha: number): string {
  if (row.pHolm === null) return 'not testable';
  if (row.pHolm >= alpha) return 'no significant change';
  if (row.direction === 'neutral') return 'changed';
  const up = row.delta > 0;
  return (row.direction === 'lower-better') !== up ? 'better' : 'worse';
}

/** Pure comparison of two runs' scores: every metric x approach x model present in both (plus approaches pooled). */
export function compareRuns(a: ScoreObs[], b: ScoreObs[], metrics: MetricDirection[], alpha = 0.05): CompareRow[] {
  const ga = group(a);
  const gb = group(b);
  const info = new Map(metrics.map((m) => [m.metric, m]));
  const rows: CompareRow[] = [];
  for (const [key, ca] of ga) {
    const cb = gb.get(key);
    if (!cb) continue;
    const [metric, approach, model] = JSON.parse(key) as [string, string, string];
    const ma = clusterMean([...ca.values()]);
    const mb = clusterMean([...cb.values()]);
    rows.push({
      metric, approach, model,
      unit: info.get(metric)?.unit ?? 'score', direction: info.get(metric)?.direction ?? 'neutral',
      nA: ma.n, nB: mb.n, scenariosA: ma.clusters, scenariosB: mb.clusters, meanA: ma.mean, meanB: mb.mean,
      ...testPair(ca, cb), pHolm: null, verdict: '',
    });
  }
  rows.sort((x, y) => x.metric.localeCompare(y.metric) || Number(y.approach === ALL) - Number(x.approach === ALL) || x.approach.localeCompare(y.approach) || x.model.localeCompare(y.model));
  for (const metric of new Set(rows.map((r) => r.metric))) {
    const fam = rows.filter((r) => r.metric === metric);
    holm(fam.map((r) => r.p)).forEach((p, i) => { fam[i]!.pHolm = p; });
  }
  for (const r of rows) r.verdict = verdictOf(r, alpha);
  return rows;
}

async function loadObs(store: Store): Promise<{ obs: ScoreObs[]; metrics: MetricDirection[]; label: string }> {
  const q = await runQuery(store, `SELECT s.metric, c.approach, c.model, c.scenario_id || '@' || c.scenario_version AS scenario, s.value
    FROM scores s JOIN conversations c USING (cell_key) WHERE c.status = 'done' AND s.value IS NOT NULL`);
  if (q.kind !== 'rows') throw new Error(`cannot read scores from ${store.path}: ${q.message}`);
  const m = await runQuery(store, 'SELECT metric, unit, direction FROM metrics');
  const runs = await runQuery(store, 'SELECT string_agg(run_id, \', \' ORDER BY run_id) AS ids FROM runs');
  return {
    obs: q.rows.map((r) => ({ metric: String(r.metric), approach: String(r.approach), model: String(r.model), scenario: String(r.scenario), value: Number(r.value) })),
    metrics: m.kind === 'rows' ? m.rows.map((r) => ({ metric: String(r.metric), unit: String(r.unit), direction: String(r.direction) })) : [],
    label: runs.kind === 'rows' && runs.rows[0]?.ids ? `${store.path} (runs ${String(runs.rows[0].ids)})` : store.path,
  };
}

export interface BuildComparisonOptions { title?: string; alpha?: number; generatedAt?: string }
export interface BuildComparisonResult { html: string; markdown: string; rows: CompareRow[] }

const METHOD = 'For each metric x approach x model scored in both runs (and all approaches pooled), B minus A. When both runs '
  + 'cover exactly the same scenarios the test is paired by scenario (mean of per-scenario differences, Student t with '
  + 'scenarios - 1 df); otherwise it is unpaired (difference of conversation-level means with scenario-clustered CR1 '
  + 'standard errors, normal test). p-values are Holm-adjusted within each metric. Only finished conversations count.';

const fmt = (r: CompareRow, v: number | null): string => formatCell(v, unitFormat(r.unit));

function tableCells(r: CompareRow): string[] {
  return [r.metric, r.approach === ALL ? 'all (pooled)' : r.approach, r.model, `${fmt(r, r.meanA)} (n=${r.nA}, ${r.scenariosA} sc.)`,
    `${fmt(r, r.meanB)} (n=${r.nB}, ${r.scenariosB} sc.)`, fmt(r, r.delta),
    r.ciLow === null || r.ciHigh === null ? '—' : `${fmt(r, r.ciLow)} to ${fmt(r, r.ciHigh)}`,
    r.pHolm === null ? '—' : formatP(r.pHolm), r.test, r.verdict];
}
const HEAD = ['metric', 'approach', 'model', 'A mean', 'B mean', 'B − A', '95% CI', 'Holm p', 'test', 'verdict'];

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
    + `${count('worse')} worse, ${count('changed')} changed (neutral metrics); ${count('not testable')} not testable (fewer than two scenarios or zero variance).`;

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
