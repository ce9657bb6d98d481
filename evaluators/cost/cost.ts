import type { ModelCall } from '../../src/core/conversation.js';
import type { Role } from '../../src/core/types.js';
import type { Evaluator, MetricInfo, Score } from '../../src/score/types.js';
import { deterministicLabel } from '../../src/score/types.js';
import type { MetricIdOf } from '../nlp/score.js';

const ID = 'cost';
const VERSION = 1;
const LABEL = deterministicLabel(ID, VERSION);

const METRICS = [
  { id: 'cost.agent_usd', family: 'cost', title: 'Agent cost', unit: 'usd', direction: 'lower-better', description: 'Sum of the priced agent-role calls (what the business would pay). Null if any agent call has no known price.' },
  { id: 'cost.eval_usd', family: 'cost', title: 'Evaluation cost', unit: 'usd', direction: 'lower-better', description: 'Sum of judge and customer-simulator calls recorded with the conversation (research cost, kept apart from ROI). Judge calls made at scoring time arrive as judge.tokens scores.' },
  { id: 'cost.agent_tokens', family: 'cost', title: 'Agent tokens', unit: 'tokens', direction: 'lower-better', description: 'Agent-role tokens: uncached input + cache read + cache write + output (output includes reasoning).' },
] as const satisfies readonly MetricInfo[];

/** A cost row: the id is one this evaluator declares. */
const row = (metric: MetricIdOf<typeof METRICS>, x: Pick<Score, 'value' | 'explanation' | 'evidence'>): Score => ({ metric, ...x, evaluator: LABEL });

const EVAL_ROLES: ReadonlySet<Role> = new Set(['judge', 'customer']);

function sumCost(calls: ModelCall[], what: string): { value: number | null; explanation: string; evidence: Score['evidence'] } {
  const unknown = calls.filter((c) => c.costUsd === null);
  if (unknown.length) {
    return {
      value: null,
      explanation: `${unknown.length} of ${calls.length} ${what} call(s) have no known price, so the total is unknown (never shown as $0)`,
      evidence: unknown.map((c) => ({ note: `call ${c.idx} ${c.model}: ${c.priceSource}` })),
    };
  }
  const total = calls.reduce((a, c) => a + (c.costUsd ?? 0), 0);
  const cached = calls.filter((c) => c.cached).length;
  const sources = [...new Set(calls.map((c) => c.priceSource))];
  return {
    value: total,
    explanation: `${calls.length} ${what} call(s)${cached ? `, ${cached} served from cache at $0` : ''}`,
    evidence: sources.map((s) => ({ note: `price source: ${s}` })),
  };
}

/** Costs are measured whatever the status: an aborted conversation still spent money. */
export const costEvaluator: Evaluator = {
  id: ID,
  version: VERSION,
  description: 'Per-conversation cost by role from the recorded, priced model calls.',
  metrics: [...METRICS],
  score: async (c) => {
    const agentCalls = c.calls.filter((x) => x.role === 'agent');
    const evalCalls = c.calls.filter((x) => EVAL_ROLES.has(x.role));
    const agent = sumCost(agentCalls, 'agent');
    const evalCost = sumCost(evalCalls, 'judge/customer');
    const tokens = agentCalls.reduce((a, x) => a + x.usage.input + x.usage.cacheRead + x.usage.cacheWrite + x.usage.output, 0);
    return [
      row('cost.agent_usd', agent),
      row('cost.eval_usd', evalCost),
      row('cost.agent_tokens', { value: tokens, explanation: `${agentCalls.length} agent call(s)`, evidence: [] }),
    ];
  },
};
