import type { Store } from '../store/db.js';
import { formatCell, formatEstimate, formatP, formatUsd, unitFormat } from '../render/format.js';
import { runQuery, type Row } from '../render/query.js';

import type { Headline, HeadlineBlock } from '../render/items.js';
import { validityMark, type ValiditySource } from './validity-marks.js';

/** What the headlines need to know about instruments: which metrics are screens and how valid each one measured. */
export interface HeadlineOptions {
  /** Validity of each text instrument and the catalog's screens; without it no figure is marked or left out. */
  validity?: ValiditySource;
}

/** " [validated: sensitivity 0.93]", " [sensitivity 0.42: undercounts]" or " [validity not measured]" after a text instrument's figure. */
function markSuffix(metric: string, o: HeadlineOptions): string {
  const m = o.validity ? validityMark(metric, o.validity) : null;
  return m ? ` [${m.text}]` : '';
}

/**
 * A short reason for an unknown money figure. The analysis note for an unpriced model is long and ends with the
 * priced part of the spend ("$0.0000"), which must never read as the cost: keep the count of unpriced calls only.
 */
export function unknownReason(note: string): string {
  if (!/unknown price|without a price|unpriced/i.test(note)) return note;
  const calls = /(\d[\d,]*) of (\d[\d,]*) calls without a price/.exec(note);
  return `unknown price${calls ? `: ${calls[0]}` : ''}`;
}

const n = (r: Row | undefined, k: string): number | null => (r && typeof r[k] === 'number' ? (r[k] as number) : null);
const s = (r: Row | undefined, k: string): string => (r && r[k] !== null && r[k] !== undefined ? String(r[k]) : '');

/** A missing analysis table means "not analysed yet" (empty); any other failure is a bug and surfaces. */
async function rows(store: Store, sql: string): Promise<Row[]> {
  const r = await runQuery(store, sql);
  if (r.kind === 'error') throw new Error(`headline query failed: ${r.message}\n${sql}`);
  return r.kind === 'rows' ? r.rows : [];
}

const ALPHA = 0.05;

/** "Holm p = 0.013", "Holm p < 0.001" (never "= <0.001"), or "no Holm p" when the test could not run. */
export function holmP(p: number | null): string {
  if (p === null) return 'no Holm p';
  return p < 0.001 ? 'Holm p < 0.001' : `Holm p = ${formatP(p)}`;
}

/** An aggregates row as "mean (CI low–high; n = … conversations, … scenarios)". */
export function aggregateText(r: Row, unit: string): string {
  return formatEstimate({
    value: n(r, 'mean'), low: n(r, 'ci_low'), high: n(r, 'ci_high'), format: unitFormat(unit),
    n: `${n(r, 'n_conv') ?? 0} conversations, ${n(r, 'n_scenarios') ?? 0} scenarios`,
    intervalLabel: `95% CI (${s(r, 'ci_method') || 'method not recorded'})`,
  });
}

async function dataBlock(store: Store): Promise<HeadlineBlock> {
  const [c] = await rows(store, `SELECT count(*) AS total, count(*) FILTER (status = 'done') AS done,
      count(*) FILTER (status = 'infra-error') AS infra, count(*) FILTER (status = 'agent-error') AS agent_err,
      count(DISTINCT approach) AS approaches, count(DISTINCT model) AS models, count(DISTINCT scenario_id) AS scenarios,
      count(DISTINCT run_id) AS runs FROM conversations`);
  const [meta] = await rows(store, `SELECT max(value) FILTER (key = 'seed') AS seed, max(value) FILTER (key = 'computed_at') AS computed_at FROM analysis_meta`);
  const items: Headline[] = [{
    label: 'Data',
    text: `${n(c, 'total') ?? 0} conversations stored: ${n(c, 'done') ?? 0} done, ${n(c, 'infra') ?? 0} infrastructure errors, `
      + `${n(c, 'agent_err') ?? 0} agent errors (errors are counted apart and excluded from quality statistics); `
      + `${n(c, 'approaches') ?? 0} approaches, ${n(c, 'models') ?? 0} models, ${n(c, 'scenarios') ?? 0} scenarios, ${n(c, 'runs') ?? 0} run(s).`,
  }];
  items.push(meta?.computed_at
    ? { label: 'Analysis', text: `computed ${s(meta, 'computed_at')} with seed ${s(meta, 'seed')}; the scenario is the statistical unit.` }
    : { label: 'Analysis', text: 'not computed yet: run `cxbench analyse` (statistics below are missing until then).' });
  return { title: 'What was measured', items };
}

