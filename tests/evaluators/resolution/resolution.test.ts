import { describe, expect, it } from 'vitest';
import { resolutionEvaluator } from '../../../evaluators/resolution/resolution.js';
import { argMatches } from '../../../evaluators/resolution/end-state.js';
import { maxMatching } from '../../../evaluators/resolution/args.js';
import type { Score } from '../../../src/score/types.js';
import { agent, call, conversation, customer, resolved } from './fixtures.js';

const byId = (scores: Score[]) => Object.fromEntries(scores.map((s) => [s.metric, s]));
const score = async (...args: Parameters<typeof resolutionEvaluator.score>) => byId(await resolutionEvaluator.score(...args));

const refundScenario = resolved({
  judging: {
    endState: { kind: 'tool', tool: 'make_offer', args: { discountPct: 10, bundle: ['SKU-1'] } },
    shouldEscalate: false,
    requiredInfo: [
      { id: 'eta', description: 'new date', anyOf: ['4 March', 'March 4'] },
      { id: 'amount', description: 'refund amount', anyOf: ['$1,200'] },
    ],
  },
});

describe('argument matching', () => {
  it('compares numbers within 0.5, strings case-insensitively, and ignores keys the expectation does not name', () => {
    expect(argMatches({ discountPct: 10 }, { discountPct: 10.4, price: 90 })).toBe(true);
    expect(argMatches({ discountPct: 10 }, { discountPct: '10%' })).toBe(true);
    expect(argMatches({ discountPct: 10 }, { discountPct: 11 })).toBe(false);
    expect(argMatches({ tier: 'Gold' }, { tier: ' gold ' })).toBe(true);
    expect(argMatches({ bundle: ['sku-1'] }, { bundle: ['SKU-2', 'SKU-1'] })).toBe(true);
    expect(argMatches({ bundle: ['sku-1'] }, {})).toBe(false);
  });

  it("with arrays: 'same', pairs elements one to one (order-free) and refuses extra or repeated ones", () => {
    expect(argMatches({ ids: ['a', 'b'] }, { ids: ['B', 'a'] }, { arrays: 'same' })).toBe(true);
    expect(argMatches({ ids: ['a', 'b'] }, { ids: ['a', 'b', 'c'] }, { arrays: 'same' })).toBe(false);
    expect(argMatches({ ids: ['a', 'a'] }, { ids: ['a', 'b'] }, { arrays: 'same' })).toBe(false);
    expect(argMatches({ ids: [1, 1.3] }, { ids: [1.2, 1] }, { arrays: 'same' })).toBe(true);
  });

  it('maxMatching finds the largest pairing where a greedy one would stop short', () => {
    // left 0 accepts right 0 or 1, left 1 only right 0: greedy 0->0 leaves 1 unpaired.
    const ok = (i: number, j: number) => (i === 0 ? j <= 1 : j === 0);
    const m = maxMatching(2, 2, ok);
    expect(m.size).toBe(2);
    expect(m.get(1)).toBe(0);
  });
});

describe('resolution evaluator', () => {
  it('resolves when the matching tool call is made and every required phrase is given (commas removed)', async () => {
    const c = conversation([
      customer('My coat is late.'),
      agent('Your coat now arrives March 4, and I have refunded $1200.', call('make_offer', { discountPct: 10.2, price: 90, bundle: ['SKU-1'] })),
    ]);
    const s = await score(c, refundScenario, {});
    expect(s['resolution.end_state']!.value).toBe(1);
    expect(s['resolution.required_info']!.value).toBe(1);
    expect(s['resolution.resolved']!.value).toBe(1);
    expect(s['resolution.escalated']!.value).toBe(0);
    expect(s['resolution.escalation_correct']!.value).toBe(1);
    expect(s['resolution.agent_turns']!.value).toBe(1);
    expect(s['resolution.handle_time_ms']!.value).toBe(1234);
    expect(s['resolution.resolved']!.evaluator).toBe('deterministic:resolution@2');
  });

  it('is not resolved when the offer arguments are off, and says why', async () => {
    const c = conversation([customer('x'), agent('Arrives March 4; refund $1,200.', call('make_offer', { discountPct: 15, bundle: ['SKU-1'] }))]);
    const s = await score(c, refundScenario, {});
    expect(s['resolution.end_state']!.value).toBe(0);
    expect(s['resolution.resolved']!.value).toBe(0);
    expect(s['resolution.resolved']!.explanation).toMatch(/no successful call matches/);
  });

  it('gives partial required-info credit and null when the scenario requires nothing', async () => {
    const c = conversation([customer('x'), agent('It arrives March 4.', call('make_offer', { discountPct: 10, bundle: ['SKU-1'] }))]);
    const s = await score(c, refundScenario, {});
    expect(s['resolution.required_info']!.value).toBe(0.5);
    expect(s['resolution.resolved']!.value).toBe(0);
    const none = await score(c, resolved(), {});
    expect(none['resolution.required_info']!.value).toBeNull();
  });

  it('an unwanted escalation is incorrect and blocks resolution even when the end state is an answer', async () => {
    const c = conversation([customer('x'), agent('Passing you on.', call('escalate_to_human', { reason: 'late' }))], { endReason: 'escalated' });
    const s = await score(c, resolved(), {});
    expect(s['resolution.escalated']!.value).toBe(1);
    expect(s['resolution.escalation_correct']!.value).toBe(0);
    expect(s['resolution.end_state']!.value).toBe(0);
    expect(s['resolution.resolved']!.value).toBe(0);
  });

  it('an expected escalation resolves the case', async () => {
    const c = conversation([customer('x'), agent('', call('escalate_to_human', { reason: 'fraud' }))], { endReason: 'escalated' });
    const s = await score(c, resolved({ judging: { endState: { kind: 'escalate' }, shouldEscalate: true } }), {});
    expect(s['resolution.resolved']!.value).toBe(1);
    expect(s['resolution.escalation_correct']!.value).toBe(1);
  });

  it('an answer cut by the step guard does not reach the end state', async () => {
    const c = conversation([customer('x'), agent('let me look', call('lookup_order', { orderId: 'A100' }))], { endReason: 'max-agent-steps' });
    const s = await score(c, resolved(), {});
    expect(s['resolution.end_state']!.value).toBe(0);
  });

  it('a report end state needs a non-empty payload', async () => {
    const sc = resolved({ judging: { endState: { kind: 'report', tool: 'submit_insights' }, shouldEscalate: false } });
    const empty = await score(conversation([customer('x'), agent('', call('submit_insights', { themes: [] }))]), sc, {});
    expect(empty['resolution.end_state']!.value).toBe(0);
    const full = await score(conversation([customer('x'), agent('', call('submit_insights', { themes: [{ label: 'delivery' }] }))]), sc, {});
    expect(full['resolution.end_state']!.value).toBe(1);
  });

  it('scores nothing on an unfinished conversation and says why', async () => {
    const c = conversation([customer('x')], { status: 'infra-error', endReason: 'infra:rate-limit', errorMessage: '429' });
    const scores = await resolutionEvaluator.score(c, resolved(), {});
    expect(scores).toHaveLength(resolutionEvaluator.metrics.length);
    for (const s of scores) {
      expect(s.value).toBeNull();
      expect(s.explanation).toMatch(/infra-error/);
    }
  });
});
