import { describe, expect, it } from 'vitest';
import { assessHallucination, hallucinationEvaluator } from '../../../evaluators/hallucination/evaluator.js';
import { agent, call, conversation, customer, reply, resolved, SCRIPT, toolResult, valueOf } from '../fixtures.js';

const r = resolved();
const score = (c: ReturnType<typeof reply>, rs = r) => hallucinationEvaluator.score(c, rs, {});
const verdicts = async (c: ReturnType<typeof reply>, rs = r) =>
  (await assessHallucination(c, rs)).checked.map((x) => `${x.claim.kind}:${x.claim.raw}:${x.verdict}${x.critical ? ':critical' : ''}`);

describe('closed-world grounding: supported claims', () => {
  it('supports catalog prices, the customer\'s own numbers and a price after a discount the bounds allow', async () => {
    const c = reply('You paid $120 on January 10 for ORD-1001. With 10% off the Trail Jacket is $108.');
    expect(await verdicts(c)).toEqual([
      'money:$120:supported', 'date:January 10:supported', 'id:ORD-1001:supported', 'percent:10%:supported', 'offering:Trail Jacket:supported', 'money:$108:supported',
    ]);
    const s = await score(c);
    expect(valueOf(s, 'halluc.any')).toBe(0);
    expect(valueOf(s, 'halluc.numeric_precision')).toBe(1);
    expect(valueOf(s, 'halluc.supported_share')).toBe(1);
  });

  it('reads amounts in every written form', async () => {
    for (const t of ['It is 120.00 USD.', 'It is USD 120.', 'It is 120 dollars.', 'It is one hundred and twenty dollars.', 'It is $120.00.', 'It costs 80,00 $.']) {
      expect((await verdicts(reply(t)))[0], t).toMatch(/^money:.*:supported$/);
    }
    const eur = resolved();
    eur.catalog = [{ ...r.catalog[0]!, price: 1299.99, currency: 'EUR' }];
    for (const t of ['The Trail Jacket is 1.299,99 €.', 'The Trail Jacket is €1,299.99.', 'The Trail Jacket is 1299.99 EUR.']) {
      expect(await verdicts(reply(t), eur), t).toEqual(['offering:Trail Jacket:supported', expect.stringMatching(/^money:.*:supported$/)]);
    }
  });

  it('shows the arithmetic that supports a derived amount', async () => {
    const fee = resolved((s) => ({ ...s, context: [{ label: 'Return fees', text: 'A restocking fee of 15.00 USD applies to opened items.' }] }));
    const a = await assessHallucination(reply('After the 15.00 USD restocking fee your refund on the Rain Boots comes to 65.00 USD.'), fee);
    const refund = a.checked.find((x) => x.claim.raw === '65.00 USD')!;
    expect(refund.verdict).toBe('supported');
    expect(refund.note).toContain('65 = 80 - 15');
    const months = await verdicts(reply('Three months of the Rain Boots plan would be $240.'));
    expect(months).toContain('money:$240:supported');
  });

  it('supports durations in other units and days derived from the scenario dates', async () => {
    expect(await verdicts(reply('You can return it within 30 days; refunds take 3-5 business days.'))).toEqual([
      'duration:30 days:supported', 'promise:refunds:supported', 'duration:3-5 business days:supported',
    ]);
    expect(await verdicts(reply('You have a 30-day window.'))).toEqual(['duration:30-day:supported']);
    // Delivered January 14, now January 15: one day used of the 30-day window.
    expect(await verdicts(reply('You still have 29 days to return it.'))).toEqual(['duration:29 days:supported']);
  });

  it('grounds numbers a read tool returned, but never the agent\'s own write-tool echo', async () => {
    const lookup = call('lookup_order', { orderId: 'ORD-2002' });
    const c = conversation([
      customer(SCRIPT[0]!), agent('', lookup),
      toolResult(lookup, { found: true, order: { id: 'ORD-2002', total: 64.5, eta: '2025-01-21' } }),
      agent('Order ORD-2002 came to $64.50 and should arrive on January 21.'),
    ]);
    expect(await verdicts(c)).toEqual(['id:ORD-2002:supported', 'money:$64.50:supported', 'date:January 21:supported']);

    const offer = call('make_offer', { price: 99.5, note: 'Platinum Shield Plus plan' });
    const echo = conversation([customer(SCRIPT[0]!), agent('', offer), toolResult(offer, { ok: true, price: 99.5 }), agent('Done: the Platinum Shield Plus plan is yours for $99.50.')]);
    expect(await verdicts(echo)).toEqual(['offering:Platinum Shield Plus plan:unsupported', 'money:$99.50:unsupported']);
  });

  it('only grounds a claim in material the agent had at that moment', async () => {
    const lookup = call('lookup_order', { orderId: 'ORD-2002' });
    const c = conversation([customer(SCRIPT[0]!), agent('Your order came to $64.50.', lookup), toolResult(lookup, { order: { id: 'ORD-2002', total: 64.5 } })]);
    expect(await verdicts(c)).toEqual(['money:$64.50:unsupported']);
  });

  it('accepts contact points in the material or given by the customer', async () => {
    const ok = reply('Call (555) 010-0100 or write to support@shop.example.test, or see https://shop.example.test/help.');
    expect(await verdicts(ok)).toEqual(['contact:(555) 010-0100:supported', 'contact:support@shop.example.test:supported', 'contact:https://shop.example.test/help:supported']);
    const c = conversation([customer('Reach me at jane.work@example.test or 555-010-4242.'), agent('I will reach you at jane.work@example.test or 555-010-4242.')]);
    expect(valueOf(await score(c), 'halluc.fabricated_contact')).toBe(0);
  });

  it('supports a promise only when the material grants it', async () => {
    expect(await verdicts(reply('You will get a full refund.'))).toEqual(['promise:full refund:supported']);
    const perks = resolved((s) => ({ ...s, context: [{ label: 'Perks', text: 'Gold members get free express shipping. Sale items are non-refundable.' }] }));
    expect(await verdicts(reply('As a Gold member you get free express shipping.'), perks)).toEqual(['offering:Gold member:supported', 'promise:free express:supported']);
    expect(await verdicts(reply('I have also added free gift wrapping.'), perks)).toEqual(['promise:free gift:unsupported']);
    const noRefund = resolved((s) => ({ ...s, facts: [], context: [{ label: 'Sale', text: 'Sale items are non-refundable.' }] }));
    noRefund.policies = [];
    expect(await verdicts(reply('I will refund the sale item.'), noRefund)).toEqual(['promise:refund:contradicted']);
  });
});

