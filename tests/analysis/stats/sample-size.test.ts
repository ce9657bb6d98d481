import { describe, expect, it } from 'vitest';
import { pairedSampleSize } from '../../../src/analysis/stats/sample-size.js';

describe('paired sample size', () => {
  it('sd 3, delta 1, alpha 0.05, power 0.8 needs 71 scenarios (methods.md 2.4)', () => {
    expect(pairedSampleSize({ sd: 3, delta: 1 })).toBe(71);
    expect(pairedSampleSize({ sd: 1, delta: 1, power: 0.9 })).toBe(11); // (1.96 + 1.2816)^2 = 10.51
  });
});
