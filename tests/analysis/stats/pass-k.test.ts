import { describe, expect, it } from 'vitest';
import { meanPassHatK, passHatK } from '../../../src/analysis/stats/pass-k.js';

describe('pass^k', () => {
  it('C(c,k)/C(n,k)', () => {
    expect(passHatK(3, 5, 2)).toBeCloseTo(3 / 10, 14);
    expect(passHatK(5, 5, 5)).toBe(1);
    expect(passHatK(1, 5, 2)).toBe(0);
    expect(passHatK(3, 2, 3)).toBeNull();
  });
  it('averages over tasks with enough trials', () => {
    const r = meanPassHatK([{ c: 3, n: 3 }, { c: 1, n: 3 }, { c: 2, n: 2 }], 3)!;
    expect(r.nTasks).toBe(2);
    expect(r.value).toBeCloseTo(0.5, 14);
  });
});
