import { query } from './source.js';
import { defineTable, type RowOf } from './table.js';
import type { Store } from '../store/db.js';

export const INFRA = defineTable('infra', { model: 'VARCHAR', status: 'VARCHAR', n: 'INTEGER' });
export type InfraRow = RowOf<typeof INFRA.columns>;

/**
 * Conversation counts per model and status (done / infra-error / agent-error, kept apart from quality statistics),
 * plus two pseudo-statuses from model_calls: 'retries' (sum of provider retries) and 'cache-hits' (calls served from cache).
 */
export async function computeInfra(store: Store): Promise<InfraRow[]> {
  return query<InfraRow>(store, `
    SELECT model, status, n FROM (
      SELECT model, status, count(*)::INTEGER AS n FROM conversations GROUP BY model, status
      UNION ALL
      SELECT c.model, 'retries' AS status, sum(mc.retries)::INTEGER AS n
      FROM model_calls mc JOIN conversations c ON mc.cell_key = c.cell_key GROUP BY c.model
      UNION ALL
      SELECT c.model, 'cache-hits' AS status, (count(*) FILTER (WHERE mc.cached))::INTEGER AS n
      FROM model_calls mc JOIN conversations c ON mc.cell_key = c.cell_key GROUP BY c.model
    ) ORDER BY model, status`);
}
