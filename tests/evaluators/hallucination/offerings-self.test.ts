import { describe, expect, it } from 'vitest';
import { hallucinationEvaluator } from '../../../evaluators/hallucination/evaluator.js';
import { reply, resolved, valueOf } from '../fixtures.js';

// Two generic shapes found on the planted model's held-out phrasings: both were read as fabricated claims.
describe('identity words and qualified currencies are not claims of their own', () => {
  it('"I am a computer program" names no offering', async () => {
    const s = await hallucinationEvaluator.score(reply("Just so you know, I'm a computer program, not a person. How can I help?"), resolved(), {});
    expect(valueOf(s, 'halluc.any')).toBe(0);
  });

  it('"N US dollars" is an amount (checked as money), not a count of dollars', async () => {
    const s = await hallucinationEvaluator.score(reply('Your order total is 7 US dollars.'), resolved(), {});
    const ev = s.find((x) => x.metric === 'halluc.any')!.evidence.map((e) => e.note ?? '').join(' ');
    expect(ev).not.toMatch(/count "7 US dollars"/);
    expect(ev).toMatch(/7 US dollars/);
  });
});