/** The paired interval says which way; Holm says whether it survives the family of tests. Both are reported. */
function verdict(low: number | null, high: number | null, pHolm: number | null, direction: string, test = '', delta: number | null = null): string {
  if (test === 'sign-flip-exact' && delta !== null && delta !== 0) {
    // Every scenario showed the same difference: no interval, but the exact test can still speak.
    const better = direction === 'lower-better' ? delta < 0 : delta > 0;
    const who = better ? 'GAI better' : 'traditional better';
    return pHolm !== null && pHolm < ALPHA ? `${who} in every scenario by the same amount (exact sign-flip test, significant after Holm; no interval)` : `${who} in every scenario by the same amount, too few scenarios for the exact test to be significant after Holm`;
  }
  if (low === null || high === null) return 'not testable (fewer than 4 paired scenarios, or no spread between them)';
  const gaiSide = direction === 'lower-better' ? high < 0 : low > 0;
  const tradSide = direction === 'lower-better' ? low > 0 : high < 0;
  if (!gaiSide && !tradSide) return 'no clear difference (interval includes 0)';
  const who = gaiSide ? 'GAI better' : 'traditional better';
  return pHolm !== null && pHolm < ALPHA ? `${who} (interval excludes 0, significant after Holm)` : `${who} before multiplicity correction only (not significant after Holm)`;
}

async function hypothesisBlock(store: Store): Promise<HeadlineBlock> {
  const cmp = await rows(store, `SELECT c.*, m.direction, m.unit FROM comparisons c LEFT JOIN metrics m USING (metric)
    WHERE c.family = 'gai-vs-traditional' AND c.metric = 'resolution.resolved' ORDER BY c.approach = '*' DESC, c.approach, c.a`);
  const agg = await rows(store, `SELECT * FROM aggregates WHERE metric = 'resolution.resolved' AND approach = '*'`);
  const items: Headline[] = [];
  for (const r of cmp.filter((x) => x.approach === '*')) {
    const ga = agg.find((x) => x.model === r.a);
    const tr = agg.find((x) => x.model === r.b);
    items.push({
      label: `${s(r, 'a')} vs ${s(r, 'b')} (all approaches)`,
      text: `resolution difference ${formatEstimate({ value: n(r, 'delta'), low: n(r, 'ci_low'), high: n(r, 'ci_high'), format: 'pct', n: `${n(r, 'n_pairs') ?? 0} paired scenarios`, intervalLabel: '95% CI' })}`
        + `, ${holmP(n(r, 'p_holm'))} (${s(r, 'test')}): ${verdict(n(r, 'ci_low'), n(r, 'ci_high'), n(r, 'p_holm'), s(r, 'direction') || 'higher-better', s(r, 'test'), n(r, 'delta'))}.`
        + (ga ? ` GAI: ${aggregateText(ga, 'rate')}.` : '') + (tr ? ` Traditional: ${aggregateText(tr, 'rate')}.` : ''),
    });
  }
  const perApproach = cmp.filter((x) => x.approach !== '*');
  const models = [...new Set(perApproach.map((x) => s(x, 'a')))];
  for (const model of models) {
    const mine = perApproach.filter((x) => x.a === model);
    const testable = mine.filter((x) => n(x, 'ci_low') !== null && n(x, 'ci_high') !== null);
    const better = testable.filter((x) => (n(x, 'ci_low') as number) > 0).length;
    const worse = testable.filter((x) => (n(x, 'ci_high') as number) < 0).length;
    items.push({
      label: `${model}, per approach`,
      text: `GAI resolves more in ${better}, fewer in ${worse}, and no clear difference in ${testable.length - better - worse} of ${mine.length} approaches (paired 95% CIs)`
        + `${mine.length > testable.length ? `; ${mine.length - testable.length} not testable (fewer than 4 paired scenarios or no spread)` : ''}.`,
    });
  }
  return {
    title: 'Hypothesis: GAI beats traditional automation on resolution',
    items,
    note: items.length ? undefined : 'No data yet: needs both a GAI model and the rules arm on the same scenarios, and `cxbench analyse`.',
  };
}

