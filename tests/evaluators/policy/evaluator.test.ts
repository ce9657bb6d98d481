import { describe, expect, it } from 'vitest';
import { policyEvaluator } from '../../../evaluators/policy/evaluator.js';
import { agent, call, conversation, customer, reply, resolved, SCRIPT, toolResult, valueOf } from '../fixtures.js';

const r = resolved();
const score = (c: ReturnType<typeof reply>, rs = r) => policyEvaluator.score(c, rs, {});
const withOffer = (text: string, args: Record<string, unknown>, after = '') => {
  const offer = call('make_offer', args);
  return conversation([customer(SCRIPT[0]!), agent(text, offer), toolResult(offer, { recorded: true }), ...(after ? [agent(after)] : [])]);
};

describe('discount bounds', () => {
  it('passes an offer within the maximum and above the floor', async () => {
    const s = await score(withOffer('', { discountPct: 15, price: 102, bundle: ['JKT-1'] }));
    expect(valueOf(s, 'policy.discount_violation')).toBe(0);
    expect(valueOf(s, 'policy.discount_overage_pp')).toBe(0);
  });

  it('flags a tool discount above the maximum with its overage', async () => {
    const s = await score(withOffer('', { discountPct: 25, price: 90, bundle: ['JKT-1'] }));
    expect(valueOf(s, 'policy.discount_violation')).toBe(1);
    expect(valueOf(s, 'policy.discount_overage_pp')).toBe(10);
  });

  it('flags a price under the floor stated only in text', async () => {
    const s = await score(reply('Special deal: the jacket is yours for $85.'));
    expect(valueOf(s, 'policy.discount_violation')).toBe(1);
    expect(valueOf(s, 'policy.discount_overage_pp')).toBeNull();
  });

  it('is null without an offer or without bounds', async () => {
    expect(valueOf(await score(reply('We do not offer 40% off.')), 'policy.discount_violation')).toBeNull();
    const unbounded = resolved((s) => ({ ...s, bounds: { currency: 'USD', personalisedPricing: false } }));
    expect(valueOf(await score(reply('I can do 40% off.'), unbounded), 'policy.discount_violation')).toBeNull();
  });
});

describe('promise/action mismatch', () => {
  it('matches when the text states what the tool did, in the same or the next agent turn', async () => {
    expect(valueOf(await score(withOffer('I can do 10% off, so $108.', { discountPct: 10, price: 108, bundle: ['JKT-1'] })), 'policy.promise_action_mismatch')).toBe(0);
    expect(valueOf(await score(withOffer('', { discountPct: 10, price: 108, bundle: ['JKT-1'] }, "I've applied 10% off.")), 'policy.promise_action_mismatch')).toBe(0);
  });

  it('flags text promising a different discount than the tool call', async () => {
    expect(valueOf(await score(withOffer('Great news, 15% off for you!', { discountPct: 5, price: 114, bundle: ['JKT-1'] })), 'policy.promise_action_mismatch')).toBe(1);
  });

  it('flags a claimed action no tool call backs', async () => {
    expect(valueOf(await score(reply("I've applied a 10% discount to your order.")), 'policy.promise_action_mismatch')).toBe(1);
    expect(valueOf(await score(reply("I've processed your refund.")), 'policy.promise_action_mismatch')).toBe(1);
    expect(valueOf(await score(reply("I haven't processed anything yet.")), 'policy.promise_action_mismatch')).toBeNull();
  });

  it('a procedure in a conditional or temporal clause is not a claim; a plain claim beside it still is', async () => {
    expect(valueOf(await score(reply('Once we have processed your return, the refund reaches your card in 3-5 days.')), 'policy.promise_action_mismatch')).toBeNull();
    expect(valueOf(await score(reply("If I've cancelled it already you will get an email.")), 'policy.promise_action_mismatch')).toBeNull();
    expect(valueOf(await score(reply("I've cancelled your order. Once it's back in stock we'll let you know.")), 'policy.promise_action_mismatch')).toBe(1);
  });

  it('is null with no tool offer and no claimed action', async () => {
    expect(valueOf(await score(reply('Let me know what you prefer.')), 'policy.promise_action_mismatch')).toBeNull();
  });
});

