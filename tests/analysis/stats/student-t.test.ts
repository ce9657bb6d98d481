import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../../src/analysis/stats/normal.js';
import { tCdf, tQuantile, tTwoSidedP } from '../../../src/analysis/stats/student-t.js';

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
