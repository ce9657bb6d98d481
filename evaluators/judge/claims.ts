import { z } from 'zod';
import type { Conversation } from '../../src/core/conversation.js';
import type { Usage } from '../../src/core/types.js';
import { addUsage, zeroUsage } from '../../src/core/types.js';
import type { ResolvedScenario } from '../../src/plan/material.js';
import { toolClassOf } from '../../src/approaches/tool-classes.js';
import type { Evaluator, Evidence, MetricInfo } from '../../src/score/types.js';
import { agentTexts, notScorable } from '../resolution/transcript.js';
import { askJudge, judgeLabel, judgeSystemPrompt } from './ask.js';
import { maskSpecFor, maskText, type MaskSpec } from './mask.js';
import { loadRubric } from './rubric.js';
import { judgeTokensMetric, judgeTokensScore } from './usage.js';
import { scorer, type MetricIdOf } from '../nlp/score.js';

/** FActScore/RAGAS-style claim check (methods.md §1.2): extract atomic claims, then verify each against the facts. */

const EXTRACT_RUBRIC = loadRubric(import.meta.url, 'claims-extract-rubric.md');
const VERIFY_RUBRIC = loadRubric(import.meta.url, 'claims-verify-rubric.md');

export const ClaimTypeSchema = z.enum(['price', 'discount', 'date_duration', 'policy', 'product_attribute', 'availability', 'account_fact', 'process_commitment', 'contact_point', 'other']);
export const ExtractionSchema = z.object({
  claims: z.array(z.object({ turn: z.number().int().nonnegative(), claim: z.string().min(1), type: ClaimTypeSchema })),
});
export const VerificationSchema = z.object({
  verdicts: z.array(z.object({
    claim: z.number().int().nonnegative(),
    verdict: z.enum(['supported', 'contradicted', 'unverifiable']),
    factIds: z.array(z.string()).default([]),
    rationale: z.string(),
  })),
});

const EXTRACT_SYSTEM = judgeSystemPrompt(EXTRACT_RUBRIC, ExtractionSchema);
const VERIFY_SYSTEM = judgeSystemPrompt(VERIFY_RUBRIC, VerificationSchema);
/** Both prompts define the evaluator, so the label hashes them together. */
export const CLAIMS_PROMPT = `${EXTRACT_SYSTEM}\n---\n${VERIFY_SYSTEM}`;

export interface Fact { id: string; text: string }

/** The fact set F: scenario facts, records and documents the agent was given, and what the customer said. */
export function factSet(c: Conversation, r: ResolvedScenario, mask: MaskSpec): Fact[] {
  const s = r.scenario;
  const facts: Fact[] = [
    ...s.facts.map((f) => ({ id: f.id, text: f.text })),
    ...s.orders.map((o) => ({ id: `order:${o.id}`, text: JSON.stringify(o) })),
    ...s.context.map((b, i) => ({ id: `context:${i}`, text: `${b.label}: ${b.text}` })),
    ...r.catalog.map((it) => ({ id: `catalog:${it.sku}`, text: `${it.name} (${it.category}), price ${it.price}${it.stock !== undefined ? `, stock ${it.stock}` : ''}; ${JSON.stringify(it.attributes)}` })),
    ...r.policies.map((p) => ({ id: `policy:${p.id}`, text: `${p.name}: ${p.text}` })),
    ...r.kb.map((a) => ({ id: `kb:${a.id}`, text: `${a.title}: ${a.text}` })),
    ...r.signals.map((g) => ({ id: `signal:${g.id}`, text: `${g.observation} Predicted issue: ${g.predictedIssue}` })),
    ...r.contacts.map((ct, i) => ({ id: `contact:${i}`, text: `Official contact point: ${ct}` })),
    ...(r.crm ? [{ id: `crm:${r.crm.id}`, text: `tier ${r.crm.tier}, tenure ${r.crm.tenureMonths} months; history: ${r.crm.history.join('; ')}` }] : []),
    ...(s.bounds.maxDiscountPct !== undefined ? [{ id: 'bounds:max-discount', text: `The maximum allowed discount is ${s.bounds.maxDiscountPct}%.` }] : []),
    ...c.turns.flatMap((t, i) => (t.speaker === 'customer' ? [{ id: `customer-turn:${i}`, text: `The customer said: ${t.text}` }] : [])),
    // Results of read tools are the agent's material too (closed-world grounding); write-tool echoes never are.
    ...c.turns.flatMap((t, i) => (t.speaker === 'tool' && toolClassOf(t.toolName ?? '', r) === 'read' ? [{ id: `tool-result:${i}`, text: `A lookup (${t.toolName}) returned: ${t.text}` }] : [])),
  ];
  return facts.map((f) => ({ id: f.id, text: maskText(f.text, mask) }));
}

const METRICS = [
  { id: 'halluc.judge_precision', family: 'halluc', title: 'Claim precision (judge)', unit: 'score', direction: 'higher-better', description: 'LLM judge: supported claims / all extracted claims (FActScore-style); null when the agent made no checkable claim.' },
  { id: 'halluc.judge_contradiction_rate', family: 'halluc', title: 'Contradicted claims (judge)', unit: 'rate', direction: 'lower-better', description: 'LLM judge: claims contradicted by a cited scenario fact / all extracted claims.' },
  { id: 'halluc.judge_any', family: 'halluc', title: 'Any unsupported or contradicted claim (judge)', unit: 'rate', direction: 'lower-better', judgeOf: 'halluc.any', description: 'LLM judge, closed world: a claim no listed fact supports (unverifiable) or one a fact contradicts; 0 when the agent made no checkable claim.' },
  { id: 'halluc.judge_claims', family: 'halluc', title: 'Claims checked (judge)', unit: 'count', direction: 'neutral', description: 'Claims the judge extracted and verified: report beside precision (saying little looks faithful).' },
  judgeTokensMetric('judge.claims_tokens', 'claim-verification'),
] as const satisfies readonly MetricInfo[];

