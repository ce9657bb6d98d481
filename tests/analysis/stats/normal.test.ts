import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../../src/analysis/stats/normal.js';

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
