import { describe, expect, it } from 'vitest';
import { moverLinear, moverLogRatio, moverRatio } from '../../../src/analysis/stats/mover.js';

describe('MOVER (methods.md 6.3)', () => {
  it('a difference of two symmetric intervals is the root of summed squared half-widths', () => {
    const d = moverLinear([{ w: 1, est: { value: 5, low: 3, high: 7 } }, { w: -1, est: { value: 2, low: 1.5, high: 2.5 } }]);
    expect(d.value).toBe(3);
    expect(d.low).toBeCloseTo(3 - Math.hypot(2, 0.5), 12);
    expect(d.high).toBeCloseTo(3 + Math.hypot(2, 0.5), 12);
  });
  it('keeps a component asymmetric: a rate of 0 with an upper bound widens only the side it can move', () => {
    const s = moverLinear([{ w: -100, est: { value: 0, low: 0, high: 0.05 } }], 10);
    expect(s.high).toBe(10);
    expect(s.low).toBeCloseTo(5, 12);
  });
  it('ratios: exact when the denominator is certain, unbounded when it reaches 0', () => {
    const r = moverRatio({ value: 4, low: 2, high: 6 }, { value: 2, low: 2, high: 2 })!;
    expect(r.low).toBeCloseTo(1, 12);
    expect(r.high).toBeCloseTo(3, 12);
    const l = moverLogRatio({ value: 1, low: 0.5, high: 2 }, { value: 0.5, low: 0, high: 0.9 })!;
    expect(l.high).toBe(Infinity);
    expect(l.low).toBeGreaterThan(0);
    expect(moverLogRatio({ value: 0, low: 0, high: 0 }, { value: 0.5, low: 0.3, high: 0.7 })).toEqual({ value: 0, low: 0, high: 0 });
  });
});