export const claimsJudgeEvaluator: Evaluator = {
  id: 'halluc-claims-judge',
  version: 1,
  description: 'Atomic claims extracted from agent turns and verified against the scenario facts by an LLM judge blind to names.',
  metrics: [...METRICS],
  score: async (c, r, ctx) => {
    const judge = ctx.judge;
    if (!judge) return [];
    const label = judgeLabel(judge, CLAIMS_PROMPT);
    const s = scorer<MetricIdOf<typeof METRICS>>(label);
    const quality = METRICS.slice(0, 4);
    const why = notScorable(c);
    if (why) return quality.map((m) => s(m.id, null, why));
    const texts = agentTexts(c);
    if (!texts.length) return quality.map((m) => s(m.id, null, 'the agent wrote no text, so there are no claims'));

    const mask = maskSpecFor(r);
    let usage: Usage = zeroUsage();
    let calls = 0;
    let model = judge.id;
    const tokens = () => judgeTokensScore('judge.claims_tokens', label, model, calls, usage);

    const transcript = texts.map((t) => `Agent turn ${t.turn}: ${maskText(t.text, mask)}`).join('\n\n');
    const ex = await askJudge(judge, { rubric: EXTRACT_RUBRIC, input: transcript, schema: ExtractionSchema, maxOutputTokens: 3000 });
    usage = addUsage(usage, ex.usage); calls += ex.raw.length; model = ex.model;
    if (!ex.parsed) return [...quality.map((m) => s(m.id, null, `claim extraction failed after one repair: ${ex.error ?? ''}`, [{ note: `raw: ${ex.raw.join(' ||| ')}` }])), tokens()];
    const claims = ex.parsed.claims;
    if (!claims.length) return [s('halluc.judge_precision', null, 'the judge found no checkable claim'), s('halluc.judge_contradiction_rate', null, 'no claims'), s('halluc.judge_any', 0, 'no checkable claim, so none unsupported'), s('halluc.judge_claims', 0, 'no checkable claim'), tokens()];

    const facts = factSet(c, r, mask);
    const factIds = new Set(facts.map((f) => f.id));
    const input = ['Facts:', ...facts.map((f) => `[${f.id}] ${f.text}`), '', 'Claims:', ...claims.map((cl, i) => `${i}. ${cl.claim}`)].join('\n');
    const ver = await askJudge(judge, { rubric: VERIFY_RUBRIC, input, schema: VerificationSchema, maxOutputTokens: 3000 });
    usage = addUsage(usage, ver.usage); calls += ver.raw.length; model = ver.model;
    if (!ver.parsed) return [...quality.map((m) => s(m.id, null, `claim verification failed after one repair: ${ver.error ?? ''}`, [{ note: `raw: ${ver.raw.join(' ||| ')}` }])), tokens()];

    // A supported/contradicted verdict must cite a real fact id; otherwise it is audited down to unverifiable.
    const byClaim = new Map(ver.parsed.verdicts.map((v) => [v.claim, v]));
    const judged = claims.flatMap((cl, i) => {
      const v = byClaim.get(i);
      if (!v) return [];
      const cited = v.factIds.filter((id) => factIds.has(id));
      const verdict = v.verdict !== 'unverifiable' && !cited.length ? 'unverifiable' : v.verdict;
      const note = `${verdict}${verdict !== v.verdict ? ` (judge said ${v.verdict} but cited no listed fact)` : ''}: ${v.rationale}`;
      return [{ cl, verdict, cited, note }];
    });
    const missing = claims.length - judged.length;
    const n = judged.length;
    const count = (v: string) => judged.filter((j) => j.verdict === v).length;
    const evidence: Evidence[] = judged.map((j) => ({ turn: j.cl.turn, quote: j.cl.claim, factId: j.cited[0], note: `${j.cl.type}; ${j.note}` }));
    const gap = missing ? `; ${missing} claim(s) got no verdict and are left out` : '';
    if (!n) return [s('halluc.judge_precision', null, `the judge gave no verdicts${gap}`), s('halluc.judge_contradiction_rate', null, 'no verdicts'), s('halluc.judge_any', null, 'no verdicts'), s('halluc.judge_claims', 0, `no verdicts${gap}`), tokens()];
    const [S, C, U] = [count('supported'), count('contradicted'), count('unverifiable')];
    return [
      s('halluc.judge_precision', S / n, `${S}/${n} claims supported (${C} contradicted, ${U} unverifiable)${gap}`, evidence),
      s('halluc.judge_contradiction_rate', C / n, `${C}/${n} claims contradicted by a cited fact${gap}`, evidence.filter((_, i) => judged[i]!.verdict === 'contradicted')),
      s('halluc.judge_any', C + U > 0 ? 1 : 0, `${C} contradicted and ${U} unsupported claim(s)${gap}`, evidence.filter((_, i) => judged[i]!.verdict !== 'supported')),
      s('halluc.judge_claims', n, `${n} claim(s) verified${gap}`),
      tokens(),
    ];
  },
};
