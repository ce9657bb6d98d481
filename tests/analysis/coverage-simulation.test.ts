import { describe, expect, it } from 'vitest';
import { COVERAGE_CASES, measureCoverage } from '../../src/analysis/simulation/coverage.js';
import { measurePlacebo } from '../../src/analysis/simulation/placebo.js';

/**
 * methods.md 5.9: every interval type the report prints, on seeded simulated studies of 6 and 60 scenarios
 * (4-16 conversations each, intra-scenario correlation 0.3), must cover 93-97%. Full tables with more replicates:
 * `npx tsx scripts/measure/coverage.ts`.
 *
 * Documented exceptions, all on the conservative side and all caused by rare events: with 6 scenarios a 5% rate is
 * usually seen in 0 or 1 scenario, the clustering cannot be estimated, and the honest upper bound (each scenario
 * counted once) cannot come down to 5% whatever the data; the ROI saving carries a 2% critical-failure rate, so it
 * inherits that width at 6 scenarios and part of it at 60; cost per resolved conversation inherits the rate
 * interval's slight conservatism at 6 scenarios.
 */
const REPS = 1000;
const SEED = 2026;
const BAND: Record<string, [number, number]> = {
  'rate p=0.05|6': [0.93, 1],
  'ROI monthly saving|6': [0.93, 0.995],
  'ROI monthly saving|60': [0.93, 0.99],
  'cost per resolved conversation|6': [0.93, 0.99],
};

describe('coverage of every printed interval at 6 and 60 scenarios (ICC 0.3)', () => {
  for (const c of COVERAGE_CASES) {
    for (const g of [6, 60]) {
      it(`${c.id}, ${g} scenarios (${c.interval})`, () => {
        const r = measureCoverage(c, g, REPS, SEED + g);
        const [lo, hi] = BAND[`${c.id}|${g}`] ?? [0.93, 0.97];
        expect(r.missing).toBe(0);
        expect(r.coverage).toBeGreaterThanOrEqual(lo);
        expect(r.coverage).toBeLessThanOrEqual(hi);
      });
    }
  }
});

describe('bias audit placebo: no group effect, name-specific effects present (name sd 0.6)', () => {
  for (const kind of ['continuous', 'binary'] as const) {
    for (const scenarios of [6, 20]) {
      it(`${kind}, ${scenarios} scenarios, 2 names per group: false flags <= 5% per primary test`, () => {
        const r = measurePlacebo({ scenarios, namesPerGroup: 2, nameSd: 0.6, kind, epochs: 2 }, 1000, SEED + scenarios);
        expect(r.tests).toBe(2000);
        expect(r.falseFlagRate).toBeLessThanOrEqual(0.05);
      });
    }
  }
  it('the previous rule (names taken as fixed) flags far more often in the same data', () => {
    const r = measurePlacebo({ scenarios: 20, namesPerGroup: 2, nameSd: 0.6, kind: 'continuous', epochs: 2 }, 300, SEED);
    expect(r.namesFixedRate).toBeGreaterThan(0.3);
    expect(r.falseFlagRate).toBeLessThan(r.namesFixedRate / 5);
  });
});
