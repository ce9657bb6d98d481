/** The conversation list: one row per stored conversation, filtered (filters.ts), sorted and paged by SQL. */
import { z } from 'zod';
import { BadRequest } from '../bad-request.js';
import { conversationWhere, FilterShape, filterProblems, metricJoin, type Filters } from '../filters.js';
import { DbShape, orderBy, PagingShape } from '../sql.js';
import type { TableQuery } from './table-query.js';

export const ConversationsQuery = z.strictObject({ ...DbShape, ...PagingShape, ...FilterShape });
export type ConversationsParams = z.infer<typeof ConversationsQuery>;

export const CONVERSATION_SORTS = {
  started: 'c.started_at', run: 'c.run_id', approach: 'c.approach', scenario: 'c.scenario_id', variant: 'c.variant_id',
  group: 'c.persona_group', model: 'c.model', arm: 'c.arm', epoch: 'c.epoch', status: 'c.status', end: 'c.end_reason',
  turns: 'c.n_turns', handle_ms: 'c.handle_time_ms', cost: 'c.agent_cost_usd', value: 'm.value',
} as const satisfies Record<string, string>;

export function checkFilters(f: Filters): void {
  const problems = filterProblems(f);
  if (problems.length) throw new BadRequest(problems.join('; '));
}

export function conversationsQuery(p: ConversationsParams): TableQuery {
  checkFilters(p);
  if (p.sort === 'value' && !p.metric) throw new BadRequest('sort by value needs a metric');
  const a = `d${p.db}`;
  const join = metricJoin(p, a);
  const where = conversationWhere(p, a);
  const from = `FROM ${a}.conversations c ${join.sql} ${where.sql}`;
  const params = [...join.params, ...where.params];
  const value = p.metric ? ', m.value AS metric_value' : '';
  return {
    files: [p.db],
    columns: `c.cell_key, c.run_id, c.approach, c.scenario_id, c.variant_set, c.variant_id, c.persona_group, c.model, c.arm, c.epoch,
        c.status, c.end_reason, c.n_turns, c.handle_time_ms, c.agent_cost_usd, c.error_message, c.started_at${value}`,
    from,
    order: orderBy(CONVERSATION_SORTS, p.sort, p.dir, 'c.started_at', 'c.cell_key'),
    params,
  };
}
