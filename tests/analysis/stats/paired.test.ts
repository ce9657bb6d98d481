import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../../src/analysis/stats/paired.js';

describe('pairedDifference', () => {
  it('Student sleep data (Cushny & Peebles): t = -4.0621, df = 9, p = 0.002833', () => {
    // per-patient differences drug 1 - drug 2, the classic paired t-test example
    const d = [-1.2, -2.4, -1.3, -1.3, 0, -1, -1.8, -0.8, -4.6, -1.4];
    const r = pairedDifference(d)!;
    expect(r.mean).toBeCloseTo(-1.58, 12);
    expect(r.t).toBeCloseTo(-4.0621, 3);
    expect(r.df).toBe(9);
    expect(r.p).toBeCloseTo(0.002833, 5);
    expect(r.ciLow).toBeCloseTo(-2.4598858, 5);
    expect(r.ciHigh).toBeCloseTo(-0.7001142, 5);
  });
  it('no interval below four scenarios; constant differences get the exact sign-flip p, never 0', () => {
    expect(pairedDifference([])).toBeNull();
    const one = pairedDifference([1])!;
    expect(one.p).toBe(1);
    expect(one.ciLow).toBeNull();
    expect(pairedDifference([0, 0, 0])?.p).toBe(1);
    const two = pairedDifference([1, 1])!;
    expect(two.p).toBe(0.5);
    expect(two.test).toBe('too-few-scenarios');
    expect(two.ciLow).toBeNull();
    const six = pairedDifference([2, 2, 2, 2, 2, 2])!;
    expect(six.test).toBe('sign-flip-exact');
    expect(six.p).toBe(2 / 64);
    expect(six.ciLow).toBeNull();
    expect(pairedDifference(Array.from({ length: 30 }, () => -1))!.p).toBe(2 ** -29);
  });
});