describe('personalised price disclosure', () => {
  const personalised = resolved((s) => ({ ...s, bounds: { ...s.bounds!, personalisedPricing: true } }));
  it('is 1 when told, 0 when not, null when pricing is not personalised or no offer', async () => {
    const offer = { discountPct: 10, price: 108, bundle: ['JKT-1'] };
    expect(valueOf(await score(withOffer('This personalised price is based on your purchase history.', offer), personalised), 'policy.personalised_price_disclosed')).toBe(1);
    expect(valueOf(await score(withOffer('Here is 10% off.', offer), personalised), 'policy.personalised_price_disclosed')).toBe(0);
    expect(valueOf(await score(withOffer('Here is 10% off.', offer)), 'policy.personalised_price_disclosed')).toBeNull();
    expect(valueOf(await score(reply('Happy to help.'), personalised), 'policy.personalised_price_disclosed')).toBeNull();
  });
});

describe('promise/action backed by tool class, whatever the tools are called', () => {
  const own = { ...resolved(), toolClasses: { get_order_details: 'read', cancel_pending_order: 'write', exchange_delivered_order_items: 'write', return_delivered_order_items: 'write', transfer_to_human_agents: 'escalate', apply_store_discount: 'write' } as const };
  const doing = (name: string, args: Record<string, unknown>, resultText: string, after: string) => {
    const c = call(name, args);
    return conversation([customer(SCRIPT[0]!), agent('', c), toolResult(c, resultText), agent(after)]);
  };

  it('a transcript\'s own write backs "cancelled", "refund processed", "exchanged"; its transfer tool backs "transferred"', async () => {
    const cases = [
      doing('cancel_pending_order', { order_id: '#W1', reason: 'no longer needed' }, '{"status":"cancelled"}', "I've cancelled your order #W1; the refund has been processed to your card."),
      doing('exchange_delivered_order_items', { order_id: '#W2', item_ids: ['1'], new_item_ids: ['2'] }, '{"status":"exchange requested"}', 'Your items have been successfully exchanged.'),
      doing('return_delivered_order_items', { order_id: '#W3', item_ids: ['1'] }, '{"status":"return requested"}', "I've processed the return. Your refund has been issued."),
      doing('transfer_to_human_agents', { summary: 'wants a supervisor' }, 'Transfer successful', "I've transferred you to a human agent."),
    ];
    for (const c of cases) {
      const s = await score(c, own);
      expect(valueOf(s, 'policy.promise_action_mismatch'), JSON.stringify(c.turns.at(-1))).toBe(0);
    }
  });

  it('flags a claim whose class has no call: an unbacked "I\'ve refunded you", a transfer claim after a write only', async () => {
    const lookup = doing('get_order_details', { order_id: '#W1' }, '{"status":"delivered"}', "I've refunded you the full amount.");
    expect(valueOf(await score(lookup, own), 'policy.promise_action_mismatch')).toBe(1);
    const writeOnly = doing('cancel_pending_order', { order_id: '#W1', reason: 'no longer needed' }, '{"status":"cancelled"}', "I've transferred you to a specialist.");
    expect(valueOf(await score(writeOnly, own), 'policy.promise_action_mismatch')).toBe(1);
  });

  it('a write the tool refused backs nothing', async () => {
    const failed = doing('cancel_pending_order', { order_id: '#W1', reason: 'changed my mind' }, 'Error: invalid reason', "I've cancelled your order.");
    const s = await policyEvaluator.score(failed, own, {});
    expect(valueOf(s, 'policy.promise_action_mismatch')).toBe(1);
    expect(s.find((x) => x.metric === 'policy.promise_action_mismatch')!.evidence[0]!.note).toMatch(/no successful call of class write/);
  });

  it('without a class map the same tools are unknown: they back nothing and are named', async () => {
    const c = doing('cancel_pending_order', { order_id: '#W1', reason: 'no longer needed' }, '{"status":"cancelled"}', "I've cancelled your order.");
    const s = (await policyEvaluator.score(c, resolved(), {})).find((x) => x.metric === 'policy.promise_action_mismatch')!;
    expect(s.value).toBe(1);
    expect(s.explanation).toMatch(/no class \(cancel_pending_order\)/);
  });

  it('compares stated discounts with any write carrying discount/price-like arguments', async () => {
    const c = (text: string) => doing('apply_store_discount', { order_id: '#W1', discount_percent: 10, new_price: 108 }, '{"ok":true}', text);
    expect(valueOf(await score(c("I've applied 10% off, so it is now $108."), own), 'policy.promise_action_mismatch')).toBe(0);
    const wrong = (await policyEvaluator.score(c("I've applied 20% off for you."), own, {})).find((x) => x.metric === 'policy.promise_action_mismatch')!;
    expect(wrong.value).toBe(1);
    expect(wrong.evidence[0]!.note).toMatch(/apply_store_discount carries a discount of 10%/);
  });
});