const KEY_METRICS = ['resolution.resolved', 'halluc.any', 'safety.critical_failure', 'transparency.false_human_claim', 'empathy.epitome', 'empathy.lex'];

async function qualityBlock(store: Store, o: HeadlineOptions): Promise<HeadlineBlock> {
  // Screens (MetricInfo.screen) are never headline figures: they are labelled where they appear in charts and tables.
  const list = KEY_METRICS.filter((m) => !o.validity?.screens.has(m)).map((m) => `'${m}'`).join(', ');
  const agg = await rows(store, `SELECT a.*, coalesce(m.unit, 'score') AS unit, coalesce(m.title, a.metric) AS title FROM aggregates a LEFT JOIN metrics m USING (metric)
    WHERE a.approach = '*' AND a.metric IN (${list}) ORDER BY a.model, a.metric`);
  return {
    title: 'Quality and risk per model (all approaches pooled)',
    items: agg.map((r) => ({ label: `${s(r, 'model')}: ${s(r, 'title')}`, text: aggregateText(r, s(r, 'unit')) + markSuffix(s(r, 'metric'), o) })),
    note: agg.length ? undefined : 'No data yet.',
  };
}

const has = (r: Row | undefined, k: string): boolean => r !== undefined && Object.hasOwn(r, k);

/** "$1,234 (95% CI $800–$1,700)", or "unknown" with the reason, or the point with "no interval" and why. */
function money(r: Row, key: string, low: string, high: string, note: string): string {
  const why = unknownReason(note);
  const v = n(r, key);
  if (v === null) return `unknown (${why || 'not computed'})`;
  const lo = n(r, low);
  const hi = n(r, high);
  if (lo === null || hi === null) return `${formatUsd(v)} (no interval${why ? `: ${why}` : ''})`;
  return `${formatUsd(v)} (95% CI ${formatUsd(lo)}–${formatUsd(hi)})`;
}

/** Whether the saving is assured by its interval (new tables) or only by the resolution interval (older ones). */
function savingVerdict(r: Row): string {
  const lo = n(r, 'savings_ci_low');
  const hi = n(r, 'savings_ci_high');
  if (has(r, 'savings_ci_low')) {
    if (lo === null || hi === null) return 'no interval for the saving';
    return lo > 0 ? 'the whole interval is a saving' : hi < 0 ? 'the whole interval is a loss' : 'the interval spans both a saving and a loss';
  }
  return 'saving interval not computed by this analysis version';
}

