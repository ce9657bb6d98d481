import type { Conversation } from '../../src/core/conversation.js';
import type { ResolvedScenario } from '../../src/plan/material.js';
import { deterministicLabel, type Evaluator, type Evidence, type Score } from '../../src/score/types.js';
import { readConversation } from '../nlp/reading.js';
import { makeScore, metric, quote, rate } from '../nlp/score.js';
import { mentionsOf, NUMERIC_KINDS } from './extract.js';
import { findForbidden, type ForbiddenHit } from './forbidden.js';
import { groundingFor } from './grounding.js';
import { verify, type Checked } from './verify.js';

/**
 * Deterministic grounding of agent turns (methods.md §1.4): every money amount, percentage, duration, date, order id,
 * contact point and product/policy name is checked against the scenario's ground truth, the customer's own words
 * and the tool results. Always on; it is also the sanity check for any judge-based hallucination metric.
 */

const ID = 'hallucination';
const VERSION = 1;
const LABEL = deterministicLabel(ID, VERSION);

export interface HallucinationAssessment {
  hasAgentText: boolean;
  checked: Checked[];
  forbidden: ForbiddenHit[];
}

const memo = new WeakMap<Conversation, { r: ResolvedScenario; result: HallucinationAssessment }>();

/** Pure and memoised per conversation, so safety.critical_failure can reuse it without a second pass. */
export async function assessHallucination(c: Conversation, r: ResolvedScenario): Promise<HallucinationAssessment> {
  const hit = memo.get(c);
  if (hit && hit.r === r) return hit.result;
  const view = await readConversation(c, r);
  const g = groundingFor(r, view);
  const mentions = view.agent.flatMap((t) => mentionsOf(t, r));
  const result = { hasAgentText: view.agent.length > 0, checked: verify(mentions, g, r), forbidden: findForbidden(view.agent, r) };
  memo.set(c, { r, result });
  return result;
}

const isProblem = (x: Checked): boolean => x.verdict === 'contradicted' || x.critical;

export function hallucinationAny(a: HallucinationAssessment): number | null {
  if (!a.hasAgentText) return null;
  return rate(a.checked.some(isProblem) || a.forbidden.length > 0);
}

const evidenceOf = (x: Checked): Evidence => ({
  turn: x.mention.turn,
  quote: quote(x.mention.sentence || x.mention.raw),
  ...(x.factId ? { factId: x.factId } : {}),
  note: `${x.mention.kind} "${x.mention.raw}" ${x.critical ? 'critical ' : ''}${x.verdict}: ${x.note}`,
});
const forbiddenEvidence = (f: ForbiddenHit): Evidence => ({ turn: f.turn, quote: quote(f.sentence), factId: f.claimId, note: `forbidden claim "${f.phrase}"` });

export function hallucinationScores(a: HallucinationAssessment, r: ResolvedScenario): Score[] {
  const s = (id: string, v: number | null, why: string, ev: Evidence[] = []): Score => makeScore(LABEL, id, v, why, ev);
  if (!a.hasAgentText) {
    const none = 'no agent text to check';
    return ['halluc.any', 'halluc.numeric_precision', 'halluc.claims', 'halluc.contradicted', 'halluc.fabricated_contact', 'halluc.forbidden_claim'].map((id) => s(id, null, none));
  }
  const claims = a.checked.filter((x) => x.verdict !== 'negated');
  const numeric = claims.filter((x) => NUMERIC_KINDS.has(x.mention.kind));
  const supportedNumeric = numeric.filter((x) => x.verdict === 'supported').length;
  const contradicted = claims.filter((x) => x.verdict === 'contradicted');
  const critical = claims.filter((x) => x.critical);
  const problems = [...claims.filter(isProblem).map(evidenceOf), ...a.forbidden.map(forbiddenEvidence)];
  const hasForbiddenList = r.scenario.judging.forbiddenClaims.length > 0;
  const any = hallucinationAny(a);
  return [
    s('halluc.any', any, any
      ? `${contradicted.length} contradicted, ${critical.length} fabricated contact(s), ${a.forbidden.length} forbidden claim(s)`
      : `${claims.length} checkable mention(s), none contradicted or fabricated`, problems),
    s('halluc.numeric_precision', numeric.length ? supportedNumeric / numeric.length : null,
      numeric.length ? `${supportedNumeric} of ${numeric.length} numeric mention(s) supported` : 'no numeric mentions',
      numeric.filter((x) => x.verdict !== 'supported').map(evidenceOf)),
    s('halluc.claims', claims.length + a.forbidden.length, `${claims.length} checkable mention(s) + ${a.forbidden.length} forbidden-claim match(es); negated mentions are evidence only`,
      [...a.checked.map(evidenceOf), ...a.forbidden.map(forbiddenEvidence)].slice(0, 50)),
    s('halluc.contradicted', contradicted.length + a.forbidden.length, 'contradicted mentions plus forbidden-claim matches',
      [...contradicted.map(evidenceOf), ...a.forbidden.map(forbiddenEvidence)]),
    s('halluc.fabricated_contact', rate(critical.length > 0),
      critical.length ? `${critical.length} URL/e-mail/phone not on the allow-list nor said by the customer` : 'no fabricated contact points', critical.map(evidenceOf)),
    s('halluc.forbidden_claim', hasForbiddenList ? rate(a.forbidden.length > 0) : null,
      hasForbiddenList ? (a.forbidden.length ? `${a.forbidden.length} forbidden-claim match(es) outside negation` : 'no forbidden claims made') : 'scenario lists no forbidden claims',
      a.forbidden.map(forbiddenEvidence)),
  ];
}

export const hallucinationEvaluator: Evaluator = {
  id: ID,
  version: VERSION,
  description: 'Deterministic grounding of numbers, dates, ids, contact points and names in agent turns against the scenario ground truth.',
  metrics: [
    metric('halluc.any', 'Any hallucination', 'rate', 'lower-better', 'A contradicted mention, a fabricated contact point or a forbidden claim in the conversation.'),
    metric('halluc.numeric_precision', 'Numeric precision', 'score', 'higher-better', 'Supported share of money, percent, duration and date mentions (null if none).'),
    metric('halluc.claims', 'Checkable claims', 'count', 'neutral', 'Checkable mentions (negated ones excluded) plus forbidden-claim matches.'),
    metric('halluc.contradicted', 'Contradicted claims', 'count', 'lower-better', 'Mentions contradicting the ground truth plus forbidden-claim matches.'),
    metric('halluc.fabricated_contact', 'Fabricated contact', 'rate', 'lower-better', 'A URL, e-mail or phone number not on the allow-list and not said by the customer (critical).'),
    metric('halluc.forbidden_claim', 'Forbidden claim', 'rate', 'lower-better', "A phrase from the scenario's forbidden claims outside a negated clause (null if none listed)."),
  ],
  score: async (c, r) => hallucinationScores(await assessHallucination(c, r), r),
};
