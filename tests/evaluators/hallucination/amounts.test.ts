import { describe, expect, it } from 'vitest';
import { assessHallucination } from '../../../evaluators/hallucination/evaluator.js';
import { approximates } from '../../../evaluators/hallucination/approximate.js';
import { agent, CATALOG, conversation, customer, reply, resolved } from '../fixtures.js';

/** Amount classes that a correct reply writes differently from the brief (own examples, not bank items). */
const verdictOf = async (c: ReturnType<typeof reply>, raw: string, r = resolved()) =>
  (await assessHallucination(c, r)).checked.find((x) => x.claim.raw.includes(raw))?.verdict;

const priced = (price: number) => {
  const r = resolved();
  r.catalog = [{ ...CATALOG[0]!, price }, CATALOG[1]!];
  return r;
};

describe('amounts: rounding after a hedge', () => {
  it('supports "about", "around" and "just under" a material amount, not a figure 8% or more off', async () => {
    const r = priced(104.99);
    expect(await verdictOf(reply('The Trail Jacket is about $105.'), '$105', r)).toBe('supported');
    expect(await verdictOf(reply('The Trail Jacket comes to around $105 all in.'), '$105', r)).toBe('supported');
    expect(await verdictOf(reply('The Trail Jacket is just under $110.'), '$110', r)).toBe('supported');
    expect(await verdictOf(reply('The Trail Jacket is about $95.'), '$95', r)).toBe('contradicted');
    // No hedge: a rounded figure is not the price.
    expect(await verdictOf(reply('The Trail Jacket is $105.'), '$105', r)).toBe('contradicted');
  });

  it('rounds only to round figures', () => {
    expect(approximates(90, 89.99, 'near')).toBe(true);
    expect(approximates(50, 49.95, 'near')).toBe(true);
    expect(approximates(1200, 1199, 'near')).toBe(true);
    expect(approximates(87, 89.99, 'near')).toBe(false);
    expect(approximates(100, 89.99, 'below')).toBe(true);
    expect(approximates(100, 79, 'below')).toBe(false);
    expect(approximates(100, 105, 'above')).toBe(true);
  });

  it('reads "$1.2k" as 1,200', async () => {
    const r = priced(1199);
    expect(await verdictOf(reply('The Trail Jacket is about $1.2k.'), '$1.2k', r)).toBe('supported');
  });
});

describe('amounts: arithmetic on amounts a small brief gives without naming them', () => {
  it('supports a total of two material amounts, not an invented total', async () => {
    expect(await verdictOf(reply('Getting both comes to $200.'), '$200')).toBe('supported');
    expect(await verdictOf(reply('Getting both comes to $215.'), '$215')).toBe('unsupported');
  });

  it('multiplies by a count the customer gave', async () => {
    const c = conversation([customer('I need three pairs of the boots for my kids.'), agent('That would be $240 for all of them.')]);
    expect(await verdictOf(c, '$240')).toBe('supported');
  });

  it('reads "half price" as 50% when the material grants 50%', async () => {
    const r = resolved((s) => ({ ...s, context: [{ label: 'Promo', text: 'Buy one pair of boots and get the second pair at 50% off.' }] }));
    expect(await verdictOf(reply('The second pair is half price, so $40.'), '$40', r)).toBe('supported');
  });

  it('divides by the number of payments the sentence states', async () => {
    const r = resolved((s) => ({ ...s, context: [{ label: 'Instalments', text: 'Orders can be paid in 4 interest-free instalments.' }] }));
    const checked = (await assessHallucination(reply('You can split it into 4 payments of $30.'), r)).checked.map((x) => `${x.claim.kind}:${x.verdict}`);
    expect(checked).toEqual(['count:supported', 'money:supported']);
  });
});

describe('amounts: a month and a year', () => {
  it('divides a yearly price by 12 in a sentence about months', async () => {
    const r = priced(240);
    expect(await verdictOf(reply('The Trail Jacket plan works out at $20 a month.'), '$20', r)).toBe('supported');
  });
});

describe('amounts: zero and hedged sums', () => {
  it('supports "$0" only where the material makes the thing free', async () => {
    const free = resolved((s) => ({ ...s, context: [{ label: 'Delivery', text: 'Free delivery on every order.' }] }));
    expect(await verdictOf(reply('Delivery is $0 on this order.'), '$0', free)).toBe('supported');
    expect(await verdictOf(reply('Delivery is $0 on this order.'), '$0')).toBe('unsupported');
  });

  it('supports a hedged figure that rounds a one-step sum', async () => {
    const r = priced(84.99);
    // 84.99 + 80 = 164.99, "roughly $165"; 150 is 9% off.
    expect(await verdictOf(reply('Both together come to roughly $165.'), '$165', r)).toBe('supported');
    expect(await verdictOf(reply('Both together come to roughly $150.'), '$150', r)).toBe('unsupported');
  });
});

describe('amounts: a day and a week', () => {
  it('divides a weekly price by 7 in a sentence about days', async () => {
    const r = priced(140);
    expect(await verdictOf(reply('The Trail Jacket hire is $20 a day.'), '$20', r)).toBe('supported');
    expect(await verdictOf(reply('The Trail Jacket hire is $25 a day.'), '$25', r)).toBe('contradicted');
  });
});
