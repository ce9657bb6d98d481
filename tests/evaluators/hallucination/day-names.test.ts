import { describe, expect, it } from 'vitest';
import { assessHallucination } from '../../../evaluators/hallucination/evaluator.js';
import { dayNameHits, monthsNamed, weekdaysNamed } from '../../../evaluators/hallucination/day-names.js';
import { agent, conversation, customer, reply, resolved } from '../fixtures.js';

/** Weekdays and months named on their own (own examples, not bank items). Today is Wednesday 2025-01-15. */
const dates = async (c: ReturnType<typeof reply>, r = resolved()) =>
  (await assessHallucination(c, r)).checked.filter((x) => x.claim.kind === 'date').map((x) => `${x.claim.raw}:${x.verdict}`);
const withContext = (text: string) => resolved((s) => ({ ...s, context: [{ label: 'Service', text }] }));

describe('bare weekdays and months', () => {
  it('supports a day the material names, alone or in a range, and flags one it does not', async () => {
    const r = withContext('Collections run Mon-Fri.');
    expect(await dates(reply('We can collect it on Thursday.'), r)).toEqual(['Thursday:supported']);
    expect(await dates(reply('We can collect it on Sunday.'), r)).toEqual(['Sunday:contradicted']);
    expect(await dates(reply('The workshop is open on Tuesdays.'))).toEqual(['Tuesdays:unsupported']);
  });

  it('supports the weekday of a material date within a week of today, and the month of a material date', async () => {
    // The order's expected date is 2025-01-14, a Tuesday; it was placed in January.
    expect(await dates(reply('It arrived on Tuesday.'))).toEqual(['Tuesday:supported']);
    expect(await dates(reply('You ordered it in January.'))).toEqual(['January:supported']);
    expect(await dates(reply('You ordered it in March.'))).toEqual(['March:unsupported']);
  });

  it('lets the customer name a day unless the material names other days for the topic', async () => {
    const c = conversation([customer('Could you collect it on Saturday?'), agent('Yes, we can collect it on Saturday.')]);
    expect(await dates(c)).toEqual(['Saturday:supported']);
    expect(await dates(c, withContext('Collections run on weekdays only.'))).toEqual(['Saturday:contradicted']);
  });

  it('reads no greeting, named day or modal "may" as a date', () => {
    expect(dayNameHits('Happy Friday! Black Friday deals end soon. May I help? It starts in May.').map((h) => h.raw)).toEqual(['May']);
    expect([...weekdaysNamed('Open Mon-Fri, money back guaranteed')].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...monthsNamed('You may march on; renewal in Sept.')]).toEqual([9]);
  });
});
