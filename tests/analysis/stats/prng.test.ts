import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, rngFor } from '../../../src/analysis/stats/prng.js';

describe('mulberry32', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(a.seed).toBe(42);
  });

  it('is roughly uniform on [0, 1) (chi-square over 10 bins)', () => {
    const r = mulberry32(7);
    const bins = new Array<number>(10).fill(0);
    const N = 100_000;
    let min = 1;
    let max = 0;
    for (let i = 0; i < N; i++) {
      const x = r.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      bins[Math.floor(x * 10)]!++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    const chi2 = bins.reduce((s, o) => s + (o - N / 10) ** 2 / (N / 10), 0);
    expect(chi2).toBeLessThan(27.88); // 0.999 quantile of chi-square(9)
  });

  it('int(n) covers 0..n-1', () => {
    const r = mulberry32(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(5));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('derives distinct, stable streams per key', () => {
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'));
    expect(rngFor(5, 'k').next()).toBe(rngFor(5, 'k').next());
  });
});
