import { describe, expect, it } from 'vitest';
import { adviseSampleSize, decomposeGapVariance } from '../../src/analysis/power.js';
import { mulberry32 } from '../../src/analysis/stats/prng.js';

describe('decomposeGapVariance', () => {
  it('splits a hand example into between and within', () => {
    // within: each scenario's two epochs differ by 2 -> variance 2; scenario means 2, 6, 3 -> variance 13/3
    const v = decomposeGapVariance([[1, 3], [5, 7], [2, 4]])!;
    expect(v.within).toBeCloseTo(2, 12);
    expect(v.epochs).toBe(2);
    expect(v.between).toBeCloseTo(13 / 3 - 1, 12);
    expect(v.nScenarios).toBe(3);
  });

  it('recovers simulated components', () => {
    const r = mulberry32(11);
    const g = (): number => Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
    const gaps = Array.from({ length: 2000 }, () => {
      const mu = 1 * g(); // between variance 1
      return Array.from({ length: 4 }, () => mu + 2 * g()); // within variance 4
    });
    const v = decomposeGapVariance(gaps)!;
    expect(v.within!).toBeGreaterThan(3.7);
    expect(v.within!).toBeLessThan(4.3);
    expect(v.between).toBeGreaterThan(0.8);
    expect(v.between).toBeLessThan(1.2);
  });

  it('needs two scenarios; without repeated epochs the within part is unknown', () => {
    expect(decomposeGapVariance([[1, 2]])).toBeNull();
    expect(decomposeGapVariance([[1], [3]])?.within).toBeNull();
  });
});

describe('adviseSampleSize', () => {
  it('gives scenarios per epoch count from the components (80% power, alpha 0.05)', () => {
    const v = { between: 10 / 3, within: 2, epochs: 2, nScenarios: 3 };
    const advice = adviseSampleSize(v, 1, { epochs: [1, 2, 10] });
    // t-based (the z formula gave 42, 35, 28): K=1: sd = sqrt(16/3); K=2: sd = sqrt(13/3)
    expect(advice.map((a) => [a.epochs, a.scenarios])).toEqual([[1, 44], [2, 36], [10, 30]]);
    expect(advice[1]?.conversationsPerSide).toBe(72);
    expect(advice[0]?.sdScenario).toBeCloseTo(Math.sqrt(16 / 3), 12);
  });

  it('only advises for the pilot K when the within part is unknown', () => {
    const advice = adviseSampleSize({ between: 9, within: null, epochs: 1, nScenarios: 10 }, 1);
    expect(advice).toEqual([{ epochs: 1, sdScenario: 3, scenarios: 73, conversationsPerSide: 73 }]);
  });
});
