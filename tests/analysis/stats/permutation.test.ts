import { describe, expect, it } from 'vitest';
import { signFlipTest } from '../../../src/analysis/stats/permutation.js';
import { mulberry32 } from '../../../src/analysis/stats/prng.js';

describe('sign-flip permutation test', () => {
  it('enumerates exactly when 2^n <= B: ten positive differences give 2/1024', () => {
    const r = signFlipTest(Array.from({ length: 10 }, (_, i) => i + 1), 2000, mulberry32(3));
    expect(r.exact).toBe(true);
    expect(r.p).toBeCloseTo(2 / 1024, 14);
  });
  it('Monte Carlo is seeded and near the truth', () => {
    const d = Array.from({ length: 16 }, (_, i) => (i % 3 === 0 ? -1 : 1) * (i + 1) * 0.1);
    const a = signFlipTest(d, 20_000, mulberry32(5));
    const b = signFlipTest(d, 20_000, mulberry32(5));
    const exact = signFlipTest(d, 2 ** 16, mulberry32(0));
    expect(a.exact).toBe(false);
    expect(a.p).toBe(b.p);
    expect(exact.exact).toBe(true);
    expect(Math.abs(a.p - exact.p)).toBeLessThan(0.01);
  });
});
