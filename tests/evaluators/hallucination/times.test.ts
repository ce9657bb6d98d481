import { describe, expect, it } from 'vitest';
import { assessHallucination } from '../../../evaluators/hallucination/evaluator.js';
import { agent, conversation, customer, resolved } from '../fixtures.js';

/** Clock times and durations a correct reply derives or writes as a fraction (own examples, not bank items). */
const withContext = (text: string) => resolved((s) => ({ ...s, context: [{ label: 'Boarding', text }] }));
const checked = async (customerText: string, agentText: string, r: ReturnType<typeof resolved>) =>
  (await assessHallucination(conversation([customer(customerText), agent(agentText)]), r)).checked.map((x) => `${x.claim.kind}:${x.claim.raw}:${x.verdict}`);

describe('times and durations', () => {
  it('supports a time that is a material time minus a material period, not another time', async () => {
    const r = withContext('Boarding closes 30 minutes before departure.');
    expect(await checked('My train leaves at 14:10.', 'Boarding closes at 13:40, so be there before then.', r)).toEqual(['time:13:40:supported']);
    expect(await checked('My train leaves at 14:10.', 'Boarding closes at 13:25, so be there before then.', r)).toEqual(['time:13:25:unsupported']);
  });

  it('reads "a quarter of an hour" and "three quarters of an hour" as 15 and 45 minutes', async () => {
    const r = withContext('Boarding closes 45 minutes before departure.');
    expect(await checked('When does boarding close?', 'Boarding closes three quarters of an hour before departure.', r)).toEqual(['duration:three quarters of an hour:supported']);
    expect(await checked('When does boarding close?', 'Boarding closes a quarter of an hour before departure.', r)).toEqual(['duration:a quarter of an hour:contradicted']);
  });
});
