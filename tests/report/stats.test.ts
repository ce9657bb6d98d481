import { describe, expect, test } from 'vitest';
import { clusterMean, holm, incompleteBeta, tCritical, tTwoSidedP, zTwoSidedP } from '../../src/report/stats.js';

describe('distribution functions against textbook values', () => {
  test('incomplete beta edge and symmetric cases', () => {
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    // I_x(a,1) = x^a
    expect(incompleteBeta(0.4, 3, 1)).toBeCloseTo(0.064, 12);
  });
  test('Student t two-sided p-values and critical values', () => {
    expect(tTwoSidedP(2.228139, 10)).toBeCloseTo(0.05, 5);
    expect(tTwoSidedP(12.7062, 1)).toBeCloseTo(0.05, 4);
    expect(tTwoSidedP(0, 5)).toBeCloseTo(1, 12);
    expect(tCritical(4)).toBeCloseTo(2.776445, 4);
    expect(tCritical(30)).toBeCloseTo(2.042272, 4);
  });
  test('normal two-sided p-values', () => {
    expect(zTwoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(zTwoSidedP(0)).toBeCloseTo(1, 6);
    expect(zTwoSidedP(-3.290527)).toBeCloseTo(0.001, 6);
  });
});

describe('holm', () => {
  test('step-down with monotonicity, nulls ignored', () => {
    expect(holm([0.01, 0.04, null, 0.03])).toEqual([0.03, 0.06, null, 0.06]);
    expect(holm([0.5, 0.6])).toEqual([1, 1]);
    expect(holm([])).toEqual([]);
  });
});

describe('clusterMean', () => {
  test('CR1 standard error by hand', () => {
    // mean = 0.5; cluster residual sums: (1-.5)+(1-.5) = 1, (0-.5)+(0-.5) = -1 -> sumSq 2; G/(G-1) = 2; sqrt(4)/4 = 0.5
    expect(clusterMean([[1, 1], [0, 0]])).toEqual({ mean: 0.5, se: 0.5, n: 4, clusters: 2 });
  });
  test('one cluster has no standard error', () => {
    expect(clusterMean([[1, 0, 1]]).se).toBeNull();
  });
});
