import { describe, expect, it } from 'vitest';
import { adverseImpactRatio } from '../../../src/analysis/stats/air.js';
import { mcnemarExact, signTest } from '../../../src/analysis/stats/mcnemar.js';
import { benjaminiHochberg, holm } from '../../../src/analysis/stats/multiplicity.js';
import { pairedDifference } from '../../../src/analysis/stats/paired.js';
import { meanPassHatK, passHatK } from '../../../src/analysis/stats/pass-k.js';
import { signFlipTest } from '../../../src/analysis/stats/permutation.js';
import { mulberry32 } from '../../../src/analysis/stats/prng.js';
import { pairedSampleSize } from '../../../src/analysis/stats/sample-size.js';
import { tost } from '../../../src/analysis/stats/tost.js';
import { wilcoxonSignedRank } from '../../../src/analysis/stats/wilcoxon.js';

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
  it('needs two differences; constant differences are exact', () => {
    expect(pairedDifference([1])).toBeNull();
    expect(pairedDifference([0, 0, 0])?.p).toBe(1);
    expect(pairedDifference([2, 2])?.p).toBe(0);
  });
});

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

describe('Wilcoxon signed-rank', () => {
  it('exact: d = (1.5, -0.5, 2, 3, -1, 4) gives W+ = 18 and p = 10/64', () => {
    // ranks of |d|: 0.5->1, 1->2, 1.5->3, 2->4, 3->5, 4->6; W- = 1 + 2 = 3; subsets of {1..6} with sum <= 3: 5 of 64
    const r = wilcoxonSignedRank([1.5, -0.5, 2, 3, -1, 4]);
    expect(r.method).toBe('exact');
    expect(r.wPlus).toBe(18);
    expect(r.wMinus).toBe(3);
    expect(r.p).toBeCloseTo(10 / 64, 14);
  });
  it('ties use the corrected normal approximation (hand computation)', () => {
    // d = (1, 1, -1, 2, 2, 2, 3, 0): zero dropped, n = 7; |d| ranks: 1,1,1 -> 2; 2,2,2 -> 5; 3 -> 7
    // W+ = 2 + 2 + 5 * 3 + 7 = 26; mu = 14; var = 7*8*15/24 - (24 + 24)/48 = 35 - 1 = 34
    const r = wilcoxonSignedRank([1, 1, -1, 2, 2, 2, 3, 0]);
    expect(r.method).toBe('normal');
    expect(r.n).toBe(7);
    expect(r.wPlus).toBe(26);
    const z = (26 - 14 - 0.5) / Math.sqrt(34);
    expect(r.p).toBeCloseTo(0.0485, 3);
    expect(z).toBeCloseTo(1.9722, 3);
  });
  it('all zero differences give p = 1', () => expect(wilcoxonSignedRank([0, 0]).p).toBe(1));
});

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

describe('Holm and Benjamini-Hochberg', () => {
  it('adjust a known vector', () => {
    const p = [0.01, 0.04, 0.03, 0.005];
    const h = holm(p);
    expect(h[0]).toBeCloseTo(0.03, 14);
    expect(h[1]).toBeCloseTo(0.06, 14);
    expect(h[2]).toBeCloseTo(0.06, 14);
    expect(h[3]).toBeCloseTo(0.02, 14);
    const q = benjaminiHochberg(p);
    expect(q[0]).toBeCloseTo(0.02, 14);
    expect(q[1]).toBeCloseTo(0.04, 14);
    expect(q[2]).toBeCloseTo(0.04, 14);
    expect(q[3]).toBeCloseTo(0.02, 14);
  });
  it('skips nulls and caps at 1', () => {
    expect(holm([0.5, null, 0.6])).toEqual([1, null, 1]);
    expect(benjaminiHochberg([null])).toEqual([null]);
  });
});

describe('TOST', () => {
  it('90% CI inside the margin means equivalent', () => {
    const r = tost({ mean: 0.1, se: 0.2, df: 20, margin: 1 });
    expect(r.equivalent).toBe(true);
    expect(r.ciLow).toBeCloseTo(0.1 - 1.724718242920787 * 0.2, 8);
    expect(r.p).toBeLessThan(0.05);
  });
  it('a gap near the margin is not equivalent, and untestable input gives null', () => {
    expect(tost({ mean: 0.8, se: 0.2, df: 20, margin: 1 }).equivalent).toBe(false);
    expect(tost({ mean: 0, se: null, df: 20, margin: 1 }).equivalent).toBeNull();
    expect(tost({ mean: 0, se: 0.1, df: 20, margin: null }).equivalent).toBeNull();
  });
});

describe('adverse impact ratio', () => {
  it('flags below four fifths', () => {
    expect(adverseImpactRatio(0.3, 0.5)).toEqual({ ratio: 0.6, flagged: true });
    expect(adverseImpactRatio(0.45, 0.5).flagged).toBe(false);
    expect(adverseImpactRatio(0.2, 0).ratio).toBeNull();
  });
});

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

describe('paired sample size', () => {
  it('sd 3, delta 1, alpha 0.05, power 0.8 needs 71 scenarios (methods.md 2.4)', () => {
    expect(pairedSampleSize({ sd: 3, delta: 1 })).toBe(71);
    expect(pairedSampleSize({ sd: 1, delta: 1, power: 0.9 })).toBe(11); // (1.96 + 1.2816)^2 = 10.51
  });
});
