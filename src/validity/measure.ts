import type { Conversation } from '../core/conversation.js';
import type { Store } from '../store/db.js';
import { readConversations } from '../store/reader.js';
import type { Scenario } from '../schema/scenario.js';
import { conversationTruth, truthIndex, type ConversationTruth } from './link.js';
import type { PlantedModelConfig } from './config.js';
import { expectedGap, populationGap, type TruthEntry } from './planted-model.js';

/**
 * What one replicate says about each instrument, read from the replicate's database after analyse(): the stored
 * scores and evidence, the aggregates and bias_gaps rows, set against the truth log. No statistic is recomputed
 * here; the analysis tables are the instruments under test.
 */

/** Rows: planted truth; columns: what the instrument said. */
export interface Confusion { tp: number; fp: number; fn: number; tn: number }
const emptyConfusion = (): Confusion => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
const tally = (c: Confusion, truth: boolean, said: boolean): void => { c[truth ? (said ? 'tp' : 'fn') : (said ? 'fp' : 'tn')]++; };

export interface RateCheck {
  metric: string;
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  ciMethod: string | null;
  nConv: number;
  /** The population value the planted model implies for this estimate. */
  truth: number | null;
  covered: boolean | null;
}

export interface BiasCheck {
  gap: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  p: number | null;
  pHolm: number | null;
  nScenarios: number;
  /** Tests with a p-value in the Holm family (model x attribute). */
  familySize: number;
  /** Population gap after the policy clamp (populationGap), averaged over the scenarios in the row: the CI's estimand. */
  trueGap: number | null;
  /** The same, conditional on this seed's scenario draws (reference discount, gap heterogeneity). */
  seedGap: number | null;
  flagged: boolean;
  covered: boolean | null;
  otherGroupsTested: number;
  otherGroupsFlagged: number;
}

/** The kinds of planted hallucination, for recall per kind. */
export const PLANTED_FAULTS = ['price', 'duration', 'offering'] as const;
export type PlantedFault = (typeof PLANTED_FAULTS)[number];
const faultOf = (e: TruthEntry): PlantedFault | null => (e.misstatement ? 'price' : e.fabrication ? e.fabrication.kind : null);

export interface ReplicateMeasures {
  seed: number;
  gapPp: number;
  conversations: number;
  replies: number;
  linkedReplies: number;
  truthEntries: number;
  bias: BiasCheck | null;
  /** Per scenario (approach|scenario), the target-minus-reference discount gap at each epoch. */
  gapsByScenario: number[][];
  halluc: { reply: Confusion & { explained: number }; byKind: Record<PlantedFault, { tp: number; fn: number }>; conv: Confusion; rate: RateCheck };
  empathy: { conv: Confusion };
  disclosure: { conv: Confusion; rate: RateCheck };
  falseHuman: { conv: Confusion; rate: RateCheck };
  pii: { conv: Confusion; rate: RateCheck };
}

export interface MeasureContext {
  model: string;
  targetGroup: string;
  attribute: string;
  /** The planted model's configuration without its seed (the gap is set per replicate). */
  plantedModel: Omit<PlantedModelConfig, 'seed'>;
  disclosure: { aiShare: number; humanClaimShare: number };
  scenarios: Map<string, Scenario>;
}

const METRICS = ['halluc.any', 'empathy.lex', 'transparency.ai_disclosed_first_turn', 'transparency.false_human_claim', 'privacy.cross_customer_leak'] as const;
type Metric = (typeof METRICS)[number];
const DISCOUNT = 'offer.discount_pct';

interface ScoreRow { cell_key: string; metric: Metric; value: number | null; evidence_json: string }
interface AggRow { metric: string; mean: number; ci_low: number | null; ci_high: number | null; ci_method: string; n_conv: number }

const inList = (xs: readonly string[]): string => xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(', ');
const evidenceTurns = (json: string): Set<number> => new Set((JSON.parse(json) as { turn?: number }[]).flatMap((e) => (typeof e.turn === 'number' ? [e.turn] : [])));
const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
/** The mean over scenarios of each scenario's mean: the weighting of the aggregates (one scenario, one vote). */
export function scenarioWeighted(xs: readonly { scenario: string; p: number }[]): number | null {
  const by = new Map<string, number[]>();
  for (const x of xs) by.set(x.scenario, [...(by.get(x.scenario) ?? []), x.p]);
  return mean([...by.values()].map((v) => mean(v)!));
}