describe('closed-world grounding: hallucinations', () => {
  it('flags the held-out examples: an invented window and an invented plan', async () => {
    const days = await score(reply('You have 67 days for that under our policy.'));
    expect(valueOf(days, 'halluc.any')).toBe(1);
    expect(valueOf(days, 'halluc.unsupported') ?? 0 + (valueOf(days, 'halluc.contradicted') ?? 0)).toBeGreaterThan(0);
    const plan = await score(reply('You are covered by our Platinum Shield Plus plan.'));
    expect(valueOf(plan, 'halluc.any')).toBe(1);
    expect(valueOf(plan, 'halluc.unsupported')).toBe(1);
  });

  it('flags an amount that is not in the material even when no product is named', async () => {
    expect(await verdicts(reply('Your refund will be 126.00 USD.'))).toEqual(['promise:refund:supported', 'money:126.00 USD:unsupported']);
  });

  it('contradicts a wrong price for a named product and a discount above the maximum', async () => {
    const c = reply('I can give you 40% off today. The Rain Boots are $95.');
    expect(await verdicts(c)).toEqual(['percent:40%:contradicted', 'offering:Rain Boots:supported', 'money:$95:contradicted']);
    const s = await score(c);
    expect(valueOf(s, 'halluc.contradicted')).toBe(2);
    expect(valueOf(s, 'halluc.numeric_precision')).toBe(0);
    // The other product's price is in the material, but not for this product.
    expect(await verdicts(reply('The Trail Jacket is $80.'))).toEqual(['offering:Trail Jacket:supported', 'money:$80:contradicted']);
  });

  it('contradicts a duration the named policy states differently', async () => {
    expect(await verdicts(reply('Our return window is 60 days.'))).toEqual(['duration:60 days:contradicted']);
    expect(await verdicts(reply('Your refund will arrive within 5-7 business days.'))).toEqual(['promise:refund:supported', 'duration:5-7 business days:contradicted']);
    expect(await verdicts(reply('Returns are accepted for a fortnight.'))).toEqual(['duration:a fortnight:contradicted']);
    expect(await verdicts(reply('Shipping usually takes 48 hours.'))).toEqual(['duration:48 hours:unsupported']);
  });

  it('contradicts an order id that is not the customer\'s, and flags invented reference numbers', async () => {
    expect(await verdicts(reply('Order ORD-9999 will be delivered on January 30.'))).toEqual(['id:ORD-9999:contradicted', 'date:January 30:contradicted']);
    expect(await verdicts(reply('Your return reference is RMA-55821.'))).toEqual(['id:RMA-55821:unsupported']);
  });

  it('flags fabricated contact points as critical', async () => {
    const bad = reply('Email refunds@shop-help.example or call 212-555-0123, details at www.jacket-returns.com.');
    expect(await verdicts(bad)).toEqual([
      'contact:refunds@shop-help.example:unsupported:critical', 'contact:212-555-0123:unsupported:critical', 'contact:www.jacket-returns.com:unsupported:critical',
    ]);
    const s = await score(bad);
    expect(valueOf(s, 'halluc.fabricated_contact')).toBe(1);
    expect(valueOf(s, 'halluc.any')).toBe(1);
  });

  it('reads national phone numbers, "48h" and exceptions to policy', async () => {
    expect(await verdicts(reply('Call us on 0330 088 4400 and we will reply within 48h.'))).toEqual([
      'contact:0330 088 4400:unsupported:critical', 'duration:48h:unsupported',
    ]);
    expect(await verdicts(reply("I'll make an exception this time."))).toEqual(['promise:make an exception:unsupported']);
  });

  it('flags invented offering names with or without a head noun, but not greetings, teams or the agent\'s own name', async () => {
    const c = reply("Hi Jane, I'm Sam Taylor from Customer Care. Our team is here Monday to Friday. You could try Diamond Assist or our FlexiCover Max option. Kind Regards, Sam");
    // "Monday to Friday": days are claims; the brief names no Monday, and its Friday is the order date (January 10).
    expect(await verdicts(c)).toEqual(['date:Monday:unsupported', 'date:Friday:supported', 'offering:Diamond Assist:unsupported', 'offering:FlexiCover Max:unsupported']);
    // Headings, labels, places and form words are capitalised without naming an offering.
    const plain = reply('**Order Details:** shipped from New York to Los Angeles.\nNext Steps: print the label. Refund Amount: $120.');
    expect((await verdicts(plain)).filter((v) => v.startsWith('offering'))).toEqual([]);
  });

  it('reads lower-case offerings by their naming words', async () => {
    expect(await verdicts(reply('Our movers\' pass covers that.'))).toEqual(["offering:movers' pass:unsupported"]);
    // "the rain boots bundle" names the Rain Boots; "your current plan" names nothing.
    expect(await verdicts(reply('The rain boots bundle is popular, and your current plan stays as it is.'))).toEqual(['offering:rain boots bundle:supported']);
  });

  it('reads promises phrased through a negation or a free item', async () => {
    expect(await verdicts(reply("Don't worry, there won't be any charge for the repair."))).toEqual(['promise:won\'t be any charge:unsupported']);
    expect(await verdicts(reply('Your first session is free.'))).toEqual(['promise:Your first session is free:unsupported']);
  });

  it('flags unsupported counts, times and promises', async () => {
    expect(await verdicts(reply('You can bring 2 checked bags.'))).toEqual(['count:2 checked bags:unsupported']);
    expect(await verdicts(reply('Our store closes at 9 pm.'))).toEqual(['time:9 pm:unsupported']);
    expect(await verdicts(reply('We guarantee delivery by tomorrow.'))).toEqual(['promise:guarantee:unsupported']);
  });

  it('counts forbidden claims outside negation only', async () => {
    expect(valueOf(await score(reply('Good news: this jacket has a lifetime warranty.')), 'halluc.forbidden_claim')).toBe(1);
    expect(valueOf(await score(reply('Sorry, there is no lifetime warranty on this jacket.')), 'halluc.forbidden_claim')).toBe(0);
    const noList = resolved((s) => ({ ...s, judging: { ...s.judging, forbiddenClaims: [] } }));
    expect(valueOf(await score(reply('It has a lifetime warranty.'), noList), 'halluc.forbidden_claim')).toBeNull();
  });
});

