import { estimateMetric } from '../estimate.js';
import { roiFigures, type Component } from '../roi-figures.js';
import { mean } from '../stats/describe.js';
import type { ClusterEstimate } from '../stats/cluster-interval.js';
import { pairedDifference } from '../stats/paired.js';
import { mulberry32, type Rng } from '../stats/prng.js';
import { binaryStudy, gaussian, lognormalStudy, lognormalTruth, normalStudy, type Study, type StudyShape } from '../stats/simulate.js';
import { RoiInputsSchema } from '../../schema/config.js';

/**
 * Coverage of every interval type the report prints (methods.md 5.9): seeded simulated studies of G scenarios with
 * 4-16 conversations each and intra-scenario correlation 0.3, run through the same functions the analysis uses.
 */
export const ICC = 0.3;
export const COST_LOG_SD = 1;
const shape = (g: number): StudyShape => ({ scenarios: g, sizeMin: 4, sizeMax: 16, icc: ICC });
const sums = (st: Study) => st.map((c) => ({ sum: c.reduce((s, x) => s + x, 0), n: c.length }));
const ROI_INPUTS = RoiInputsSchema.parse({});

interface Draw {
  low: number | null;
  high: number | null;
  truth: number;
}
export interface CoverageCase {
  id: string;
  /** The ci_method / column the case stands for. */
  interval: string;
  draw: (rng: Rng, g: number) => Draw;
}

const fromEstimate = (e: ClusterEstimate | null, truth: number): Draw => ({ low: e?.ciLow ?? null, high: e?.ciHigh ?? null, truth });
const component = (e: ClusterEstimate | null): Component => (e && e.ciLow !== null && e.ciHigh !== null ? { est: { value: e.mean, low: e.ciLow, high: e.ciHigh }, why: null } : { est: null, why: 'no interval' });

const rate = (p: number): CoverageCase => ({
  id: `rate p=${p}`, interval: 'aggregates cluster-logit-t (clopper-pearson n = G if degenerate)',
  draw: (rng, g) => fromEstimate(estimateMetric(sums(binaryStudy(rng, shape(g), p)), 'rate'), p),
});

/** Paired resolution difference: both arms share the scenario (its difficulty moves both rates). */
function pairedRates(rng: Rng, g: number, pa: number, pb: number): Draw {
  const d: number[] = [];
  for (let s = 0; s < g; s++) {
    const shift = Math.sqrt(ICC) * gaussian(rng);
    const rateOf = (p: number): number => 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + 1.5 * shift)));
    const m = 4 + rng.int(13);
    const arm = (p: number): number => mean(Array.from({ length: m }, () => (rng.next() < rateOf(p) ? 1 : 0)));
    d.push(arm(pa) - arm(pb));
  }
  const r = pairedDifference(d);
  return { low: r?.ciLow ?? null, high: r?.ciHigh ?? null, truth: NaN };
}

export const COVERAGE_CASES: CoverageCase[] = [
  rate(0.5), rate(0.2), rate(0.05),
  { id: 'score (normal)', interval: 'aggregates cluster-t', draw: (rng, g) => fromEstimate(estimateMetric(sums(normalStudy(rng, shape(g))), 'mean'), 0) },
  {
    id: `cost (lognormal, log sd ${COST_LOG_SD})`, interval: 'aggregates cluster-log-t',
    draw: (rng, g) => fromEstimate(estimateMetric(sums(lognormalStudy(rng, shape(g), COST_LOG_SD)), 'skewed'), lognormalTruth(COST_LOG_SD)),
  },
  {
    id: 'paired difference (normal)', interval: 'comparisons paired-t',
    draw: (rng, g) => {
      const d = Array.from({ length: g }, () => 0.3 + gaussian(rng) * (1 + 0.5 * rng.next()));
      const r = pairedDifference(d);
      return { low: r?.ciLow ?? null, high: r?.ciHigh ?? null, truth: 0.3 };
    },
  },
  {
    id: 'paired resolution difference', interval: 'comparisons paired-t',
    // The truth of a paired logit-shift design is its expected difference; computed once by a large simulation below.
    draw: (rng, g) => ({ ...pairedRates(rng, g, 0.6, 0.3), truth: PAIRED_RATE_TRUTH }),
  },
  {
    id: 'ROI monthly saving', interval: 'roi savings (MOVER)',
    draw: (rng, g) => {
      const { r, p, c, truth } = roiStudy(rng, g);
      const f = roiFigures(ROI_INPUTS, component(r), component(p), component(c));
      return { low: f.savings_ci_low, high: f.savings_ci_high, truth: truth.savings };
    },
  },
  {
    id: 'cost per resolved conversation', interval: 'roi cost_per_resolved (MOVER, log)',
    draw: (rng, g) => {
      const { r, p, c, truth } = roiStudy(rng, g);
      const f = roiFigures(ROI_INPUTS, component(r), component(p), component(c));
      return { low: f.cost_per_resolved_ci_low, high: f.cost_per_resolved_ci_high ?? (f.cost_per_resolved_ci_low !== null ? Infinity : null), truth: truth.costPerResolved };
    },
  },
];

/** Expected difference of the paired design above (logit shift of sd 1.5 sqrt(ICC)), by 2 million seeded draws. */
export const PAIRED_RATE_TRUTH = ((): number => {
  const rng = mulberry32(424242);
  let s = 0;
  const n = 200_000;
  for (let i = 0; i < n; i++) {
    const shift = 1.5 * Math.sqrt(ICC) * gaussian(rng);
    const at = (p: number): number => 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + shift)));
    s += at(0.6) - at(0.3);
  }
  return s / n;
})();

/** Resolution p = 0.5, critical failures p = 0.02, lognormal agent cost: the three ROI inputs with their truths. */
function roiStudy(rng: Rng, g: number) {
  const r = estimateMetric(sums(binaryStudy(rng, shape(g), 0.5)), 'rate');
  const p = estimateMetric(sums(binaryStudy(rng, shape(g), 0.02)), 'rate');
  const c = estimateMetric(sums(lognormalStudy(rng, shape(g), COST_LOG_SD)), 'skewed');
  const { contactsPerMonth: V, humanCostPerContact: h, escalationCost: hEsc, fixedMonthlyCost: F, costPerCriticalFailure: L, fieldRealism: fr } = ROI_INPUTS;
  const cost = lognormalTruth(COST_LOG_SD);
  return { r, p, c, truth: { savings: V * h - (V * cost + V * (1 - fr * 0.5) * hEsc + F + V * 0.02 * L), costPerResolved: cost / 0.5 } };
}

export interface CoverageResult {
  id: string;
  interval: string;
  scenarios: number;
  reps: number;
  coverage: number;
  /** Share of studies with no interval (never expected at G >= 4). */
  missing: number;
  missLow: number;
  missHigh: number;
}

export function measureCoverage(c: CoverageCase, g: number, reps: number, seed: number): CoverageResult {
  const rng = mulberry32(seed);
  let covered = 0;
  let missing = 0;
  let low = 0;
  let high = 0;
  for (let i = 0; i < reps; i++) {
    const d = c.draw(rng, g);
    if (d.low === null || d.high === null) missing++;
    else if (d.truth < d.low) low++;
    else if (d.truth > d.high) high++;
    else covered++;
  }
  return { id: c.id, interval: c.interval, scenarios: g, reps, coverage: covered / reps, missing: missing / reps, missLow: low / reps, missHigh: high / reps };
}
