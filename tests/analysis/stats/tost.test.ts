import { describe, expect, it } from 'vitest';
import { tost } from '../../../src/analysis/stats/tost.js';

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

describe('TOST never proves equivalence from nothing', () => {
  it('zero spread or fewer than four scenarios is not testable, with the reason', () => {
    const zero = tost({ mean: 0, se: 0, df: 5, margin: 1, n: 6 });
    expect(zero.equivalent).toBeNull();
    expect(zero.p).toBeNull();
    expect(zero.reason).toMatch(/zero spread/);
    const few = tost({ mean: 0, se: 0.01, df: 1, margin: 1, n: 2 });
    expect(few.equivalent).toBeNull();
    expect(few.reason).toMatch(/too few scenarios/);
  });
});
