import { describe, expect, it } from 'vitest';
import { countCategories, polarity, topCategories } from '../../../src/rules/analysis/keyword-count.js';

describe('keyword counting', () => {
  it('counts opinion words with negation', () => {
    expect(polarity('terrible and slow')).toBe('negative');
    expect(polarity('great staff, very helpful')).toBe('positive');
    expect(polarity('the app is not good')).toBe('negative');
    expect(polarity('no problem at all')).toBe('neutral');
  });

  it('matches stems and phrases and ranks categories by item count', () => {
    const items = [
      { id: 'a', text: 'I was charged twice on my bill' },
      { id: 'b', text: 'Double charged again, billing is a mess' },
      { id: 'c', text: 'The app crashes at login' },
    ];
    const top = topCategories(countCategories(items), 3);
    expect(top[0]?.category.id).toBe('billing');
    expect(top[0]?.itemIds).toEqual(['a', 'b']);
    // one mention is below the minimum support of two
    expect(top.map((c) => c.category.id)).not.toContain('digital');
  });
});
