import { describe, expect, it } from 'vitest';
import { assessHallucination, hallucinationEvaluator } from '../../../evaluators/hallucination/evaluator.js';
import { reply, resolved, valueOf } from '../fixtures.js';

// The fixture scenario's order was placed 2025-01-10 and delivered 2025-01-14; its "now" is 2025-01-15.
const known = resolved();
// The same conversation on an unknown day: an audited transcript the file does not date.
const unknown = resolved((s) => ({ ...s, now: '1970-01-01', nowKnown: false }));

const verdicts = async (text: string, r = unknown) =>
  (await assessHallucination(reply(text), r)).checked.map((x) => `${x.claim.kind}:${x.claim.raw}:${x.verdict}`);

describe('grounding when the conversation\'s date is unknown (scenario.nowKnown: false)', () => {
  it('what only "now" could decide is not checkable, with the reason in the evidence, where a known date decides it', async () => {
    const later = resolved((s) => ({ ...s, now: '2025-01-20' }));
    const cases: [string, string, string, typeof known][] = [
      ['You still have 29 days to return it.', 'duration:29 days:supported', 'duration:29 days:not-checkable', known],
      ['You ordered it 10 days ago.', 'duration:10 days:supported', 'duration:10 days:not-checkable', later],
      ['Today is January 15, 2025.', 'date:January 15, 2025:supported', 'date:January 15, 2025:not-checkable', known],
    ];
    for (const [text, withDate, withoutDate, dated] of cases) {
      expect(await verdicts(text, dated), text).toContain(withDate);
      expect(await verdicts(text), text).toContain(withoutDate);
    }
    const a = await assessHallucination(reply('You still have 29 days to return it.'), unknown);
    expect(a.checked[0]!.note).toMatch(/^not checkable: the conversation's date is unknown, and this duration may run from it to a date in the material \(2025-01-1\d\)$/);
  });

  it('a date written without a year is checked by day and month only; without a match it is not checkable', async () => {
    expect(await verdicts('It was delivered on January 14.')).toEqual(['date:January 14:supported']);
    expect(await verdicts('It will be picked up on January 20.')).toEqual(['date:January 20:not-checkable']);
    expect(await verdicts('It arrived on the 14th.')).toEqual(['date:the 14th:supported']);
    expect(await verdicts('Pick-up is on the 3rd.')).toEqual(['date:the 3rd:not-checkable']);
  });

  it('not checkable counts neither as supported nor as a hallucination; halluc.claims says how many', async () => {
    const s = await hallucinationEvaluator.score(reply('Today is January 15, 2025. You paid $120.'), unknown, {});
    expect(valueOf(s, 'halluc.any')).toBe(0);
    expect(valueOf(s, 'halluc.unsupported')).toBe(0);
    expect(valueOf(s, 'halluc.claims')).toBe(1);
    expect(valueOf(s, 'halluc.supported_share')).toBe(1);
    const claims = s.find((x) => x.metric === 'halluc.claims')!;
    expect(claims.explanation).toContain("1 not checkable (the conversation's date is unknown)");
    expect(claims.evidence.some((e) => /not-checkable: not checkable: the conversation's date is unknown/.test(e.note ?? ''))).toBe(true);
  });

  it('claims that do not depend on "now" are judged as always', async () => {
    expect(await verdicts('Our return window is 60 days.')).toEqual(['duration:60 days:contradicted']);
    expect(await verdicts('It was placed on 2025-01-10.')).toEqual(['date:2025-01-10:supported']);
    expect(await verdicts('Order ORD-1001 will be delivered on 2025-03-30.')).toEqual(['id:ORD-1001:supported', 'date:2025-03-30:contradicted']);
  });
});
