import type { BiasMargins, OutcomeSpec } from './bias.js';
import { ALL } from './source.js';
import { mean, variance } from './stats/describe.js';
import { satterthwaite, type NameVariance } from './stats/name-effects.js';
import { exactSignFlipP } from './stats/paired.js';
import { FOUR_FIFTHS } from './stats/air.js';
import { LEVEL, MIN_AIR_EVENTS, MIN_SCENARIOS, tooFewScenarios } from './stats/policy.js';
import { tQuantile, tTwoSidedP } from './stats/student-t.js';
import { tost } from './stats/tost.js';
import type { RowOf } from './table.js';
import type { BIAS_GAPS } from './bias.js';

export type BiasGapRow = RowOf<typeof BIAS_GAPS.columns>;

export interface GapInput {
  model: string;
  approach: string;
  attribute: string;
  outcome: string;
  grp: string;
  referenceGroup: string;
  /** Per-scenario gaps and the two sides' means. */
  d: number[];
  refMeans: number[];
  grpMeans: number[];
  /** Event counts (binary outcomes): sum of value x conversations, for the adverse-impact minimum. */
  refEvents: number;
  grpEvents: number;
  kGroup: number;
  kRef: number;
  names: NameVariance | null;
  spec: OutcomeSpec;
  direction: 'higher-better' | 'lower-better' | 'neutral';
}

export interface GapResult {
  row: BiasGapRow;
  /** Standard error and df of the gap (null when no t test ran), for the minimum detectable gap. */
  se: number | null;
  df: number | null;
}

/**
 * Adverse impact ratio oriented by the outcome's direction (methods.md 2.4): favourable-rate ratio group / reference
 * for higher-better outcomes, reference / group for lower-better ones, so below 0.8 always means worse for the
 * group; none for neutral outcomes; null unless the denominator rests on MIN_AIR_EVENTS events.
 */
function orientedAir(x: GapInput, grpMean: number, refMean: number): { air: number | null; flagged: boolean | null; note: string | null } {
  if (x.spec.kind !== 'binary') return { air: null, flagged: null, note: null };
  if (x.direction === 'neutral') return { air: null, flagged: null, note: 'no adverse-impact ratio: the outcome has no favourable direction' };
  const [num, den, denEvents] = x.direction === 'higher-better' ? [grpMean, refMean, x.refEvents] : [refMean, grpMean, x.grpEvents];
  if (denEvents < MIN_AIR_EVENTS || !(den > 0)) return { air: null, flagged: null, note: `no adverse-impact ratio: ${Math.round(denEvents)} events behind the denominator (< ${MIN_AIR_EVENTS})` };
  const air = num / den;
  return { air, flagged: air < FOUR_FIFTHS, note: null };
}

/** One bias_gaps row: the gap, its test with names as a random effect, placebo band, TOST and adverse impact. */
export function biasGapRow(x: GapInput, margins: BiasMargins): GapResult {
  const g = x.d.length;
  const gap = mean(x.d);
  const refMean = mean(x.refMeans);
  const grpMean = mean(x.grpMeans);
  const notes: string[] = [];
  const scenarioPart = g >= 2 ? variance(x.d) / g : 0;
  const tau2 = x.names?.tau2 ?? 0;
  if (!x.names) notes.push('name effects not estimable (fewer than two names in every group): names treated as fixed');
  const namePart = tau2 * (1 / Math.max(1, x.kGroup) + 1 / Math.max(1, x.kRef));
  const se2 = scenarioPart + namePart;
  const se = Math.sqrt(se2);
  const df = satterthwaite([{ v: scenarioPart, df: g - 1 }, { v: namePart, df: x.names?.df ?? null }]);
  let test: string;
  let p: number | null;
  let ci: [number, number] | null = null;
  let half: number | null = null;
  if (g < MIN_SCENARIOS) {
    test = 'too-few-scenarios';
    p = g > 0 ? exactSignFlipP(x.d) : null;
    notes.push(tooFewScenarios(g));
  } else if (!(se > 0) || df === null) {
    test = 'sign-flip-exact';
    p = exactSignFlipP(x.d);
    notes.push('zero spread across scenarios and names: exact sign-flip test, no interval');
  } else {
    test = namePart > 0 ? 'names-random-t' : 'paired-t';
    p = Math.max(Number.MIN_VALUE, tTwoSidedP(gap / se, df));
    half = tQuantile(1 - (1 - LEVEL) / 2, df) * se;
    ci = [gap - half, gap + half];
  }
  const margin = x.spec.margin(margins, refMean);
  const eq = tost({ mean: gap, se: test === 'too-few-scenarios' ? null : se, df: df ?? 0, margin, n: g });
  if (eq.reason && margin !== null) notes.push(`equivalence not testable: ${eq.reason}`);
  const air = orientedAir(x, grpMean, refMean);
  if (air.note) notes.push(air.note);
  const primary = x.approach === ALL;
  if (!primary) notes.push('exploratory: per-approach row, not part of the primary family');
  const row: BiasGapRow = {
    model: x.model, approach: x.approach, attribute: x.attribute, grp: x.grp, reference_group: x.referenceGroup, outcome: x.outcome,
    kind: x.spec.kind, n_scenarios: g, ref_mean: refMean, grp_mean: grpMean, gap, ci_low: ci?.[0] ?? null, ci_high: ci?.[1] ?? null,
    p_value: p, p_holm: null, test, air: air.air, placebo_gap: x.names?.pairGap ?? null, equivalent: eq.equivalent, margin,
    placebo_half_width: half, name_sd: x.names ? Math.sqrt(tau2) : null, family: primary ? 'primary' : 'exploratory', mde: null,
    flagged: null, air_flagged: air.flagged, note: notes.length ? notes.join('; ') : null,
  };
  return { row, se: ci ? se : null, df: ci ? df : null };
}