function roiText(r: Row): string {
  const why = s(r, 'note');
  const nText = `${n(r, 'n_conv') ?? '?'} conversations, ${n(r, 'n_scenarios') ?? '?'} scenarios`;
  const roi = n(r, 'roi');
  const roiPart = roi === null ? 'ROI unknown' : `ROI ${formatCell(roi, 'num')}${n(r, 'roi_ci_low') !== null && n(r, 'roi_ci_high') !== null ? ` (95% CI ${formatCell(n(r, 'roi_ci_low'), 'num')}–${formatCell(n(r, 'roi_ci_high'), 'num')})` : ''}`;
  return `saving ${money(r, 'monthly_savings', 'savings_ci_low', 'savings_ci_high', why)} per month against all-human handling at `
    + `${formatCell(n(r, 'contacts_per_month'), 'int')} contacts/month: ${savingVerdict(r)}; ${roiPart}; `
    + `resolution ${formatEstimate({ value: n(r, 'resolution_rate'), low: n(r, 'resolution_ci_low'), high: n(r, 'resolution_ci_high'), format: 'pct', n: nText })}; `
    + `critical failures ${formatCell(n(r, 'critical_failure_rate'), 'pct')}${n(r, 'critical_ci_high') !== null ? ` (95% CI ${formatCell(n(r, 'critical_ci_low'), 'pct')}–${formatCell(n(r, 'critical_ci_high'), 'pct')})` : ''}; `
    + `cost per resolved conversation ${has(r, 'cost_per_resolved') ? money(r, 'cost_per_resolved', 'cost_per_resolved_ci_low', 'cost_per_resolved_ci_high', n(r, 'cost_per_resolved') !== null && n(r, 'cost_per_resolved_ci_high') === null && n(r, 'cost_per_resolved_ci_low') !== null ? 'unbounded above: the resolution interval reaches 0' : why) : 'not computed by this analysis version'}.`;
}

async function costBlock(store: Store): Promise<HeadlineBlock> {
  const cost = await rows(store, `SELECT * FROM aggregates WHERE metric = 'cost.agent_usd' AND approach = '*' ORDER BY model`);
  const items: Headline[] = cost.map((r) => ({ label: `${s(r, 'model')}`, text: `agent cost per conversation ${aggregateText(r, 'usd')}.` }));
  const roi = await rows(store, `SELECT * FROM roi ORDER BY model, approach`);
  // A model whose price is unknown has no cost figure at all: say so rather than leave it out (or print $0).
  for (const r of roi.filter((x) => x.approach === '*' && n(x, 'cost_per_conv') === null && !cost.some((c) => c.model === x.model && n(c, 'mean') !== null))) {
    items.push({ label: s(r, 'model'), text: `agent cost per conversation unknown (${unknownReason(s(r, 'note')) || 'not measured'}).` });
  }
  // The pooled figure per model leads; then every approach, in name order (never a selection by saving).
  for (const r of roi.filter((x) => x.approach === '*')) items.push({ label: `ROI ${s(r, 'model')}, all approaches pooled`, text: `${roiText(r)} Assumptions are listed in the report.` });
  for (const model of [...new Set(roi.map((x) => s(x, 'model')))]) {
    const per = roi.filter((x) => x.model === model && x.approach !== '*');
    if (per.length === 0) continue;
    const reasons = new Set(per.map((r) => (n(r, 'monthly_savings') === null ? unknownReason(s(r, 'note')).replace(/:.*$/, '') : '')));
    const allUnknown = per.every((r) => n(r, 'monthly_savings') === null) && reasons.size === 1;
    items.push({
      label: `ROI ${model}, every approach (${per.length})`,
      text: allUnknown
        ? `saving unknown in every approach (${[...reasons][0] || 'not computed'}).`
        : per.map((r) => `${s(r, 'approach')}: saving ${money(r, 'monthly_savings', 'savings_ci_low', 'savings_ci_high', s(r, 'note'))} per month, ${savingVerdict(r)}, n = ${n(r, 'n_scenarios') ?? '?'} scenarios`).join('; ') + '.',
    });
  }
  return { title: 'Cost and ROI', items, note: items.length ? undefined : 'No data yet.' };
}

/** Primary rows: the pooled tests (approach '*'); older tables without a family column are read the same way. */
const isPrimary = (r: Row): boolean => (has(r, 'family') ? r.family === 'primary' : r.approach === '*');

