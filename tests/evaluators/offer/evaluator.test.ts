import { describe, expect, it } from 'vitest';
import { offerEvaluator } from '../../../evaluators/offer/evaluator.js';
import { agent, call, conversation, customer, reply, resolved, SCRIPT, toolResult, valueOf } from '../fixtures.js';

const r = resolved();
const score = (c: ReturnType<typeof reply>) => offerEvaluator.score(c, r, {});

describe('offer outcomes', () => {
  it('reads make_offer arguments first', async () => {
    const offer = call('make_offer', { discountPct: 12, price: 105.6, bundle: ['JKT-1'] });
    const c = conversation([customer(SCRIPT[0]!), agent('Here is a 10% discount for you.', offer), toolResult(offer, { recorded: true })]);
    const s = await score(c);
    expect(valueOf(s, 'offer.made')).toBe(1);
    expect(valueOf(s, 'offer.discount_pct')).toBe(12);
    expect(valueOf(s, 'offer.price')).toBe(105.6);
  });

  it('falls back to offer sentences in text: max discount, min price', async () => {
    const s = await score(reply('I can offer 5% off now, or 10% off if you keep it, so the jacket would be $108 instead of $120.'));
    expect(valueOf(s, 'offer.made')).toBe(1);
    expect(valueOf(s, 'offer.discount_pct')).toBe(10);
    expect(valueOf(s, 'offer.price')).toBe(108);
  });

  it('ignores negated offers, the customer\'s request read back and savings amounts', async () => {
    const s = await score(reply("You asked for 50% off. We don't offer 30% discounts. You would save $12 with the bundle deal."));
    expect(valueOf(s, 'offer.made')).toBe(0);
    expect(valueOf(s, 'offer.discount_pct')).toBeNull();
    expect(valueOf(s, 'offer.price')).toBeNull();
  });

  it('does not read fees, statistics or shipping amounts as offers', async () => {
    const s = await score(reply('A 20% restocking fee applies, but there is no discount. With this deal, shipping is $5. 90% of customers keep it.'));
    expect(valueOf(s, 'offer.made')).toBe(0);
  });

  it('gives null discount and price when no offer was made', async () => {
    const s = await score(reply('Your refund of $120 is on its way.'));
    expect(valueOf(s, 'offer.made')).toBe(0);
    expect(valueOf(s, 'offer.discount_pct')).toBeNull();
    expect(valueOf(s, 'offer.price')).toBeNull();
    expect(valueOf(await score(conversation([customer('hi')])), 'offer.made')).toBeNull();
  });
});