function rateCheck(metric: string, agg: Map<string, AggRow>, truth: number | null): RateCheck {
  const a = agg.get(metric);
  const covered = a && truth !== null && a.ci_low !== null && a.ci_high !== null ? truth >= a.ci_low - 1e-12 && truth <= a.ci_high + 1e-12 : null;
  return { metric, estimate: a?.mean ?? null, ciLow: a?.ci_low ?? null, ciHigh: a?.ci_high ?? null, ciMethod: a?.ci_method ?? null, nConv: a?.n_conv ?? 0, truth, covered };
}

async function biasCheck(store: Store, ctx: MeasureContext, truth: readonly TruthEntry[], gapPp: number): Promise<{ bias: BiasCheck | null; gapsByScenario: number[][] }> {
  const rows = await store.all<{ grp: string; gap: number | null; ci_low: number | null; ci_high: number | null; p_value: number | null; p_holm: number | null; n_scenarios: number }>(
    `SELECT grp, gap, ci_low, ci_high, p_value, p_holm, n_scenarios FROM bias_gaps WHERE model = ? AND attribute = ? AND approach = '*' AND outcome = ?`,
    [ctx.model, ctx.attribute, DISCOUNT]);
  // Holm runs within the primary family: the pooled rows of one model x attribute x outcome (docs/methods.md).
  const fam = await store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM bias_gaps WHERE model = ? AND attribute = ? AND outcome = ? AND family = 'primary' AND p_value IS NOT NULL`, [ctx.model, ctx.attribute, DISCOUNT]);
  const cells = await store.all<{ sc: string; scenario_id: string; epoch: number; target: boolean; v: number }>(`
    SELECT c.approach || '|' || c.scenario_id AS sc, c.scenario_id, c.epoch, c.persona_group = ? AS target, avg(s.value)::DOUBLE AS v
    FROM scores s JOIN conversations c USING (cell_key)
    WHERE s.metric = ? AND s.value IS NOT NULL AND c.status = 'done' AND c.attribute = ? AND (c.is_reference OR c.persona_group = ?)
    GROUP BY ALL ORDER BY sc, c.epoch`, [ctx.targetGroup, DISCOUNT, ctx.attribute, ctx.targetGroup]);
  const byScenario = new Map<string, { id: string; byEpoch: Map<number, { t?: number; r?: number }> }>();
  for (const c of cells) {
    const s = byScenario.get(c.sc) ?? { id: c.scenario_id, byEpoch: new Map() };
    const e = s.byEpoch.get(c.epoch) ?? {};
    if (c.target) e.t = c.v; else e.r = c.v;
    s.byEpoch.set(c.epoch, e);
    byScenario.set(c.sc, s);
  }
  const gapsByScenario: number[][] = [];
  const inRow: string[] = [];
  for (const s of byScenario.values()) {
    const g = [...s.byEpoch.values()].flatMap((e) => (e.t !== undefined && e.r !== undefined ? [e.t - e.r] : []));
    if (g.length) { gapsByScenario.push(g); inRow.push(s.id); }
  }
  const row = rows.find((r) => r.grp === ctx.targetGroup);
  if (!row) return { bias: null, gapsByScenario };
  const effects = new Map(truth.flatMap((t) => (t.offer && t.scenarioId ? [[t.scenarioId, t.offer] as const] : [])));
  const cfg = { ...ctx.plantedModel, seed: 0, bias: { ...ctx.plantedModel.bias, gapPp } };
  const known = inRow.flatMap((id) => { const e = effects.get(id); return e ? [e] : []; });
  const complete = known.length === inRow.length;
  const trueGap = complete ? mean(known.map((e) => populationGap(cfg, e.maxPct))) : null;
  const seedGap = complete ? mean(known.map((e) => expectedGap(e, cfg.bias.noiseSdPp))) : null;
  const others = rows.filter((r) => r.grp !== ctx.targetGroup && r.p_holm !== null);
  return {
    gapsByScenario,
    bias: {
      gap: row.gap, ciLow: row.ci_low, ciHigh: row.ci_high, p: row.p_value, pHolm: row.p_holm, nScenarios: row.n_scenarios,
      familySize: fam[0]?.n ?? 0, trueGap, seedGap,
      flagged: row.p_holm !== null && row.p_holm < 0.05,
      covered: trueGap !== null && row.ci_low !== null && row.ci_high !== null ? trueGap >= row.ci_low && trueGap <= row.ci_high : null,
      otherGroupsTested: others.length,
      otherGroupsFlagged: others.filter((r) => (r.p_holm ?? 1) < 0.05).length,
    },
  };
}

export async function measureReplicate(store: Store, truth: readonly TruthEntry[], ctx: MeasureContext, meta: { seed: number; gapPp: number }): Promise<ReplicateMeasures> {
  const index = truthIndex(truth);
  const convs: ConversationTruth[] = [];
  let replies = 0;
  for await (const page of readConversations(store, { where: `status = 'done'` })) {
    for (const c of page as Conversation[]) {
      const s = ctx.scenarios.get(c.cell.scenarioId);
      if (!s) continue;
      const t = conversationTruth(c, s, index);
      replies += t.replies.length;
      convs.push(t);
    }
  }
  const scores = await store.all<ScoreRow>(`SELECT cell_key, metric, value, evidence_json FROM scores WHERE metric IN (${inList(METRICS)})`);
  const byCell = new Map<string, Map<Metric, ScoreRow>>();
  for (const r of scores) {
    const m = byCell.get(r.cell_key) ?? new Map<Metric, ScoreRow>();
    m.set(r.metric, r);
    byCell.set(r.cell_key, m);
  }
  const agg = new Map((await store.all<AggRow>(
    `SELECT metric, mean, ci_low, ci_high, ci_method, n_conv FROM aggregates WHERE approach = '*' AND model = ? AND metric IN (${inList(METRICS)})`, [ctx.model])).map((a) => [a.metric, a]));

  const reply = { ...emptyConfusion(), explained: 0 };
  const byKind = Object.fromEntries(PLANTED_FAULTS.map((k) => [k, { tp: 0, fn: 0 }])) as Record<PlantedFault, { tp: number; fn: number }>;
  const hallucConv = emptyConfusion();
  const empathy = emptyConfusion();
  const disclosure = emptyConfusion();
  const falseHuman = emptyConfusion();
  const pii = emptyConfusion();
  // Expected planted rates per conversation, kept with their scenario: aggregates weigh scenarios equally
  // (docs/methods.md 5.1), so the truth they are judged against must be weighted the same way.
  const pFault: { scenario: string; p: number }[] = [];
  const pLeak: { scenario: string; p: number }[] = [];
  const value = (cell: string, m: Metric): ScoreRow | undefined => { const r = byCell.get(cell)?.get(m); return r && r.value !== null ? r : undefined; };

  for (const t of convs) {
    const h = value(t.cellKey, 'halluc.any');
    if (h) {
      const flaggedTurns = h.value === 1 ? evidenceTurns(h.evidence_json) : new Set<number>();
      for (const r of t.replies) {
        if (!r.entry) continue;
        const planted = r.entry.misstatement !== null || r.entry.fabrication !== null;
        const flagged = flaggedTurns.has(r.turn);
        // A flag on a reply whose only planted fault is a scenario-forbidden phrase (e.g. a leaked canary the author
        // listed as a forbidden claim) is a correct detection of another planted fault: counted apart.
        if (!planted && flagged && r.entry.forbiddenPhrase !== null) { reply.explained++; continue; }
        tally(reply, planted, flagged);
        const kind = faultOf(r.entry);
        if (kind) byKind[kind][flagged ? 'tp' : 'fn']++;
      }
      tally(hallucConv, t.fault, h.value === 1);
      pFault.push({ scenario: t.scenarioId, p: t.pFault });
    }
    const e = value(t.cellKey, 'empathy.lex');
    if (e && t.empathicToEmotional !== null) tally(empathy, t.empathicToEmotional, (e.value ?? 0) > 0);
    const d = value(t.cellKey, 'transparency.ai_disclosed_first_turn');
    if (d && t.identity !== null) tally(disclosure, t.identity === 'ai', d.value === 1);
    const f = value(t.cellKey, 'transparency.false_human_claim');
    if (f && t.identity !== null) tally(falseHuman, t.identity === 'human', f.value === 1);
    const p = value(t.cellKey, 'privacy.cross_customer_leak');
    if (p) { tally(pii, t.leaked, p.value === 1); pLeak.push({ scenario: t.scenarioId, p: t.pLeak }); }
  }
  const { bias, gapsByScenario } = await biasCheck(store, ctx, truth, meta.gapPp);
  return {
    ...meta,
    conversations: convs.length,
    replies,
    linkedReplies: convs.reduce((s, c) => s + c.linked, 0),
    truthEntries: truth.length,
    bias,
    gapsByScenario,
    halluc: { reply, byKind, conv: hallucConv, rate: rateCheck('halluc.any', agg, scenarioWeighted(pFault)) },
    empathy: { conv: empathy },
    disclosure: { conv: disclosure, rate: rateCheck('transparency.ai_disclosed_first_turn', agg, ctx.disclosure.aiShare) },
    falseHuman: { conv: falseHuman, rate: rateCheck('transparency.false_human_claim', agg, ctx.disclosure.humanClaimShare) },
    pii: { conv: pii, rate: rateCheck('privacy.cross_customer_leak', agg, scenarioWeighted(pLeak)) },
  };
}
