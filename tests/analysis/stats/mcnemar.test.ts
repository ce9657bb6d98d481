import { describe, expect, it } from 'vitest';
import { mcnemarExact, signTest } from '../../../src/analysis/stats/mcnemar.js';

describe('exact McNemar / sign test', () => {
  it('b = 2, c = 8 gives p = 2 * 56/1024', () => {
    expect(mcnemarExact(2, 8).p).toBeCloseTo(112 / 1024, 14);
    expect(mcnemarExact(5, 5).p).toBe(1);
    expect(mcnemarExact(0, 0).p).toBe(1);
  });
  it('sign test drops ties', () => {
    const r = signTest([1, 2, 0, 3, -1, 0.5, 2, 4, 1, 1, 2]);
    expect([r.b, r.c]).toEqual([9, 1]);
    expect(r.p).toBeCloseTo((2 * 11) / 1024, 14);
  });
});
