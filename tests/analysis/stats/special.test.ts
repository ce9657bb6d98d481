import { describe, expect, it } from 'vitest';
import { logGamma, regIncBeta } from '../../../src/analysis/stats/special.js';

describe('special functions', () => {
  it('logGamma matches factorials and Gamma(1/2) = sqrt(pi)', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });
  it('regularised incomplete beta: I_x(1,1) = x, I_x(2,1) = x^2, symmetry', () => {
    expect(regIncBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regIncBeta(0.3, 2, 1)).toBeCloseTo(0.09, 12);
    expect(regIncBeta(0.7, 2.5, 3.5)).toBeCloseTo(1 - regIncBeta(0.3, 3.5, 2.5), 12);
  });
});
