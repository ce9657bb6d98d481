import { describe, expect, it } from 'vitest';
import { checkPowerBySimulation } from '../../../src/analysis/power.js';
import { minimumDetectable, pairedSampleSize } from '../../../src/analysis/stats/sample-size.js';

describe('paired sample size from the t test the report runs (methods.md 5.6)', () => {
  it('sd 3, delta 1, alpha 0.05, power 0.8 needs 73 scenarios (the z formula said 71)', () => {
    expect(pairedSampleSize({ sd: 3, delta: 1 })).toBe(73);
    expect(pairedSampleSize({ sd: 1, delta: 1, power: 0.9 })).toBe(13); // z formula: 11
  });
  it('is the smallest n that reaches the target power, by simulation', () => {
    for (const [sd, delta, alpha] of [[1, 1, 0.05], [3, 1, 0.05], [1, 1, 0.05 / 30]] as const) {
      const n = pairedSampleSize({ sd, delta, alpha });
      expect(checkPowerBySimulation({ n, sd, delta, alpha, reps: 3000, seed: 5 })).toBeGreaterThan(0.78);
      expect(checkPowerBySimulation({ n: n - 2, sd, delta, alpha, reps: 3000, seed: 6 })).toBeLessThan(0.8);
    }
  });
  it('the minimum detectable gap inverts it', () => {
    const n = pairedSampleSize({ sd: 2, delta: 1 });
    expect(minimumDetectable({ se: 2 / Math.sqrt(n), df: n - 1 })!).toBeLessThanOrEqual(1);
    expect(minimumDetectable({ se: 2 / Math.sqrt(n - 1), df: n - 2 })!).toBeGreaterThan(1);
  });
});
