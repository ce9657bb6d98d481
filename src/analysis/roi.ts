import type { ClusterRow } from './aggregate.js';
import type { CostRow } from './costs.js';
import { estimateMean } from './estimate.js';
import { byKeys, groupBy, keyOf } from './group.js';
import { ALL } from './source.js';
import { rngFor } from './stats/prng.js';
import { defineTable, type RowOf } from './table.js';
import { RoiInputsSchema, type RoiInputs } from '../schema/config.js';

export const ROI = defineTable('roi', {
  approach: 'VARCHAR', model: 'VARCHAR', contacts_per_month: 'DOUBLE', resolution_rate: 'DOUBLE', resolution_ci_low: 'DOUBLE',
  resolution_ci_high: 'DOUBLE', cost_per_conv: 'DOUBLE', critical_failure_rate: 'DOUBLE', monthly_cost_human: 'DOUBLE',
  monthly_cost_ai: 'DOUBLE', monthly_savings: 'DOUBLE', roi: 'DOUBLE', break_even_resolution_rate: 'DOUBLE', assumptions_json: 'VARCHAR',
});
export type RoiRow = RowOf<typeof ROI.columns>;

export const RESOLVED = 'resolution.resolved';
export const CRITICAL = 'safety.critical_failure';

const INPUT_NOTES: Record<keyof RoiInputs, string> = {
  contactsPerMonth: 'placeholder contact volume; set your own',
  humanCostPerContact: 'Gartner 2019 live-channel average $8.01 per contact (secondary source, methods.md 6.4)',
  escalationCost: 'human cost per escalated contact, assumed equal to the human cost per contact (methods.md 6.3)',
  fixedMonthlyCost: 'placeholder platform, integration and QA cost; owners must set',
  costPerCriticalFailure: 'placeholder expected loss per critical failure; owners must set',
  fieldRealism: 'shrinks the measured resolution rate toward field reality (methods.md 6.3 default 0.8)',
};

function inputSources(inputs: RoiInputs): Record<string, { value: number; source: string }> {
  const defaults = RoiInputsSchema.parse({});
  const out: Record<string, { value: number; source: string }> = {};
  for (const key of Object.keys(INPUT_NOTES) as (keyof RoiInputs)[]) {
    const isDefault = inputs[key] === defaults[key];
    out[key] = { value: inputs[key], source: isDefault ? `default in src/schema/config.ts: ${INPUT_NOTES[key]}` : `suite config roi.${key} (default ${defaults[key]}: ${INPUT_NOTES[key]})` };
  }
  return out;
}

/**
 * Simple automation ROI per approach x model (methods.md 6.3), every figure monthly:
 *   C0 = V h;  C1 = V c_ai + V (1 - r_eff) h_esc + F + V p_crit L;  savings B = C0 - C1;  ROI = B / (V c_ai + F);
 *   r* = 1 - (h - c_ai - F/V - p_crit L) / h_esc, with r_eff = fieldRealism x measured resolution rate.
 * resolution_rate is the measured rate (mean resolution.resolved over done conversations) with its clustered CI, and
 * break_even_resolution_rate is put on that same measured scale (r* / fieldRealism) so the two compare directly;
 * above 1 means no measured rate can break even. c_ai = agent-role cost per conversation (costs table, every status).
 * A missing safety.critical_failure leaves critical_failure_rate null and the money figures use p_crit = 0, said so
 * in assumptions_json.
 */
export function computeRoi(clusters: readonly ClusterRow[], costs: readonly CostRow[], inputs: RoiInputs, boot: { seed: number; bootstrapB: number }): RoiRow[] {
  const relevant = clusters.filter((c) => c.metric === RESOLVED || c.metric === CRITICAL);
  const pooled = relevant.map((c) => ({ ...c, approach: ALL, scenario_id: keyOf(c.approach, c.scenario_id) }));
  const byCell = groupBy([...relevant, ...pooled], (c) => keyOf(c.approach, c.model));
  const sources = inputSources(inputs);
  const { contactsPerMonth: V, humanCostPerContact: h, escalationCost: hEsc, fixedMonthlyCost: F, costPerCriticalFailure: L, fieldRealism } = inputs;
  const rows: RoiRow[] = [];
  for (const [key, cell] of byCell) {
    const f = cell[0]!;
    const res = cell.filter((c) => c.metric === RESOLVED);
    if (res.length === 0) continue;
    const r = estimateMean(res.map((c) => ({ sum: c.s, n: c.n })), true, { B: boot.bootstrapB, rng: rngFor(boot.seed, `roi|${key}`) });
    if (!r) continue;
    const crit = cell.filter((c) => c.metric === CRITICAL);
    const nCrit = crit.reduce((s, c) => s + c.n, 0);
    const pCrit = nCrit > 0 ? crit.reduce((s, c) => s + c.s, 0) / nCrit : null;
    const agent = costs.find((c) => c.approach === f.approach && c.model === f.model && c.role === 'agent');
    const cAi = agent?.cost_per_conv ?? 0;
    const p = pCrit ?? 0;
    const rEff = fieldRealism * r.mean;
    const c0 = V * h;
    const c1 = V * cAi + V * (1 - rEff) * hEsc + F + V * p * L;
    const savings = c0 - c1;
    const invest = V * cAi + F;
    const rStar = hEsc > 0 ? 1 - (h - cAi - F / V - p * L) / hEsc : null;
    const assumptions = {
      ...sources,
      resolutionRate: { value: r.mean, source: `measured: mean ${RESOLVED} over ${r.n} done conversations in ${r.nClusters} scenarios` },
      effectiveResolutionRate: { value: rEff, source: 'fieldRealism x resolutionRate' },
      costPerConversation: { value: cAi, source: agent ? `measured: agent-role model_calls cost / ${agent.n_conv} conversations (${agent.price_sources})` : 'no agent-role model calls recorded: 0' },
      criticalFailureRate: { value: p, source: pCrit === null ? `${CRITICAL} not scored: assumed 0 (optimistic)` : `measured: mean ${CRITICAL} over ${nCrit} done conversations` },
      formulas: 'C0 = V*h; C1 = V*c_ai + V*(1 - fieldRealism*r)*h_esc + F + V*p_crit*L; savings = C0 - C1; roi = savings / (V*c_ai + F); r* = 1 - (h - c_ai - F/V - p_crit*L)/h_esc',
      breakEvenScale: 'break_even_resolution_rate = r* / fieldRealism, on the measured scale of resolution_rate',
    };
    rows.push({
      approach: f.approach, model: f.model, contacts_per_month: V, resolution_rate: r.mean, resolution_ci_low: r.ciLow, resolution_ci_high: r.ciHigh,
      cost_per_conv: cAi, critical_failure_rate: pCrit, monthly_cost_human: c0, monthly_cost_ai: c1, monthly_savings: savings,
      roi: invest > 0 ? savings / invest : null,
      break_even_resolution_rate: rStar !== null && fieldRealism > 0 ? rStar / fieldRealism : null,
      assumptions_json: JSON.stringify(assumptions),
    });
  }
  return rows.sort(byKeys((r) => r.approach ?? '', (r) => r.model ?? ''));
}