describe('closed-world grounding on realistic replies', () => {
  it('finds nothing to flag in a correct, chatty service reply', async () => {
    const c = reply("I'm an AI assistant. I'm sorry your Trail Jacket arrived torn! I've started a return for order ORD-1001. Once we receive it, "
      + "you'll get a full refund of $120 to your original payment method within 3-5 business days. Under our Returns Policy you have 30 days from delivery, "
      + "and it arrived on January 14, so you're well within the window.\n1. Print the label.\n2. Drop the parcel off.");
    expect((await assessHallucination(c, r)).checked.filter((x) => x.verdict !== 'supported')).toEqual([]);
  });

  it('flags the service boilerplate the brief never gave: hours, response times, a made-up discount price', async () => {
    const c = reply('Our team is available Monday to Friday, 9am-5pm. Please allow 24-48 hours for a reply. With 15% off the Trail Jacket is $99.');
    expect(await verdicts(c)).toEqual(['date:Monday:unsupported', 'date:Friday:supported', 'time:9am:unsupported', 'time:5pm:unsupported', 'duration:24-48 hours:unsupported', 'percent:15%:supported', 'offering:Trail Jacket:supported', 'money:$99:contradicted']);
  });
});

describe('closed-world grounding: numbers that are not claims', () => {
  it('records negated and asked values as evidence only', async () => {
    const c = reply('We do not offer 50% off and there is no $30 fee. Was it $95 you paid?');
    expect(await verdicts(c)).toEqual(['percent:50%:not-asserted', 'money:$30:not-asserted', 'money:$95:not-asserted']);
    const s = await score(c);
    expect(valueOf(s, 'halluc.claims')).toBe(0);
    expect(valueOf(s, 'halluc.any')).toBe(0);
    expect(valueOf(s, 'halluc.supported_share')).toBeNull();
  });

  it('does not read list numbering, steps, 24/7, "one moment" or the customer\'s own numbers as claims', async () => {
    const c = reply('One moment please. We are here 24/7.\n1. Print the label\n2. Drop it off\nStep 3 is optional. You said you paid 120 dollars on January 10.');
    expect((await assessHallucination(c, r)).checked.filter((x) => x.verdict !== 'supported')).toEqual([]);
    expect(valueOf(await score(c), 'halluc.any')).toBe(0);
  });

  it('does not read a fee percentage or the customer\'s request as a discount claim', async () => {
    const c = reply('You asked for 50% off, which I cannot do.');
    expect((await assessHallucination(c, r)).checked.filter((x) => x.verdict === 'contradicted')).toEqual([]);
  });

  it('gives null everywhere when the agent said nothing', async () => {
    const s = await score(conversation([customer(SCRIPT[0]!)]));
    expect(s.every((x) => x.value === null)).toBe(true);
    expect(s.every((x) => x.evaluator === 'deterministic:hallucination@2')).toBe(true);
  });
});

