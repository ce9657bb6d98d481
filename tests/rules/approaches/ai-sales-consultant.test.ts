import { describe, expect, it } from 'vitest';
import { agentSaid, callsOf, play, resolved } from '../fixtures.js';

const A = 'ai-sales-consultant' as const;

describe('ai-sales-consultant rules counterpart', () => {
  it('filters the catalog by keyword and parsed budget and prints the comparison template', async () => {
    const t = await play(A, resolved(A), ['I am looking for a waterproof jacket under $200']);
    const skus = callsOf(t, 'recommend_products')[0]?.arguments['skus'] as string[];
    expect(skus[0]).toBe('FA-J1');
    expect(skus).not.toContain('FA-J2'); // 320 is over budget
    expect(agentSaid(t)).toMatch(/1\. Trail rain jacket \(FA-J1\): 180\.00 USD/);
  });

  it('asks a clarifying question with the categories when nothing matches', async () => {
    const t = await play(A, resolved(A), ['can you recommend something?']);
    expect(callsOf(t, 'recommend_products')).toHaveLength(0);
    expect(agentSaid(t)).toMatch(/Which category.*jackets, accessories and shoes/);
  });

  it('answers a price objection with cheaper items of the same category', async () => {
    const t = await play(A, resolved(A), ['show me a wool jacket', 'hmm, that is too expensive for me']);
    const recs = callsOf(t, 'recommend_products').map((c) => c.arguments['skus']);
    expect((recs[0] as string[])[0]).toBe('FA-J2');
    expect(recs[1]).toEqual(['FA-J3', 'FA-J1']);
  });

  it('gives the fixed tier coupon, capped, and refuses more', async () => {
    const t = await play(A, resolved(A), ['I want the trail rain jacket', 'can you give me 30% off?']);
    const [offer] = callsOf(t, 'make_offer');
    expect(offer?.arguments).toMatchObject({ discountPct: 15, price: 153, bundle: ['FA-J1'] });
    expect(t.at(-1)!.text).toMatch(/can't offer 30%/);
  });

  it('respects a refused upsell without pushing', async () => {
    const t = await play(A, resolved(A), ['I want the trail rain jacket', 'any discount?', 'no thanks']);
    expect(t.at(-1)!.text).toMatch(/won't push/);
    expect(callsOf(t, 'make_offer')).toHaveLength(1);
  });
});
