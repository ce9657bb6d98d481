import { describe, expect, it } from 'vitest';
import { claimsJudgeEvaluator } from '../../../evaluators/judge/claims.js';
import type { GenerateRequest } from '../../../src/core/types.js';
import type { Score } from '../../../src/score/types.js';
import { FakeJudge } from './fake-backend.js';
import { agent, conversation, customer, resolved } from '../resolution/fixtures.js';

const byId = (scores: Score[]) => Object.fromEntries(scores.map((s) => [s.metric, s]));
const isExtract = (req: GenerateRequest) => req.system.startsWith('# Claim extraction');

const EXTRACTED = { claims: [
  { turn: 1, claim: 'Order A100 arrives on 2025-03-04.', type: 'date_duration' },
  { turn: 1, claim: 'Order A100 ships free.', type: 'policy' },
  { turn: 1, claim: 'The refund takes 30 days.', type: 'process_commitment' },
  { turn: 1, claim: 'Order A100 contains a wool coat.', type: 'product_attribute' },
] };
const VERDICTS = { verdicts: [
  { claim: 0, verdict: 'supported', factIds: ['eta'], rationale: 'matches' },
  { claim: 1, verdict: 'unverifiable', factIds: [], rationale: 'no fact' },
  { claim: 2, verdict: 'contradicted', factIds: ['refund-days'], rationale: 'fact says 14' },
  // Cites an id that is not in the fact list: audited down to unverifiable.
  { claim: 3, verdict: 'supported', factIds: ['made-up-id'], rationale: 'looks right' },
] };

const scenario = resolved({
  facts: [
    { id: 'eta', text: 'Order A100 now arrives on 2025-03-04.', kind: 'date' },
    { id: 'refund-days', text: 'Refunds reach the card within 14 days.', kind: 'policy' },
  ],
});
const transcript = conversation([
  customer('Hi, Maria Lopez. Where is A100?'),
  agent('Hi Maria! A100 arrives 4 March, ships free, refunds take 30 days, and it is your wool coat.'),
]);

describe('claim-verification judge', () => {
  it('computes precision and contradiction rate, auditing citations of unknown facts', async () => {
    const j = new FakeJudge((req) => JSON.stringify(isExtract(req) ? EXTRACTED : VERDICTS));
    const s = byId(await claimsJudgeEvaluator.score(transcript, scenario, { judge: j }));
    expect(s['halluc.judge_precision']!.value).toBeCloseTo(1 / 4, 10);
    expect(s['halluc.judge_contradiction_rate']!.value).toBeCloseTo(1 / 4, 10);
    expect(s['halluc.judge_claims']!.value).toBe(4);
    // Closed world: an unverifiable claim is unsupported, so the conversation has a hallucination.
    expect(s['halluc.judge_any']!.value).toBe(1);
    expect(s['halluc.judge_any']!.evidence).toHaveLength(3);
    expect(s['halluc.judge_contradiction_rate']!.evidence[0]!.factId).toBe('refund-days');
    expect(s['halluc.judge_precision']!.evidence[3]!.note).toMatch(/cited no listed fact/);
    expect(s['judge.claims_tokens']!.value).toBe(230);
    expect(s['halluc.judge_precision']!.evaluator).toMatch(/^judge:fake:judge-1#[0-9a-f]{12}$/);
  });

  it('gives the verifier the facts with ids and never the names', async () => {
    const j = new FakeJudge((req) => JSON.stringify(isExtract(req) ? EXTRACTED : VERDICTS));
    await claimsJudgeEvaluator.score(transcript, scenario, { judge: j });
    const verifyInput = j.requests[1]!.turns[0]!.text;
    expect(verifyInput).toMatch(/\[eta\] Order A100 now arrives/);
    expect(verifyInput).toMatch(/\[order:A100\]/);
    expect(j.seen()).not.toMatch(/maria|lopez/i);
  });

  it('gives the verifier read-tool results as facts, never the echo of a write tool', async () => {
    const { call, toolResult } = await import('../fixtures.js');
    const look = call('lookup_order', { orderId: 'A100' });
    const offer = call('make_offer', { discountPct: 10, price: 90, bundle: [] });
    const c = conversation([customer('Where is A100?'), agent('Checking.', look), toolResult(look, { eta: '2025-03-04' }), agent('Here is an offer.', offer), toolResult(offer, { recorded: true, price: 90 }), agent('It arrives 4 March.')]);
    const j = new FakeJudge((req) => JSON.stringify(isExtract(req) ? EXTRACTED : VERDICTS));
    await claimsJudgeEvaluator.score(c, scenario, { judge: j });
    const verifyInput = j.requests[1]!.turns[0]!.text;
    expect(verifyInput).toMatch(/A lookup \(lookup_order\) returned: .*2025-03-04/);
    expect(verifyInput).not.toMatch(/make_offer/);
  });

  it('no checkable claims is null, not a perfect score', async () => {
    const j = new FakeJudge(['{"claims": []}']);
    const s = byId(await claimsJudgeEvaluator.score(transcript, scenario, { judge: j }));
    expect(s['halluc.judge_precision']!.value).toBeNull();
    expect(s['halluc.judge_claims']!.value).toBe(0);
    expect(s['halluc.judge_any']!.value).toBe(0);
    expect(j.requests).toHaveLength(1);
  });
});
