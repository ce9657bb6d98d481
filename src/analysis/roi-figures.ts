import { moverLinear, moverLogRatio, moverRatio, type Estimate } from './stats/mover.js';
import type { RoiInputs } from '../schema/config.js';

/** One input of the ROI formula: its estimate with an interval, or why there is none (point: a value without interval). */
export interface Component {
  est: Estimate | null;
  why: string | null;
  point?: number;
  source?: string;
}

export interface RoiFigures {
  monthly_cost_human: number;
  monthly_cost_ai: number | null;
  monthly_savings: number | null;
  savings_ci_low: number | null;
  savings_ci_high: number | null;
  roi: number | null;
  roi_ci_low: number | null;
  roi_ci_high: number | null;
  break_even_resolution_rate: number | null;
  cost_per_resolved: number | null;
  cost_per_resolved_ci_low: number | null;
  cost_per_resolved_ci_high: number | null;
  note: string | null;
}

const pointOf = (c: Component): number | null => c.est?.value ?? c.point ?? null;

/**
 * The money figures of methods.md 6.3 from resolution r, critical failures p and agent cost c. Point figures need
 * the three points; intervals need the three intervals. savings = (V h - V h_esc - F) + V f h_esc r - V c - V L p is
 * linear, so its interval is MOVER-linear; ROI = savings / (V c + F) is MOVER-R; cost per resolved conversation
 * c / r is MOVER on the log scale (unbounded above when r's interval reaches 0).
 */
export function roiFigures(inputs: RoiInputs, r: Component, p: Component, c: Component): RoiFigures {
  const { contactsPerMonth: V, humanCostPerContact: h, escalationCost: hEsc, fixedMonthlyCost: F, costPerCriticalFailure: L, fieldRealism: f } = inputs;
  const [rv, pv, cv] = [pointOf(r), pointOf(p), pointOf(c)];
  const notes = [r, p, c].flatMap((x) => (x.why ? [x.why] : []));
  const c0 = V * h;
  const out: RoiFigures = {
    monthly_cost_human: c0, monthly_cost_ai: null, monthly_savings: null, savings_ci_low: null, savings_ci_high: null, roi: null,
    roi_ci_low: null, roi_ci_high: null, break_even_resolution_rate: null, cost_per_resolved: null, cost_per_resolved_ci_low: null,
    cost_per_resolved_ci_high: null, note: notes.length ? notes.join('; ') : null,
  };
  if (rv !== null && cv !== null) out.cost_per_resolved = rv > 0 ? cv / rv : null;
  if (r.est && c.est) {
    const cpr = moverLogRatio(c.est, r.est);
    if (cpr) {
      out.cost_per_resolved_ci_low = cpr.low;
      out.cost_per_resolved_ci_high = Number.isFinite(cpr.high) ? cpr.high : null;
    }
  }
  if (rv === null || pv === null || cv === null) return out;
  const c1 = V * cv + V * (1 - f * rv) * hEsc + F + V * pv * L;
  out.monthly_cost_ai = c1;
  out.monthly_savings = c0 - c1;
  const invest = V * cv + F;
  out.roi = invest > 0 ? (c0 - c1) / invest : null;
  const rStar = hEsc > 0 ? 1 - (h - cv - F / V - pv * L) / hEsc : null;
  out.break_even_resolution_rate = rStar !== null && f > 0 ? rStar / f : null;
  if (r.est && p.est && c.est) {
    const savings = moverLinear([{ w: V * f * hEsc, est: r.est }, { w: -V, est: c.est }, { w: -V * L, est: p.est }], V * h - V * hEsc - F);
    out.savings_ci_low = savings.low;
    out.savings_ci_high = savings.high;
    const roi = moverRatio(savings, { value: invest, low: V * c.est.low + F, high: V * c.est.high + F });
    out.roi_ci_low = roi?.low ?? null;
    out.roi_ci_high = roi?.high ?? null;
  }
  return out;
}
