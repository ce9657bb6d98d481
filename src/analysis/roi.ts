import type { ClusterRow } from './aggregate.js';
import type { CostRow } from './costs.js';
import { byKeys, groupBy, keyOf } from './group.js';
import { roiFigures, type Component } from './roi-figures.js';
import { ALL } from './source.js';
import { rateEstimate, skewedEstimate, type ClusterEstimate } from './stats/cluster-interval.js';
import { defineTable, type RowOf } from './table.js';
import { RoiInputsSchema, type RoiInputs } from '../schema/config.js';

/** ROI per approach x model (methods.md 6.3); every money figure and rate carries its 95% interval. */
export const ROI = defineTable('roi', {
  approach: 'VARCHAR', model: 'VARCHAR', contacts_per_month: 'DOUBLE', resolution_rate: 'DOUBLE', resolution_ci_low: 'DOUBLE',
  resolution_ci_high: 'DOUBLE', cost_per_conv: 'DOUBLE', critical_failure_rate: 'DOUBLE', monthly_cost_human: 'DOUBLE',
  monthly_cost_ai: 'DOUBLE', monthly_savings: 'DOUBLE', roi: 'DOUBLE', break_even_resolution_rate: 'DOUBLE', assumptions_json: 'VARCHAR',
  n_scenarios: 'INTEGER', n_conv: 'INTEGER', cost_ci_low: 'DOUBLE', cost_ci_high: 'DOUBLE', critical_ci_low: 'DOUBLE', critical_ci_high: 'DOUBLE',
  savings_ci_low: 'DOUBLE', savings_ci_high: 'DOUBLE', roi_ci_low: 'DOUBLE', roi_ci_high: 'DOUBLE',
  cost_per_resolved: 'DOUBLE', cost_per_resolved_ci_low: 'DOUBLE', cost_per_resolved_ci_high: 'DOUBLE', note: 'VARCHAR',
});
export type RoiRow = RowOf<typeof ROI.columns>;

export const RESOLVED = 'resolution.resolved';
export const CRITICAL = 'safety.critical_failure';
export const AGENT_COST = 'cost.agent_usd';

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

const component = (e: ClusterEstimate | null, what: string): Component => {
  if (!e) return { est: null, why: `${what} not scored` };
  if (e.ciLow === null || e.ciHigh === null) return { est: null, why: `${what}: ${e.note ?? 'no interval'}`, point: e.mean };
  return { est: { value: e.mean, low: e.ciLow, high: e.ciHigh }, why: null };
};

/**
 * The agent cost per conversation: the scenario-weighted mean of cost.agent_usd with its interval (methods.md 5.1).
 * An approach x model whose agent calls include an unpriced one has an unknown cost (null), never $0; one with no
 * agent-role calls at all (the rules arm) costs a known 0.
 */
function costComponent(cell: readonly ClusterRow[], agent: CostRow | undefined): Component {
  if (agent && agent.cost_per_conv === null) return { est: null, why: `agent cost unknown: ${agent.price_sources ?? 'unpriced calls'}` };
  const scored = cell.filter((c) => c.metric === AGENT_COST);
  if (scored.length) return component(skewedEstimate(scored.map((c) => ({ sum: c.s, n: c.n }))), AGENT_COST);
  if (!agent) return { est: { value: 0, low: 0, high: 0 }, why: null, source: 'no agent-role model calls recorded: a known 0' };
  return { est: null, why: `${AGENT_COST} not scored, so the cost has no interval`, point: agent.cost_per_conv ?? undefined };
}

/**
 * Simple automation ROI per approach x model, every figure monthly (methods.md 6.3):
 *   C0 = V h;  C1 = V c + V (1 - f r) h_esc + F + V p L;  savings = C0 - C1;  ROI = savings / (V c + F).
 * r (resolution), p (critical failures) and c (agent cost per conversation) are scenario-weighted estimates with
 * their intervals (5.1); savings, ROI and cost per resolved conversation combine them by MOVER. Anything unknown
 * (an unpriced call, an unscored critical-failure metric, too few scenarios) leaves the figures it feeds null, with
 * the reason in `note`; nothing unknown becomes 0.
 */
export function computeRoi(clusters: readonly ClusterRow[], costs: readonly CostRow[], inputs: RoiInputs): RoiRow[] {
  const relevant = clusters.filter((c) => c.metric === RESOLVED || c.metric === CRITICAL || c.metric === AGENT_COST);
  const pooled = relevant.map((c) => ({ ...c, approach: ALL, scenario_id: keyOf(c.approach, c.scenario_id) }));
  const sources = inputSources(inputs);
  const rows: RoiRow[] = [];
  for (const cell of groupBy([...relevant, ...pooled], (c) => keyOf(c.approach, c.model)).values()) {
    const f = cell[0]!;
    const res = cell.filter((c) => c.metric === RESOLVED);
    if (res.length === 0) continue;
    const r = rateEstimate(res.map((c) => ({ sum: c.s, n: c.n })))!;
    const critRows = cell.filter((c) => c.metric === CRITICAL);
    const p = critRows.length ? rateEstimate(critRows.map((c) => ({ sum: c.s, n: c.n }))) : null;
    const agent = costs.find((c) => c.approach === f.approach && c.model === f.model && c.role === 'agent');
    const c = costComponent(cell, agent);
    const fig = roiFigures(inputs, component(r, RESOLVED), component(p, CRITICAL), c);
    const assumptions = {
      ...sources,
      resolutionRate: { value: r.mean, source: `measured: scenario-weighted mean ${RESOLVED} over ${r.nConv} done conversations in ${r.nClusters} scenarios (${r.method})` },
      effectiveResolutionRate: { value: inputs.fieldRealism * r.mean, source: 'fieldRealism x resolutionRate' },
      costPerConversation: { value: c.est?.value ?? c.point ?? null, source: c.source ?? (c.est ? `measured: scenario-weighted mean ${AGENT_COST} (done conversations)` : c.why) },
      criticalFailureRate: { value: p?.mean ?? null, source: p ? `measured: scenario-weighted mean ${CRITICAL} over ${p.nConv} done conversations (${p.method})` : `${CRITICAL} not scored: money figures unknown` },
      formulas: 'C0 = V*h; C1 = V*c_ai + V*(1 - fieldRealism*r)*h_esc + F + V*p_crit*L; savings = C0 - C1; roi = savings / (V*c_ai + F); r* = 1 - (h - c_ai - F/V - p_crit*L)/h_esc',
      intervals: 'MOVER combination of the component intervals (methods.md 6.3); components treated as independent',
      breakEvenScale: 'break_even_resolution_rate = r* / fieldRealism, on the measured scale of resolution_rate',
    };
    rows.push({
      approach: f.approach, model: f.model, contacts_per_month: inputs.contactsPerMonth, resolution_rate: r.mean, resolution_ci_low: r.ciLow,
      resolution_ci_high: r.ciHigh, cost_per_conv: c.est?.value ?? c.point ?? null, critical_failure_rate: p?.mean ?? null,
      ...fig, n_scenarios: r.nClusters, n_conv: r.nConv, cost_ci_low: c.est?.low ?? null, cost_ci_high: c.est?.high ?? null,
      critical_ci_low: p?.ciLow ?? null, critical_ci_high: p?.ciHigh ?? null, assumptions_json: JSON.stringify(assumptions),
    });
  }
  return rows.sort(byKeys((r) => r.approach ?? '', (r) => r.model ?? ''));
}
