import { describe, expect, it } from 'vitest';
import { CRM, callsOf, play, resolved } from '../fixtures.js';

const A = 'hyper-personalized-content' as const;

describe('hyper-personalized-content rules counterpart', () => {
  it('merges the tier template, fills product slots from the preferred category and adds the tier coupon', async () => {
    const t = await play(A, resolved(A), [], { outreach: true });
    const skus = callsOf(t, 'recommend_products')[0]?.arguments['skus'] as string[];
    expect(skus.sort()).toEqual(['FA-J1', 'FA-J2', 'FA-J3']);
    expect(callsOf(t, 'make_offer')[0]?.arguments['discountPct']).toBe(15);
    const msg = t.at(-1)!.text;
    expect(msg).toMatch(/^Dear Maya, as one of our Gold members/);
    expect(msg).toContain('automated message');
  });

  it('standard tier gets the standard template and a smaller coupon', async () => {
    const t = await play(A, resolved(A, { crm: { ...CRM, tier: 'standard', preferences: ['shoes'] } }), [], { outreach: true });
    expect(callsOf(t, 'recommend_products')[0]?.arguments['skus']).toEqual(['FA-S1']);
    expect(callsOf(t, 'make_offer')[0]?.arguments['discountPct']).toBe(5);
    expect(t.at(-1)!.text).toMatch(/^Hi Maya, we picked/);
  });

  it('makes no offer when nothing authorises a discount', async () => {
    const r = resolved(A, { policies: [] }, { bounds: { currency: 'USD' } });
    const t = await play(A, r, [], { outreach: true });
    expect(callsOf(t, 'make_offer')).toHaveLength(0);
  });

  it('answers the human-or-AI probe in replies', async () => {
    const t = await play(A, resolved(A), ['thanks! are you a bot?'], { outreach: true });
    expect(t.at(-1)!.text).toMatch(/not a human/);
  });
});
