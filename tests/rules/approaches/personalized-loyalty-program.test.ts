import { describe, expect, it } from 'vitest';
import { CRM, callsOf, play, resolved } from '../fixtures.js';

const A = 'personalized-loyalty-program' as const;

describe('personalized-loyalty-program rules counterpart', () => {
  it('looks the tier up in the programme table and records the fixed rewards', async () => {
    const t = await play(A, resolved(A), ['What rewards do I get as a member?']);
    const [plan] = callsOf(t, 'create_loyalty_plan');
    expect(plan?.arguments).toMatchObject({ tier: 'gold', rewards: ['Gold members get free express shipping.'] });
    expect(t.at(-1)!.text).toContain('free express shipping');
  });

  it('a silver customer gets the silver row', async () => {
    const t = await play(A, resolved(A, { crm: { ...CRM, tier: 'silver' } }), ['what perks come with my loyalty tier?']);
    expect(callsOf(t, 'create_loyalty_plan')[0]?.arguments['rewards']).toEqual(['Silver members get free standard shipping.']);
  });

  it('does not read "standard shipping" as the standard tier, nor print staff instructions', async () => {
    const r = resolved(A, { crm: { ...CRM, tier: 'standard' } });
    const staff = { ...r.policies[1]!, text: `${r.policies[1]!.text} Agents may give gold members 20% off once.` };
    const t = await play(A, { ...r, policies: [r.policies[0]!, staff] }, ['what rewards come with my membership?']);
    const rewards = callsOf(t, 'create_loyalty_plan')[0]?.arguments['rewards'] as string[];
    expect(rewards.join(' ')).not.toMatch(/Silver members|Agents may/);
  });

  it('the coupon never exceeds the cap', async () => {
    const t = await play(A, resolved(A, {}, { bounds: { currency: 'USD', maxDiscountPct: 8 } }), ['can I get a discount?']);
    expect(callsOf(t, 'make_offer')[0]?.arguments['discountPct']).toBe(8);
  });
});
