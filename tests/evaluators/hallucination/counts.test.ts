import { describe, expect, it } from 'vitest';
import { assessHallucination } from '../../../evaluators/hallucination/evaluator.js';
import { listAfter, listSizes } from '../../../evaluators/hallucination/lists.js';
import { agent, CATALOG, conversation, customer, reply, resolved } from '../fixtures.js';

/** Count classes a correct reply states in other words than the brief (own examples, not bank items). */
const counts = async (c: ReturnType<typeof reply>, r = resolved()) =>
  (await assessHallucination(c, r)).checked.filter((x) => x.claim.kind === 'count').map((x) => `${x.claim.raw}:${x.verdict}`);

const withContext = (text: string) => resolved((s) => ({ ...s, context: [{ label: 'Terms', text }] }));

describe('counts: the same thing under another noun', () => {
  it('binds "bags" to "pieces of checked luggage" and still contradicts a wrong count', async () => {
    const r = withContext('The Classic fare includes two pieces of checked luggage.');
    expect(await counts(reply('You can bring 2 bags on that fare.'), r)).toEqual(['2 bags:supported']);
    expect(await counts(reply('You can bring 3 bags on that fare.'), r)).toEqual(['3 bags:contradicted']);
  });

  it('sums the counts one source gives ("2 adults + 2 children" = 4 people)', async () => {
    const r = withContext('The family ticket admits 2 adults and 2 children.');
    expect(await counts(reply('The family ticket covers 4 people.'), r)).toEqual(['4 people:supported']);
  });
});

describe('counts of listed things', () => {
  it('supports a count of the things the customer listed', async () => {
    const c = conversation([customer('I have a laptop, a tablet and a phone, are they covered?'), agent('All three devices are covered.')]);
    expect(await counts(c)).toEqual(['three devices:supported']);
    const d = conversation([customer('I have a laptop, a tablet and a phone, are they covered?'), agent('All 5 devices are covered.')]);
    expect(await counts(d)).toEqual(['5 devices:unsupported']);
  });

  it('supports a count of the list the reply itself gives', async () => {
    expect(await counts(reply('We have two plans: Basic and Premium.'))).toEqual(['two plans:supported']);
    expect(await counts(reply('There are 3 colours to choose from: red, navy and black.'))).toEqual(['3 colours:supported']);
    expect(await counts(reply('There are 4 colours to choose from: red, navy and black.'))).toEqual(['4 colours:unsupported']);
  });

  it('supports "we have N <things>" when the catalog has that many', async () => {
    const r = resolved();
    r.catalog = [{ ...CATALOG[0]!, name: 'Basic plan', sku: 'P-1' }, { ...CATALOG[1]!, name: 'Premium plan', sku: 'P-2' }];
    expect(await counts(reply('We have 2 plans for you to pick from.'), r)).toEqual(['2 plans:supported']);
  });

  it('measures lists', () => {
    expect(listSizes('I have a laptop, a tablet and a phone.')).toEqual([3]);
    expect(listSizes('I want to return the scarf and the hat.')).toEqual([2]);
    expect(listSizes('I called yesterday and nobody answered.')).toEqual([]);
    const t = 'Here are the 3 options:\n- Basic\n- Plus\n- Premium\nThanks';
    expect(listAfter(t, t.indexOf('options') + 7)).toBe(3);
  });
});

describe('counts: scaled numbers, nights between dates, "me and my ..."', () => {
  it('reads "10k points" as 10,000', async () => {
    expect(await counts(reply('You have 10,000 points to spend.'), withContext('Members start with 10k points.'))).toEqual(['10,000 points:supported']);
  });

  it('counts the nights between two dates one source gives', async () => {
    const r = withContext('Booking: check-in 2025-02-12, check-out 2025-02-15.');
    expect(await counts(reply('Your booking is for 3 nights.'), r)).toEqual(['3 nights:supported']);
    expect(await counts(reply('Your booking is for 4 nights.'), r)).toEqual(['4 nights:unsupported']);
  });

  it('counts "me and my husband" as two', async () => {
    const c = conversation([customer('The tickets are for me and my husband.'), agent('I have booked 2 seats for you.')]);
    expect(await counts(c)).toEqual(['2 seats:supported']);
  });
});

describe('counts: payments over months, hyphenated sizes', () => {
  it('reads "12 monthly payments" against "over 12 months", and "two-person" against "2-person"', async () => {
    expect(await counts(reply('You can spread it over 12 monthly payments.'), withContext('Spread the cost over 12 months at 0% APR.'))).toEqual(['12 monthly payments:supported']);
    expect(await counts(reply('You can spread it over 10 monthly payments.'), withContext('Spread the cost over 12 months at 0% APR.'))).toEqual(['10 monthly payments:contradicted']);
    expect(await counts(reply("It's a two-person tent."), withContext('Ridge tent: sleeps 2-person crews.'))).toEqual(['two-person:supported']);
  });
});
