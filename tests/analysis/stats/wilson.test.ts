import { describe, expect, it } from 'vitest';
import { wilson } from '../../../src/analysis/stats/wilson.js';

describe('wilson', () => {
  it('8/10 at 95% is [0.4902, 0.9433]', () => {
    const w = wilson(0.8, 10)!;
    expect(w.low).toBeCloseTo(0.4902, 4);
    expect(w.high).toBeCloseTo(0.9433, 4);
  });
  it('0/20 upper bound is near the rule of three and the lower bound is 0', () => {
    const w = wilson(0, 20)!;
    expect(w.low).toBeCloseTo(0, 12);
    expect(w.high).toBeCloseTo(0.1611, 4);
  });
  it('rejects empty samples', () => expect(wilson(0.5, 0)).toBeNull());
});
