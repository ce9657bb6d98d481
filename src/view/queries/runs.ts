/** Run history: one row per run with what it stored (cells, failures, models) and what it cost, unknown kept apart. */
import { z } from 'zod';
import { DbShape, orderBy, PagingShape } from '../sql.js';
import type { TableQuery } from './table-query.js';

export const RunsQuery = z.strictObject({ ...DbShape, ...PagingShape });
export type RunsParams = z.infer<typeof RunsQuery>;

export const RUN_SORTS = {
  started: 'r.started_at', finished: 'r.finished_at', run: 'r.run_id', suite: 'r.suite_name', status: 'r.status',
  planned: 'r.planned_cells', stored: 'stored', failed: 'failed', cost: 'agent_cost_usd',
} as const satisfies Record<string, string>;

export function runsQuery(p: RunsParams): TableQuery {
  const a = `d${p.db}`;
  // Cost sums only priced conversations; unpriced_conversations says how many are missing from it (never counted as $0).
  const columns = `r.run_id, r.suite_name, r.status, r.started_at, r.finished_at, r.planned_cells, r.shard, r.code_version,
      coalesce(s.stored, 0) AS stored, coalesce(s.done, 0) AS done, coalesce(s.failed, 0) AS failed, s.models, s.approaches,
      s.agent_cost_usd, coalesce(s.unpriced, 0) AS unpriced_conversations`;
  const from = `FROM ${a}.runs r LEFT JOIN (
      SELECT run_id, count(*)::INTEGER AS stored, count(*) FILTER (WHERE status = 'done')::INTEGER AS done,
        count(*) FILTER (WHERE status <> 'done')::INTEGER AS failed,
        string_agg(DISTINCT model, ', ' ORDER BY model) AS models, count(DISTINCT approach)::INTEGER AS approaches,
        sum(agent_cost_usd) AS agent_cost_usd, count(*) FILTER (WHERE agent_cost_usd IS NULL AND status = 'done')::INTEGER AS unpriced
      FROM ${a}.conversations GROUP BY run_id) s USING (run_id)`;
  return { files: [p.db], columns, from, order: orderBy(RUN_SORTS, p.sort, p.sort ? p.dir : 'desc', 'r.started_at', 'r.run_id'), params: [] };
}
