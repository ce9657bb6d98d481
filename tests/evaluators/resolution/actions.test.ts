import { describe, expect, it } from 'vitest';
import { resolutionEvaluator } from '../../../evaluators/resolution/resolution.js';
import type { Score } from '../../../src/score/types.js';
import { agent, call, conversation, customer } from './fixtures.js';
import { CANCEL, EXCHANGE, result, retail } from './own-tools.js';

const byId = (scores: Score[]) => Object.fromEntries(scores.map((s) => [s.metric, s]));
const score = async (...args: Parameters<typeof resolutionEvaluator.score>) => byId(await resolutionEvaluator.score(...args));

const bothWrites = retail({ endState: { kind: 'actions', writes: [{ tool: 'exchange_delivered_order_items', args: EXCHANGE }, { tool: 'cancel_pending_order', args: CANCEL }] } });

/** A transcript doing the given writes (in this order), each answered by a successful tool result. */
function doing(...writes: [string, Record<string, unknown>][]) {
  const lookup = call('get_order_details', { order_id: '#W2378156' });
  const turns = [customer('I want to cancel one order and exchange two items of another.'), agent('', lookup), result(lookup, '{"status":"pending"}')];
  for (const [name, args] of writes) {
    const c = call(name, args);
    turns.push(agent('', c), result(c, '{"status":"done"}'));
  }
  turns.push(agent('All done. Anything else?'));
  return conversation(turns);
}

