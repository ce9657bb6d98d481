import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../../../src/analysis/stats/binomial.js';

describe('binomial', () => {
  it('CDF of Binomial(10, 1/2) at 2 is 56/1024', () => {
    expect(binomialCdf(2, 10, 0.5)).toBeCloseTo(56 / 1024, 14);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
    expect(binomialCdf(0, 3, 0.2)).toBeCloseTo(0.512, 14);
  });
});
