import { describe, expect, it } from 'vitest';
import { krippendorffAlpha, newcombeDiff, weightedKappaQuadratic, wilson } from '../../../evaluators/judge/agreement.js';

// Krippendorff's reliability-data example: 4 observers x 12 units, values 1-5, '.' = missing.
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
const units = A.map((_, u) => [A[u]!, B[u]!, C[u]!, D[u]!]);

describe('Krippendorff alpha', () => {
  it('reproduces the classic 4 raters x 12 units example', () => {
    expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, 'interval')).toBeCloseTo(0.849, 3);
  });

  it('is 1 for perfect agreement, null when there is nothing to disagree about', () => {
    expect(krippendorffAlpha([[0, 0], [1, 1], [2, 2]], 'interval')).toBe(1);
    expect(krippendorffAlpha([[1, 1], [1, 1]], 'nominal')).toBeNull();
    expect(krippendorffAlpha([[1, null], [2, null]], 'nominal')).toBeNull();
  });
});

describe('quadratic weighted kappa', () => {
  it('matches the covariance identity 2cov / (var1 + var2 + (mean1 - mean2)^2)', () => {
    const pairs: [number, number][] = [[0, 0], [1, 1], [2, 1], [2, 2], [0, 1], [1, 0], [2, 2], [1, 2], [0, 0], [2, 0]];
    const n = pairs.length;
    const m1 = pairs.reduce((a, p) => a + p[0], 0) / n;
    const m2 = pairs.reduce((a, p) => a + p[1], 0) / n;
    const v1 = pairs.reduce((a, p) => a + (p[0] - m1) ** 2, 0) / n;
    const v2 = pairs.reduce((a, p) => a + (p[1] - m2) ** 2, 0) / n;
    const cov = pairs.reduce((a, p) => a + (p[0] - m1) * (p[1] - m2), 0) / n;
    expect(weightedKappaQuadratic(pairs)).toBeCloseTo((2 * cov) / (v1 + v2 + (m1 - m2) ** 2), 12);
  });

  it('is 1 on agreement, below 0 on systematic reversal, null when constant', () => {
    expect(weightedKappaQuadratic([[0, 0], [1, 1], [2, 2]])).toBe(1);
    expect(weightedKappaQuadratic([[0, 2], [1, 1], [2, 0]])!).toBeLessThan(0);
    expect(weightedKappaQuadratic([[1, 1], [1, 1]])).toBeNull();
  });
});

describe('intervals for group error parity', () => {
  it('Wilson contains the point estimate and narrows with n', () => {
    const [l, u] = wilson(5, 20, 1.645);
    expect(l).toBeLessThan(0.25);
    expect(u).toBeGreaterThan(0.25);
    const [l2, u2] = wilson(50, 200, 1.645);
    expect(u2 - l2).toBeLessThan(u - l);
  });

  it('Newcombe difference interval brackets p1 - p2', () => {
    const [lo, hi] = newcombeDiff(10, 50, 5, 50, 1.645);
    expect(lo).toBeLessThan(0.1);
    expect(hi).toBeGreaterThan(0.1);
    expect(lo).toBeGreaterThan(-0.1);
  });
});
