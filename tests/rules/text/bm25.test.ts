import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../src/rules/text/bm25.js';
import { stem, terms } from '../../../src/rules/text/tokens.js';

describe('bm25', () => {
  const idx = new Bm25Index([
    { id: 'ret', text: 'Returns. Return unworn items within 30 days for a refund.', payload: 1 },
    { id: 'ship', text: 'Shipping. Standard delivery takes 3-5 days; express delivery 1 day.', payload: 2 },
    { id: 'pwd', text: 'Password reset. Use the forgot password link.', payload: 3 },
  ]);

  it('ranks the document sharing the rarest query terms first', () => {
    expect(idx.search('how long does delivery take?')[0]?.doc.id).toBe('ship');
    expect(idx.search('I forgot my password')[0]?.doc.id).toBe('pwd');
    expect(idx.search('can I get a refund for returned items')[0]?.doc.id).toBe('ret');
  });

  it('returns nothing for unrelated text', () => {
    expect(idx.search('quantum chromodynamics')).toEqual([]);
  });

  it('stems plural and verb forms together', () => {
    expect(stem('deliveries')).toBe(stem('delivery'));
    expect(stem('shipping')).toBe(stem('ship'));
    expect(stem('refunded')).toBe(stem('refund'));
    expect(terms('The parcels were delivered')).toEqual([stem('parcels'), stem('delivered')]);
  });
});
