import { mean, variance } from './stats/describe.js';
import { pairedDifference } from './stats/paired.js';
import { MIN_SCENARIOS } from './stats/policy.js';
import { mulberry32 } from './stats/prng.js';
import { pairedSampleSize } from './stats/sample-size.js';
import { gaussian } from './stats/simulate.js';

/**
 * Sample-size advice for detecting a paired gap (methods.md 5.3, 5.6). The variance of a per-scenario gap averaged
 * over K epochs is between + within / K: `between` is the spread of the scenarios' true gaps (more epochs cannot
 * shrink it), `within` the epoch-to-epoch noise. Both are estimated from a pilot's gaps per scenario and epoch, then
 * the scenarios for each candidate K come from the paired t the report runs (stats/sample-size.ts), never fewer than
 * MIN_SCENARIOS, the least the report will test.
 */
export interface GapVariance {
  /** Variance of true per-scenario gaps (omega^2), floored at 0. */
  between: number;
  /** Pooled within-scenario variance of one epoch's gap; null if no scenario had two epochs. */
  within: number | null;
  /** Harmonic mean of epochs per scenario in the pilot. */
  epochs: number;
  nScenarios: number;
}

/** gaps[s][e] = the gap measured in scenario s at epoch e. */
export function decomposeGapVariance(gaps: readonly (readonly number[])[]): GapVariance | null {
  const used = gaps.filter((g) => g.length > 0);
  if (used.length < 2) return null;
  let ss = 0;
  let dof = 0;
  for (const g of used) {
    if (g.length < 2) continue;
    ss += variance(g) * (g.length - 1);
    dof += g.length - 1;
  }
  const within = dof > 0 ? ss / dof : null;
  const epochs = used.length / used.reduce((s, g) => s + 1 / g.length, 0);
  const varMeans = variance(used.map((g) => mean(g)));
  const between = Math.max(0, varMeans - (within ?? 0) / epochs);
  return { between, within, epochs, nScenarios: used.length };
}

export interface SampleSizeAdvice {
  epochs: number;
  /** SD of a per-scenario gap averaged over `epochs` epochs. */
  sdScenario: number;
  scenarios: number;
  /** scenarios x epochs, per persona variant and model: the conversations one side of the comparison costs. */
  conversationsPerSide: number;
}

export function adviseSampleSize(
  v: GapVariance,
  delta: number,
  opts: { alpha?: number; power?: number; epochs?: readonly number[] } = {},
): SampleSizeAdvice[] {
  // Without a within-scenario estimate the pilot's total variance is all we know: advise only for the pilot's K.
  const ks = v.within === null ? [Math.round(v.epochs)] : (opts.epochs ?? [1, 2, 3, 5, 10]);
  return ks.map((k) => {
    const sdScenario = Math.sqrt(v.between + (v.within ?? 0) / k);
    const scenarios = Math.max(MIN_SCENARIOS, pairedSampleSize({ sd: sdScenario, delta, alpha: opts.alpha ?? 0.05, power: opts.power ?? 0.8 }));
    return { epochs: k, sdScenario, scenarios, conversationsPerSide: scenarios * k };
  });
}

/**
 * Power of the report's paired test at n scenarios, by simulation (methods.md 5.6): normal per-scenario gaps with the
 * given mean and sd, tested exactly as src/analysis/comparisons.ts does. Seeded; used to check the advice above.
 */
export function checkPowerBySimulation(args: { n: number; sd: number; delta: number; alpha?: number; reps?: number; seed?: number }): number {
  const rng = mulberry32(args.seed ?? 1);
  const reps = args.reps ?? 2000;
  let hits = 0;
  for (let i = 0; i < reps; i++) {
    const d = Array.from({ length: args.n }, () => args.delta + args.sd * gaussian(rng));
    const r = pairedDifference(d);
    if (r && r.p < (args.alpha ?? 0.05)) hits++;
  }
  return hits / reps;
}