describe('resolution from tool classes with a transcript\'s own tools (actions end state)', () => {
  it('resolves when every expected write is done with matching arguments, in any order and with number-like strings', async () => {
    const s = await score(doing(['cancel_pending_order', CANCEL], ['exchange_delivered_order_items', { ...EXCHANGE, item_ids: ['4947717507', '6777246137'] }]), bothWrites, {});
    expect(s['resolution.end_state']!.value).toBe(1);
    expect(s['resolution.resolved']!.value).toBe(1);
    expect(s['resolution.resolved']!.explanation).toMatch(/all 2 expected write\(s\) done/);
    expect(s['resolution.resolved']!.explanation).toMatch(/no required info listed/);
    expect(s['resolution.escalated']!.value).toBe(0);
  });

  it('is not resolved when an expected write is missing, and names it', async () => {
    const s = await score(doing(['cancel_pending_order', CANCEL]), bothWrites, {});
    expect(s['resolution.resolved']!.value).toBe(0);
    expect(s['resolution.end_state']!.explanation).toMatch(/1 of 2 expected write\(s\) not done \(exchange_delivered_order_items/);
  });

  it('is not resolved when an unexpected write happened, even with every expected one done', async () => {
    const s = await score(doing(['cancel_pending_order', CANCEL], ['exchange_delivered_order_items', EXCHANGE], ['modify_pending_order_address', { order_id: '#W1', city: 'Austin' }]), bothWrites, {});
    expect(s['resolution.resolved']!.value).toBe(0);
    expect(s['resolution.end_state']!.explanation).toMatch(/1 unexpected write\(s\) \(modify_pending_order_address\)/);
    expect(s['resolution.end_state']!.evidence.some((e) => e.note?.startsWith('unexpected write'))).toBe(true);
  });

  it('a second identical write is unexpected: each expectation pairs with one call', async () => {
    const once = retail({ endState: { kind: 'actions', writes: [{ tool: 'cancel_pending_order', args: CANCEL }] } });
    expect((await score(doing(['cancel_pending_order', CANCEL], ['cancel_pending_order', CANCEL]), once, {}))['resolution.resolved']!.value).toBe(0);
    expect((await score(doing(['cancel_pending_order', CANCEL]), once, {}))['resolution.resolved']!.value).toBe(1);
  });

  it('is not resolved with wrong arguments: another reason, or one item more or fewer in an exchange', async () => {
    const wrongReason = await score(doing(['cancel_pending_order', { ...CANCEL, reason: 'ordered by mistake' }], ['exchange_delivered_order_items', EXCHANGE]), bothWrites, {});
    expect(wrongReason['resolution.resolved']!.value).toBe(0);
    expect(wrongReason['resolution.end_state']!.explanation).toMatch(/not done/);
    expect(wrongReason['resolution.end_state']!.explanation).toMatch(/unexpected write/);
    const extraItem = { ...EXCHANGE, item_ids: [...EXCHANGE.item_ids, '1111111111'] };
    expect((await score(doing(['cancel_pending_order', CANCEL], ['exchange_delivered_order_items', extraItem]), bothWrites, {}))['resolution.resolved']!.value).toBe(0);
    const fewer = { ...EXCHANGE, item_ids: [EXCHANGE.item_ids[0]] };
    expect((await score(doing(['cancel_pending_order', CANCEL], ['exchange_delivered_order_items', fewer]), bothWrites, {}))['resolution.resolved']!.value).toBe(0);
  });

  it('a write the tool refused (error result) is neither done nor unexpected', async () => {
    const once = retail({ endState: { kind: 'actions', writes: [{ tool: 'cancel_pending_order', args: CANCEL }] } });
    const bad = call('cancel_pending_order', { ...CANCEL, reason: 'changed my mind' });
    const good = call('cancel_pending_order', CANCEL);
    const c = conversation([customer('cancel please'), agent('', bad), result(bad, 'Error: invalid reason'), agent('', good), result(good, '{"status":"cancelled"}'), agent('Cancelled.')]);
    const s = await score(c, once, {});
    expect(s['resolution.resolved']!.value).toBe(1);
    expect(s['resolution.end_state']!.evidence.some((e) => e.note?.includes('answered with an error'))).toBe(true);
    const onlyBad = conversation([customer('cancel please'), agent('', bad), result(bad, 'Error: invalid reason'), agent('I could not cancel it.')]);
    expect((await score(onlyBad, once, {}))['resolution.resolved']!.value).toBe(0);
  });

  it('no expected write and none made resolves; a read-only conversation is not a write', async () => {
    const none = retail({ endState: { kind: 'actions', writes: [] } });
    expect((await score(doing(), none, {}))['resolution.resolved']!.value).toBe(1);
    expect((await score(doing(['cancel_pending_order', CANCEL]), none, {}))['resolution.resolved']!.value).toBe(0);
  });

  it('sees escalation through the transcript\'s own transfer tool and judges it against shouldEscalate', async () => {
    const transfer = call('transfer_to_human_agents', { summary: 'customer wants a refund to a closed card' });
    const c = conversation([customer('refund to my old card'), agent('', transfer), result(transfer, 'Transfer successful'), agent('YOU ARE BEING TRANSFERRED TO A HUMAN AGENT. PLEASE HOLD ON.')]);
    const wanted = await score(c, retail({ endState: { kind: 'actions', writes: [] }, shouldEscalate: true }), {});
    expect(wanted['resolution.escalated']!.value).toBe(1);
    expect(wanted['resolution.escalated']!.explanation).toMatch(/transfer_to_human_agents/);
    expect(wanted['resolution.escalation_correct']!.value).toBe(1);
    expect(wanted['resolution.resolved']!.value).toBe(1);
    const unwanted = await score(c, retail({ endState: { kind: 'actions', writes: [] }, shouldEscalate: false }), {});
    expect(unwanted['resolution.escalation_correct']!.value).toBe(0);
    expect(unwanted['resolution.resolved']!.value).toBe(0);
    expect(unwanted['resolution.resolved']!.explanation).toMatch(/escalated although/);
    const missed = await score(doing(), retail({ endState: { kind: 'actions', writes: [] }, shouldEscalate: true }), {});
    expect(missed['resolution.resolved']!.explanation).toMatch(/not escalated although/);
  });

  it('the legacy escalate kind also reads the class, not the name', async () => {
    const transfer = call('transfer_to_human_agents', { summary: 'fraud' });
    const c = conversation([customer('fraud'), agent('', transfer)]);
    const s = await score(c, retail({ endState: { kind: 'escalate' }, shouldEscalate: true }), {});
    expect(s['resolution.end_state']!.value).toBe(1);
    expect(s['resolution.resolved']!.value).toBe(1);
  });

  it('an unknown tool is reported, never counted as a write or an escalation', async () => {
    const once = retail({ endState: { kind: 'actions', writes: [{ tool: 'cancel_pending_order', args: CANCEL }] } });
    const s = await score(doing(['cancel_pending_order', CANCEL], ['issue_store_credit', { amount: 20 }], ['page_supervisor', {}]), once, {});
    expect(s['resolution.resolved']!.value).toBe(1);
    expect(s['resolution.escalated']!.value).toBe(0);
    expect(s['resolution.resolved']!.explanation).toMatch(/2 tool\(s\) with no class \(issue_store_credit, page_supervisor\)/);
    expect(s['resolution.resolved']!.evidence.filter((e) => e.note?.includes('has no class'))).toHaveLength(2);
  });

  it('without a class map the same transcript\'s tools are all unknown: no write, no escalation', async () => {
    const transfer = call('transfer_to_human_agents', {});
    const s = await score(conversation([customer('x'), agent('', transfer)]), retail({ endState: { kind: 'actions', writes: [] } }, {}), {});
    expect(s['resolution.escalated']!.value).toBe(0);
    expect(s['resolution.escalated']!.explanation).toMatch(/no class/);
  });

  it('a scenario with no expected end state is not scorable, never resolved', async () => {
    const s = await score(doing(['cancel_pending_order', CANCEL]), retail({}), {});
    expect(s['resolution.resolved']!.value).toBeNull();
    expect(s['resolution.resolved']!.explanation).toMatch(/not scorable: no expected end state/);
    expect(s['resolution.end_state']!.value).toBeNull();
    expect(s['resolution.escalation_correct']!.value).toBe(1);
  });
});
