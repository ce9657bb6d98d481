import { describe, expect, it } from 'vitest';
import { assessHallucination } from '../../../evaluators/hallucination/evaluator.js';
import { sameKindHeads, sameWord } from '../../../evaluators/hallucination/offering-forms.js';
import { agent, CATALOG, conversation, customer, reply, resolved } from '../fixtures.js';

/** Offering names a correct reply writes differently from the brief (own examples, not bank items). */
const offerings = async (text: string, r: ReturnType<typeof resolved>) =>
  (await assessHallucination(reply(text), r)).checked.filter((x) => x.claim.kind === 'offering').map((x) => `${x.claim.raw}:${x.verdict}`);

const named = (...names: string[]) => {
  const r = resolved();
  r.catalog = names.map((name, i) => ({ ...CATALOG[0]!, sku: `X-${i}`, name }));
  return r;
};
const withContext = (text: string) => resolved((s) => ({ ...s, context: [{ label: 'Offers', text }] }));

describe('offerings: one name, other spellings', () => {
  it('accepts "&" for "and", "program" for "programme", joined or hyphenated words', async () => {
    expect(await offerings('Try our Swap and Save scheme.', withContext('Swap & Save: trade in your old phone for store credit.'))).toEqual(['Swap and Save scheme:supported']);
    expect(await offerings('The Rewards Programme earns points.', withContext('Rewards Program: earn 1 point per dollar.'))).toEqual(['Rewards Programme:supported']);
    expect(await offerings('You could add Flexi Cover for $120.', named('FlexiCover'))).toEqual(['Flexi Cover:supported']);
  });

  it('accepts another head of the same kind, never another modifier', async () => {
    const r = withContext('Gold tier: lounge access and priority boarding.');
    expect(await offerings('As a Gold Member you get lounge access.', r)).toEqual(['Gold Member:supported']);
    expect(await offerings('Our Gold Membership includes lounge access.', r)).toEqual(['Gold Membership:supported']);
    expect(await offerings('Our Platinum Membership includes lounge access.', r)).toEqual(['Platinum Membership:unsupported']);
    expect(await offerings('The Family Package covers everyone.', named('Family plan'))).toEqual(['Family Package:supported']);
  });

  it('accepts a record name with a head added, after the company name, or reordered without its head', async () => {
    expect(await offerings('The Flex fare is the one to pick.', named('Flex', 'Saver'))).toEqual(['Flex fare:supported']);
    const kestrel = named('Fibre 100');
    kestrel.scenario = { ...kestrel.scenario, context: [{ label: 'Company', text: 'Kestrel Broadband sells these plans.' }] };
    expect(await offerings('The Kestrel Fibre 100 plan is our fastest.', kestrel)).toEqual(['Kestrel Fibre 100 plan:supported']);
    expect(await offerings('The Kestrel Turbo plan is our fastest.', kestrel)).toEqual(['Kestrel Turbo plan:unsupported']);
    expect(await offerings('Our Annual Gold Saver plan is the best value.', named('Gold Saver Annual'))).toEqual(['Annual Gold Saver plan:supported']);
  });

  it('matches lower-case naming words in another form ("delivery" / "deliveries")', async () => {
    expect(await offerings('Our delivery pass covers that.', withContext('Deliveries Pass: unlimited deliveries for 8 USD a month.'))).toEqual(['delivery pass:supported']);
    expect(sameWord('delivery', 'deliveries')).toBe(true);
    expect(sameWord('insured', 'insurance')).toBe(true);
    expect(sameWord('premium', 'platinum')).toBe(false);
    expect(sameKindHeads('member')).toContain('tier');
  });
});

describe('offerings: parts of a website are not offerings', () => {
  it('does not read "Live Chat", "Contact Us" or "Privacy Policy" as offerings', async () => {
    expect(await offerings('Reach us through Live Chat, tap Contact Us in the app, or read our Privacy Policy.', resolved())).toEqual([]);
  });
});

describe('offerings: people, places and teams are not offerings', () => {
  it('does not read a colleague, a branch or a support line as an offering', async () => {
    expect(await offerings('My colleague Priya Shah will call you; the Leeds Central branch has stock; or ring Tech Support.', resolved())).toEqual([]);
  });
});

describe('offerings: described with near-synonyms of the material\'s naming words', () => {
  it('supports "our loyalty scheme" for a rewards programme in the brief, never from the customer\'s words', async () => {
    expect(await offerings('Our loyalty scheme gives you points on this.', withContext('Rewards Club: earn a point per dollar.'))).toEqual(['loyalty scheme:supported']);
    const c = (await assessHallucination(conversation([customer("I'm a student."), agent('Our campus plan would suit you.')]), resolved())).checked
      .filter((x) => x.claim.kind === 'offering').map((x) => `${x.claim.raw}:${x.verdict}`);
    expect(c).toEqual(['campus plan:unsupported']);
  });
});
