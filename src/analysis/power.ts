import { mean, variance } from './stats/describe.js';
import { pairedSampleSize } from './stats/sample-size.js';

/**
 * Sample-size advice for detecting a paired gap (methods.md 5.3, 5.6). The variance of a per-scenario gap averaged
 * over K epochs is between + within / K: `between` is the spread of the scenarios' true gaps (more epochs cannot
 * shrink it), `within` the epoch-to-epoch noise. Both are estimated from a pilot's gaps per scenario and epoch, then
 * n scenarios = ((z_{1-alpha/2} + z_{power}) sd_K / delta)^2 for each candidate K.
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
    const scenarios = Math.max(2, pairedSampleSize({ sd: sdScenario, delta, alpha: opts.alpha ?? 0.05, power: opts.power ?? 0.8 }));
    return { epochs: k, sdScenario, scenarios, conversationsPerSide: scenarios * k };
  });
}
