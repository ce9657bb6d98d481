import { describe, expect, it } from 'vitest';
import { unpairedDifference } from '../../../src/analysis/stats/unpaired.js';
import { tQuantile, tTwoSidedP } from '../../../src/analysis/stats/student-t.js';

/** Brute-force two-sample permutation p on |mean(b) - mean(a)| over every split of the pooled values. */
function bruteForce(a: number[], b: number[]): number {
  const all = [...a, ...b];
  const n = all.length;
  const observed = Math.abs(b.reduce((s, x) => s + x, 0) / b.length - a.reduce((s, x) => s + x, 0) / a.length);
  let extreme = 0;
  let total = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let ka = 0;
    let sa = 0;
    let sb = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) { ka++; sa += all[i]!; } else sb += all[i]!;
    if (ka !== a.length) continue;
    total++;
    if (Math.abs(sb / b.length - sa / a.length) >= observed - 1e-12) extreme++;
  }
  return extreme / total;
}

describe('unpairedDifference (methods.md 5.2, two runs)', () => {
  it('Welch t with Satterthwaite df: equal sizes and spreads give the pooled t with 2(G - 1) df', () => {
    const a = [1, 2, 3, 4, 5];
    const b = [3, 4, 5, 6, 7];
    const r = unpairedDifference(a, b)!;
    expect(r.test).toBe('welch-t');
    expect(r.delta).toBe(2);
    expect(r.df).toBeCloseTo(8, 12);
    expect(r.se).toBeCloseTo(1, 12);
    expect(r.p).toBeCloseTo(tTwoSidedP(2, 8), 12);
    expect(r.ciLow).toBeCloseTo(2 - tQuantile(0.975, 8), 10);
  });

  it('one side without spread: the df are the other side\'s G - 1', () => {
    const r = unpairedDifference([2, 2, 2, 2], [1, 2, 3, 4, 5, 6])!;
    expect(r.df).toBeCloseTo(5, 12);
  });

  it('no spread on either side: the exact permutation p, equal to brute force; no interval', () => {
    for (const [na, nb] of [[4, 4], [4, 5], [5, 7]] as const) {
      const a = Array(na).fill(0.25);
      const b = Array(nb).fill(0.75);
      const r = unpairedDifference(a, b)!;
      expect(r.test).toBe('permutation-exact');
      expect(r.ciLow).toBeNull();
      expect(r.p).toBeCloseTo(bruteForce(a, b), 12);
    }
    expect(unpairedDifference([1, 1, 1, 1], [1, 1, 1, 1])!.p).toBe(1);
  });

  it('below 4 scenarios on either side: no interval and no test', () => {
    const r = unpairedDifference([1, 2, 3], [5, 6, 7, 8])!;
    expect([r.test, r.p, r.ciLow, r.ciHigh]).toEqual(['too-few-scenarios', null, null, null]);
    expect(r.delta).toBeCloseTo(4.5, 12);
    expect(unpairedDifference([], [1])).toBeNull();
  });
});