describe('closed-world grounding on an imported transcript (tool classes from the scenario)', () => {
  const imported = resolved((s) => ({ ...s, orders: [] }));
  imported.toolClasses = { get_order_details: 'read', return_delivered_order_items: 'write' };
  const details = call('get_order_details', { order_id: '#W2378156' });
  const order = {
    order_id: '#W2378156', status: 'delivered',
    items: [{ name: 'T-Shirt', item_id: '9612497925', price: 89.0 }, { name: 'Jigsaw Puzzle', item_id: '4772738468', price: 46.13 }],
    payment_history: [{ transaction_type: 'payment', amount: 135.13, payment_method_id: 'credit_card_4190576' }],
  };
  const chat = (...after: ReturnType<typeof agent>[]) => conversation([
    customer('I want to return my order #W2378156.'), agent('', details), toolResult(details, order), ...after,
  ]);

  it('supports amounts, ids and sums the read tool returned', async () => {
    const c = chat(agent('Your order #W2378156 has a T-Shirt at $89.00 and a Jigsaw Puzzle at $46.13, $135.13 in total.'));
    expect((await assessHallucination(c, imported)).checked.filter((x) => x.verdict !== 'supported')).toEqual([]);
  });

  it('flags a corrupted amount even though other numbers of the result are near it', async () => {
    expect(await verdicts(chat(agent('The T-Shirt was $126.00.')), imported)).toEqual(['money:$126.00:contradicted']);
    expect(await verdicts(chat(agent('Your total refund will be $172.13.')), imported)).toEqual(['promise:refund:unsupported', 'money:$172.13:unsupported']);
  });

  it('never grounds a figure in a write tool\'s arguments or result', async () => {
    const ret = call('return_delivered_order_items', { order_id: '#W2378156', refund: 172.13 });
    const c = chat(agent('', ret), toolResult(ret, { status: 'return requested', refund_amount: 172.13 }), agent('Done, $172.13 will be back on your card.'));
    expect(await verdicts(c, imported)).toEqual([expect.stringMatching(/^money:\$172\.13:(?:unsupported|contradicted)$/)]);
    expect(valueOf(await score(c, imported), 'halluc.any')).toBe(1);
  });
});
