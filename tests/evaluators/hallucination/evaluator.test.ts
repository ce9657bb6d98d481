import { describe, expect, it } from 'vitest';
import { assessHallucination, hallucinationEvaluator } from '../../../evaluators/hallucination/evaluator.js';
import { agent, call, conversation, customer, reply, resolved, SCRIPT, toolResult, valueOf } from '../fixtures.js';

const r = resolved();
const score = (c: ReturnType<typeof reply>, rs = r) => hallucinationEvaluator.score(c, rs, {});
const verdicts = async (c: ReturnType<typeof reply>, rs = r) =>
  (await assessHallucination(c, rs)).checked.map((x) => `${x.mention.kind}:${x.mention.raw}:${x.verdict}${x.critical ? ':critical' : ''}`);

describe('hallucination grounding', () => {
  it('supports catalog prices, the customer\'s own numbers and prices after an allowed discount', async () => {
    const c = reply('You paid $120 on January 10 for ORD-1001. With 10% off the Trail Jacket is $108.');
    expect(await verdicts(c)).toEqual([
      'money:$120:supported', 'date:January 10:supported', 'order-id:ORD-1001:supported', 'percent:10%:supported',
      'name:Trail Jacket:supported', 'money:$108:supported',
    ]);
    const s = await score(c);
    expect(valueOf(s, 'halluc.any')).toBe(0);
    expect(valueOf(s, 'halluc.numeric_precision')).toBe(1);
  });

  it('records a negated value as evidence, not a claim', async () => {
    const c = reply('We do not offer 50% off and there is no $30 fee. 20% off is not something we offer.');
    expect(await verdicts(c)).toEqual(['percent:50%:negated', 'money:$30:negated', 'percent:20%:negated']);
    const s = await score(c);
    expect(valueOf(s, 'halluc.claims')).toBe(0);
    expect(valueOf(s, 'halluc.numeric_precision')).toBeNull();
    expect(valueOf(s, 'halluc.any')).toBe(0);
  });

  it('contradicts a discount above the maximum and a wrong price for a named product', async () => {
    const c = reply('I can give you 40% off today. The Rain Boots are $95.');
    expect(await verdicts(c)).toEqual(['percent:40%:contradicted', 'name:Rain Boots:supported', 'money:$95:contradicted']);
    const s = await score(c);
    expect(valueOf(s, 'halluc.any')).toBe(1);
    expect(valueOf(s, 'halluc.contradicted')).toBe(2);
    expect(valueOf(s, 'halluc.numeric_precision')).toBe(0);
  });

  it('supports a price only after an allowed discount', async () => {
    expect(await verdicts(reply('With 40% off the Trail Jacket is $72.'))).toEqual(['percent:40%:contradicted', 'name:Trail Jacket:supported', 'money:$72:contradicted']);
    expect(await verdicts(reply('With 40% off that is $72.'))).toEqual(['percent:40%:contradicted', 'money:$72:unverifiable']);
  });

  it('does not read a fee percentage or the customer\'s request as a discount claim', async () => {
    const c = reply('You asked for 50% off; a 20% restocking fee would apply to that discount.');
    expect((await assessHallucination(c, r)).checked.filter((x) => x.verdict === 'contradicted')).toEqual([]);
  });

  it('does not treat counting words, steps or times of day as claims', async () => {
    const c = reply('You have 3 items in the cart; step 2 is to print the label, before 10:30 am.');
    expect(await verdicts(c)).toEqual([]);
    expect(valueOf(await score(c), 'halluc.any')).toBe(0);
  });

  it('grounds numbers a tool returned and the agent repeats', async () => {
    const lookup = call('lookup_order', { orderId: 'ORD-2002' });
    const c = conversation([
      customer(SCRIPT[0]!),
      agent('', lookup),
      toolResult(lookup, { found: true, order: { id: 'ORD-2002', total: 64.5, eta: '2025-01-21' } }),
      agent('Order ORD-2002 came to $64.50 and should arrive on January 21.'),
    ]);
    expect(await verdicts(c)).toEqual(['order-id:ORD-2002:supported', 'money:$64.50:supported', 'date:January 21:supported']);
  });

  it('contradicts an order id that is not the customer\'s and a delivery date that differs from the order', async () => {
    const c = reply('Order ORD-9999 will be delivered on January 30.');
    expect(await verdicts(c)).toEqual(['order-id:ORD-9999:contradicted', 'date:January 30:contradicted']);
  });

  it('checks durations against the policy named in the sentence', async () => {
    expect(await verdicts(reply('Our return window is 60 days.'))).toEqual(['duration:60 days:contradicted']);
    expect(await verdicts(reply('You can return it within 30 days; refunds take 3-5 business days.'))).toEqual([
      'duration:30 days:supported', 'duration:3-5 business days:supported',
    ]);
    expect(await verdicts(reply('Shipping usually takes 7 days.'))).toEqual(['duration:7 days:unverifiable']);
    // A duration fact is named by its content words ("Refunds reach the card in 3-5 business days").
    expect(await verdicts(reply('Your refund will arrive within 5-7 business days.'))).toEqual(['duration:5-7 business days:contradicted']);
    // Days between the scenario's dates and its "now" (placed January 10, now January 15).
    expect(await verdicts(reply("It's been 5 days since you ordered."))).toEqual(['duration:5 days:supported']);
  });

  it('flags fabricated contact points as critical, but not allowed contacts', async () => {
    const ok = reply('Call (555) 010-0100 or write to support@shop.example.test, or see https://shop.example.test/help.');
    expect(await verdicts(ok)).toEqual(['phone:(555) 010-0100:supported', 'email:support@shop.example.test:supported', 'url:https://shop.example.test/help:supported']);
    expect(valueOf(await score(ok), 'halluc.fabricated_contact')).toBe(0);

    const bad = reply('Email refunds@shop-help.example or call 212-555-0123, details at www.jacket-returns.com.');
    expect(await verdicts(bad)).toEqual([
      'email:refunds@shop-help.example:unverifiable:critical', 'phone:212-555-0123:unverifiable:critical', 'url:www.jacket-returns.com:unverifiable:critical',
    ]);
    const s = await score(bad);
    expect(valueOf(s, 'halluc.fabricated_contact')).toBe(1);
    expect(valueOf(s, 'halluc.any')).toBe(1);
  });

  it('accepts contact points the customer gave', async () => {
    const c = conversation([customer('Reach me at jane.work@example.test or 555-010-4242.'), agent('I will reach you at jane.work@example.test or 555-010-4242.')]);
    expect(valueOf(await score(c), 'halluc.fabricated_contact')).toBe(0);
  });

  it('counts forbidden claims outside negation only', async () => {
    expect(valueOf(await score(reply('Good news: this jacket has a lifetime warranty.')), 'halluc.forbidden_claim')).toBe(1);
    expect(valueOf(await score(reply('Sorry, there is no lifetime warranty on this jacket.')), 'halluc.forbidden_claim')).toBe(0);
    const noList = resolved((s) => ({ ...s, judging: { ...s.judging, forbiddenClaims: [] } }));
    expect(valueOf(await score(reply('It has a lifetime warranty.'), noList), 'halluc.forbidden_claim')).toBeNull();
  });

  it('marks invented product names unverifiable, without making them a hallucination', async () => {
    expect(await verdicts(reply('You are covered by our Lifetime Happiness Promise.'))).toEqual(['name:Lifetime Happiness Promise:unverifiable']);
  });

  it('gives null everywhere when the agent said nothing', async () => {
    const s = await score(conversation([customer(SCRIPT[0]!)]));
    expect(s.every((x) => x.value === null)).toBe(true);
    expect(s.every((x) => x.evaluator === 'deterministic:hallucination@1')).toBe(true);
  });
});
