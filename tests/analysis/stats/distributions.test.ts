import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../../../src/analysis/stats/binomial.js';
import { normalCdf, normalQuantile } from '../../../src/analysis/stats/normal.js';
import { logGamma, regIncBeta } from '../../../src/analysis/stats/special.js';
import { tCdf, tQuantile, tTwoSidedP } from '../../../src/analysis/stats/student-t.js';

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

describe('normal distribution', () => {
  it('CDF at textbook points', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 14);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 12);
    expect(normalCdf(-6)).toBeCloseTo(9.865876450376946e-10, 18);
  });
  it('quantile (Acklam + Halley) inverts the CDF', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 10);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 10);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874040841, 10);
    expect(normalQuantile(1e-8)).toBeCloseTo(-5.612001244174789, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
  });
});

describe('Student t distribution', () => {
  it('df = 1 is Cauchy and df = 2 has a closed form', () => {
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(tCdf(-3, 1)).toBeCloseTo(0.5 + Math.atan(-3) / Math.PI, 12);
    for (const t of [-2.5, 0.3, 1.7]) expect(tCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 12);
  });
  it('matches t-table critical values', () => {
    expect(tTwoSidedP(2.228138851986274, 10)).toBeCloseTo(0.05, 9); // t_{0.975,10}
    expect(1 - tCdf(2.0150483733330233, 5)).toBeCloseTo(0.05, 9); // t_{0.95,5}
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 9);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.045229642132703, 9);
    expect(tQuantile(0.05, 5)).toBeCloseTo(-2.0150483733330233, 9);
  });
  it('approaches the normal as df grows', () => {
    expect(tCdf(1.96, 1e7)).toBeCloseTo(normalCdf(1.96), 6);
    expect(tCdf(1.96, Infinity)).toBe(normalCdf(1.96));
  });
});

describe('binomial', () => {
  it('CDF of Binomial(10, 1/2) at 2 is 56/1024', () => {
    expect(binomialCdf(2, 10, 0.5)).toBeCloseTo(56 / 1024, 14);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
    expect(binomialCdf(0, 3, 0.2)).toBeCloseTo(0.512, 14);
  });
});
