import { describe, expect, it } from 'vitest';
import { mean, quantileSorted, variance } from '../../../src/analysis/stats/describe.js';

describe('descriptives', () => {
  it('mean, sample variance, type-7 quantile', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10, 20, 30], 0.25)).toBe(15);
  });
});
