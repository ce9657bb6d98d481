import { describe, expect, it } from 'vitest';
import { CRM, callsOf, play, resolved } from '../fixtures.js';

const A = 'vip-exclusive-content' as const;

describe('vip-exclusive-content rules counterpart', () => {
  it('sends the fixed invitation to the VIP segment with the VIP policy perks', async () => {
    const t = await play(A, resolved(A, { crm: { ...CRM, tier: 'vip' } }), [], { outreach: true });
    const [plan] = callsOf(t, 'create_loyalty_plan');
    expect(plan?.arguments['rewards']).toEqual(['VIP customers get early access to new collections.', 'VIP customers are invited to a private styling session each season.']);
    expect(t.at(-1)!.text).toMatch(/^Dear Maya, as one of our most valued customers/);
  });

  it('outside the segment the rule does not fire', async () => {
    const t = await play(A, resolved(A, { crm: { ...CRM, tier: 'standard', lifetimeValue: 300 } }), [], { outreach: true });
    expect(callsOf(t, 'create_loyalty_plan')).toHaveLength(0);
    expect(t[0]!.text).toMatch(/thank you for being our customer/);
  });
});
