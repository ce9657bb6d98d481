import { byKeys, groupBy, keyOf } from './group.js';
import { ALL, LONG_VIEW, query } from './source.js';
import { mean } from './stats/describe.js';
import { passHatK } from './stats/pass-k.js';
import { defineTable, type RowOf } from './table.js';
import type { Store } from '../store/db.js';

export const PASS_K = defineTable('pass_k', {
  metric: 'VARCHAR', approach: 'VARCHAR', model: 'VARCHAR', k: 'INTEGER', value: 'DOUBLE', n_scenarios: 'INTEGER',
});
export type PassKRow = RowOf<typeof PASS_K.columns>;

interface TaskRow {
  metric: string;
  approach: string;
  model: string;
  scenario_id: string;
  variant_set: string;
  variant_id: string;
  n: number;
  c: number;
}

/** Always reported, even before the metrics catalogue is written. */
const ALWAYS = 'resolution.resolved';

/**
 * tau-bench pass^k over epochs for binary success metrics (resolution.resolved and any other higher-better metric
 * whose values are all 0/1). A task is one (scenario, persona variant) cell; trials are its epochs; success is a value
 * within 1e-6 of 1 as in tau-bench. Deviation from tau-bench, on purpose (methods.md 5.7): tasks are averaged within a
 * scenario first, weighted by their epochs, then scenarios equally, so scenarios with many persona variants do not
 * outweigh the rest and pass^1 is exactly the scenario-weighted rate the aggregates print.
 * k runs 1..max epochs in the group; a task contributes to k only if it has at least k epochs.
 */
export async function computePassK(store: Store): Promise<PassKRow[]> {
  const tasks = await query<TaskRow>(store, `
    WITH eligible AS (
      SELECT metric FROM ${LONG_VIEW} GROUP BY metric HAVING bool_and(value = 0 OR value = 1)
      INTERSECT
      SELECT metric FROM (SELECT metric FROM metrics WHERE direction = 'higher-better' UNION SELECT '${ALWAYS}')
    )
    SELECT metric, approach, model, scenario_id, variant_set, variant_id,
           count(*)::INTEGER AS n, sum(CASE WHEN value >= 1 - 1e-6 THEN 1 ELSE 0 END)::INTEGER AS c
    FROM ${LONG_VIEW} WHERE metric IN (SELECT metric FROM eligible)
    GROUP BY metric, approach, model, scenario_id, variant_set, variant_id`);
  const pooled = tasks.map((t) => ({ ...t, approach: ALL, scenario_id: keyOf(t.approach, t.scenario_id) }));
  const rows: PassKRow[] = [];
  for (const group of groupBy([...tasks, ...pooled], (t) => keyOf(t.metric, t.approach, t.model)).values()) {
    const f = group[0]!;
    const maxK = Math.max(...group.map((t) => t.n));
    const byScenario = [...groupBy(group, (t) => t.scenario_id).values()];
    for (let k = 1; k <= maxK; k++) {
      const perScenario: number[] = [];
      for (const sc of byScenario) {
        let sum = 0;
        let weight = 0;
        for (const t of sc) {
          const v = passHatK(t.c, t.n, k);
          if (v === null) continue;
          sum += t.n * v;
          weight += t.n;
        }
        if (weight > 0) perScenario.push(sum / weight);
      }
      if (perScenario.length) rows.push({ metric: f.metric, approach: f.approach, model: f.model, k, value: mean(perScenario), n_scenarios: perScenario.length });
    }
  }
  return rows.sort(byKeys((r) => r.metric ?? '', (r) => r.approach ?? '', (r) => r.model ?? '', (r) => r.k ?? 0));
}
