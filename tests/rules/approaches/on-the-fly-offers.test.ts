import { describe, expect, it } from 'vitest';
import { OFFER_TABLE } from '../../../src/rules/approaches/on-the-fly-offers.js';
import type { CrmProfile } from '../../../src/plan/datasets.js';
import { CRM, agentSaid, callsOf, play, resolved } from '../fixtures.js';

const A = 'on-the-fly-offers' as const;
const TIERS: CrmProfile['tier'][] = ['standard', 'silver', 'gold', 'vip'];

describe('on-the-fly-offers rules counterpart', () => {
  it('prices the named basket from the catalog with the decision-table discount', async () => {
    const t = await play(A, resolved(A), ['I want the city wool jacket and the leather belt, what is the best price?']);
    const [offer] = callsOf(t, 'make_offer');
    // gold x large basket (365) = 15, capped at the scenario's 15.
    expect(offer?.arguments).toMatchObject({ bundle: ['FA-J2', 'FA-B1'], discountPct: 12 });
    expect(offer?.arguments['price']).toBeCloseTo(365 * 0.88, 2);
  });

  it('never offers more than maxDiscountPct, for any tier and basket', async () => {
    for (const tier of TIERS) {
      for (const cap of [0, 5, 10, 30]) {
        for (const text of ['best price for the leather belt?', 'quote for the city wool jacket and the trail rain jacket please']) {
          const r = resolved(A, { crm: { ...CRM, tier } }, { bounds: { currency: 'USD', maxDiscountPct: cap } });
          const r2 = { ...r, policies: r.policies.filter((p) => p.id !== 'fa-pol-discount') };
          const t = await play(A, r2, [text, 'can you do 50% off?']);
          for (const c of callsOf(t, 'make_offer')) {
            expect(c.arguments['discountPct']).toBeLessThanOrEqual(cap);
            expect(c.arguments['discountPct']).toBeLessThanOrEqual(Math.max(...Object.values(OFFER_TABLE[tier])));
          }
        }
      }
    }
  });

  it('answers a request above the table with the fixed refusal and keeps the offer', async () => {
    const t = await play(A, resolved(A), ['I want the city wool jacket and the leather belt, what is the best price?', 'Can you do 40% off?']);
    expect(t.at(-1)!.text).toMatch(/can't offer 40% off\. The best discount available for this order is 12%/);
    expect(callsOf(t, 'make_offer')).toHaveLength(1);
  });

  it('respects the price floor', async () => {
    const t = await play(A, resolved(A, {}, { bounds: { currency: 'USD', maxDiscountPct: 15, priceFloor: 350 } }), ['quote for the city wool jacket and the leather belt']);
    const [offer] = callsOf(t, 'make_offer');
    expect(Number(offer?.arguments['price'])).toBeGreaterThanOrEqual(350);
  });

  it('asks which products when none are named and the catalog is large', async () => {
    const t = await play(A, resolved(A), ['can I get a discount?']);
    expect(callsOf(t, 'make_offer')).toHaveLength(0);
    expect(agentSaid(t)).toMatch(/Which products would you like it for/);
  });
});
