import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, holm } from '../../../src/analysis/stats/multiplicity.js';

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
