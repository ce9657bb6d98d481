import { ALPHA, MIN_SCENARIOS } from '../analysis/stats/policy.js';
import { formatP } from '../render/format.js';
import type { Row } from '../render/query.js';
import { num, pp } from './decision-cells.js';

/**
 * The verdict column of the managers' table, worded from the paired comparison with the rules arm on the same
 * scenarios: the interval says which way, Holm (within metric, across approaches) says whether it holds up.
 */
export const VERDICT_KINDS = ['better', 'worse', 'no clear difference', 'too few scenarios', 'baseline', 'not compared'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];
export interface Verdict { kind: VerdictKind; text: string }

const holmText = (p: number | null): string => (p === null ? 'no test' : `Holm p ${p < 0.001 ? '< 0.001' : `= ${formatP(p)}`}`);

/**
 * Direction of a comparison a - b: 'a' when a is better, 'b' when b is better, null when it cannot say.
 * higher-better: a positive difference favours a; lower-better: a negative one.
 */
function favours(low: number, high: number, direction: string): 'a' | 'b' | null {
  const up = low > 0;
  const down = high < 0;
  if (!up && !down) return null;
  return (direction === 'lower-better') === down ? 'a' : 'b';
}

/** The resolution verdict of a model's row against the baseline (the rules arm unless it did not run). */
export function resolutionVerdict(c: Row | undefined, opts: { baseline: boolean; label?: string }): Verdict {
  const label = opts.label ?? 'rules';
  if (opts.baseline) return { kind: 'baseline', text: label === 'rules' ? 'baseline: the traditional rules arm' : `baseline: the traditional arm ${label}` };
  if (!c) return { kind: 'not compared', text: `not compared: no ${label === 'rules' ? 'rules arm' : label} on the same scenarios` };
  const n = num(c, 'n_pairs') ?? 0;
  const d = num(c, 'delta');
  const lo = num(c, 'ci_low');
  const hi = num(c, 'ci_high');
  const pHolm = num(c, 'p_holm');
  if (n < MIN_SCENARIOS || d === null) return { kind: 'too few scenarios', text: `too few scenarios: ${n} paired, ${MIN_SCENARIOS} needed` };
  if (lo === null || hi === null) {
    // No interval (every scenario moved the same way, or none moved): only the exact test can speak.
    if (pHolm !== null && pHolm < ALPHA && d !== 0) {
      return d > 0
        ? { kind: 'better', text: `better: ${pp(d)} in every paired scenario (exact test, ${holmText(pHolm)})` }
        : { kind: 'worse', text: `worse: ${pp(d)} in every paired scenario (exact test, ${holmText(pHolm)})` };
    }
    return { kind: 'too few scenarios', text: `too few scenarios: ${n} paired, no interval (${holmText(pHolm)})` };
  }
  const side = favours(lo, hi, 'higher-better');
  if (side === null) return { kind: 'no clear difference', text: 'no clear difference: the interval includes 0' };
  const word = side === 'a' ? 'better' : 'worse';
  if (pHolm === null || pHolm >= ALPHA) {
    return { kind: 'no clear difference', text: `no clear difference: not significant after Holm (${holmText(pHolm).replace('Holm ', '')})` };
  }
  return { kind: word, text: `${word}: resolves ${pp(d)} vs ${label} (${holmText(pHolm)})` };
}

/** A caveat on critical failures, only when the paired comparison says so after Holm. */
export function criticalCaveat(c: Row | undefined): string | null {
  const lo = num(c, 'ci_low');
  const hi = num(c, 'ci_high');
  const p = num(c, 'p_holm');
  if (!c || lo === null || hi === null || p === null || p >= ALPHA) return null;
  const side = favours(lo, hi, 'lower-better');
  if (side === null) return null;
  return `${side === 'a' ? 'fewer' : 'more'} critical failures (${pp(num(c, 'delta') ?? 0)}, ${holmText(p)})`;
}