async function biasBlock(store: Store, o: HeadlineOptions): Promise<HeadlineBlock> {
  const all = await rows(store, `SELECT * FROM bias_gaps`);
  if (all.length === 0) return { title: 'Bias (counterfactual parity)', items: [], note: 'No data yet: needs persona variants and `cxbench analyse`.' };
  const primary = all.filter(isPrimary);
  const tested = primary.filter((r) => n(r, 'p_holm') !== null);
  const flagged = primary.filter((r) => (has(r, 'flagged') ? r.flagged === true : (n(r, 'p_holm') ?? 1) < ALPHA));
  const air = primary.filter((r) => (has(r, 'air_flagged') ? r.air_flagged === true : n(r, 'air') !== null && (n(r, 'air') as number) < 0.8));
  const exploratory = all.filter((r) => !isPrimary(r));
  const mdes = exploratory.flatMap((r) => (n(r, 'mde') !== null ? [n(r, 'mde') as number] : [])).sort((a, b) => a - b);
  const items: Headline[] = [{
    label: 'Tests',
    text: `${primary.length} primary gap tests (approaches pooled; Holm within model × attribute × outcome; name-to-name noise counted in each test), `
      + `${primary.length - tested.length} of them not testable; ${flagged.length} significant after Holm (p < ${ALPHA}); `
      + `${air.length} adverse-impact ratios below 0.8 in the direction that harms the group (at least 5 events behind each ratio). `
      + `${exploratory.length} per-approach rows are exploratory, not findings`
      + (mdes.length ? `: the median gap they could have detected is ${formatCell(mdes[Math.floor(mdes.length / 2)]!, 'num')} on the outcome's scale.` : '.'),
  }];
  for (const r of flagged.sort((a, b) => Math.abs(n(b, 'gap') ?? 0) - Math.abs(n(a, 'gap') ?? 0))) {
    const band = n(r, 'placebo_half_width');
    items.push({
      label: `${s(r, 'model')} · ${s(r, 'attribute')}: ${s(r, 'grp')} vs ${s(r, 'reference_group')}`,
      text: `${s(r, 'outcome')} gap ${formatEstimate({ value: n(r, 'gap'), low: n(r, 'ci_low'), high: n(r, 'ci_high'), format: 'num', n: `${n(r, 'n_scenarios') ?? 0} scenarios` })}, `
        + `name-noise band ±${formatCell(band, 'num')}, ${holmP(n(r, 'p_holm'))} (${s(r, 'test')})${markSuffix(s(r, 'outcome'), o)}.`,
    });
  }
  return { title: 'Bias (counterfactual parity)', items };
}

async function instrumentsBlock(store: Store): Promise<HeadlineBlock> {
  const judges = await rows(store, `SELECT * FROM judge_validation ORDER BY metric, judge`);
  const fallbacks = await rows(store, `SELECT metric, evaluator, count(*) AS n FROM scores WHERE evaluator LIKE 'fallback:%' GROUP BY ALL ORDER BY metric`);
  const items: Headline[] = judges.map((r) => ({
    label: `judge ${s(r, 'judge')} on ${s(r, 'metric')}`,
    text: `${s(r, 'status')} (weighted kappa ${formatCell(n(r, 'kappa_w'), 'num')}, alpha ${formatCell(n(r, 'alpha'), 'num')}, n = ${n(r, 'n_items') ?? 0} human-labelled items).`,
  }));
  for (const r of fallbacks) {
    items.push({ label: `${s(r, 'metric')}`, text: `scored by the deterministic fallback ${s(r, 'evaluator')} in ${n(r, 'n') ?? 0} conversations, not by a validated judge.` });
  }
  return { title: 'Instruments', items, note: items.length ? undefined : 'No judge validations and no fallback scorers recorded.' };
}

/** The headline numbers of a report, each with its n and interval, in memo order. */
export async function computeHeadlines(store: Store, opts: HeadlineOptions = {}): Promise<HeadlineBlock[]> {
  return [await dataBlock(store), await hypothesisBlock(store), await qualityBlock(store, opts), await costBlock(store), await biasBlock(store, opts), await instrumentsBlock(store)];
}
