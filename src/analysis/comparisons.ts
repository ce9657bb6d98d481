import { byKeys, groupBy, keyOf } from './group.js';
import { ALL, LONG_VIEW, query } from './source.js';
import { holm } from './stats/multiplicity.js';
import { pairedDifference } from './stats/paired.js';
import { defineTable, type RowOf } from './table.js';
import type { Store } from '../store/db.js';

export const COMPARISONS = defineTable('comparisons', {
  family: 'VARCHAR', metric: 'VARCHAR', approach: 'VARCHAR', a: 'VARCHAR', b: 'VARCHAR', n_pairs: 'INTEGER',
  delta: 'DOUBLE', se: 'DOUBLE', ci_low: 'DOUBLE', ci_high: 'DOUBLE', p_value: 'DOUBLE', p_holm: 'DOUBLE', test: 'VARCHAR',
});
export type ComparisonRow = RowOf<typeof COMPARISONS.columns>;

type Family = 'gai-vs-traditional' | 'model-vs-model';

interface ScenarioDiff {
  metric: string;
  approach: string;
  a: string;
  b: string;
  family: Family;
  scenario_id: string;
  d: number;
}

/**
 * Paired model comparisons (methods.md 5.2). Model a and b are matched on the same (scenario, persona variant),
 * each averaged over epochs; the per-variant differences are averaged within the scenario, and the per-scenario
 * differences d_s are the units of a paired t-test (df = S - 1) with a t interval; zero spread gets the exact
 * sign-flip test and no interval, fewer than MIN_SCENARIOS scenarios no interval (stats/paired.ts). n_pairs counts
 * scenarios, the statistical unit. delta = a - b; for gai-vs-traditional a is the GAI model and b the rules arm.
 * Holm runs within (family, metric) over every approach row, '*' included.
 */
export async function computeComparisons(store: Store): Promise<ComparisonRow[]> {
  const diffs = await query<ScenarioDiff>(store, `
    WITH cell AS (
      SELECT metric, approach, model, any_value(arm) AS arm, scenario_id, variant_set, variant_id, avg(value) AS v
      FROM ${LONG_VIEW} GROUP BY metric, approach, model, scenario_id, variant_set, variant_id
    )
    SELECT x.metric, x.approach, x.model AS a, y.model AS b,
           CASE WHEN y.arm = 'traditional' THEN 'gai-vs-traditional' ELSE 'model-vs-model' END AS family,
           x.scenario_id, avg(x.v - y.v)::DOUBLE AS d
    FROM cell x JOIN cell y
      ON x.metric = y.metric AND x.approach = y.approach AND x.scenario_id = y.scenario_id
     AND x.variant_set = y.variant_set AND x.variant_id = y.variant_id
    WHERE x.arm = 'gai' AND (y.arm = 'traditional' OR (y.arm = 'gai' AND x.model < y.model))
    GROUP BY x.metric, x.approach, x.model, y.model, y.arm, x.scenario_id`);
  const pooled = diffs.map((r) => ({ ...r, approach: ALL, scenario_id: keyOf(r.approach, r.scenario_id) }));
  const rows: ComparisonRow[] = [];
  for (const group of groupBy([...diffs, ...pooled], (r) => keyOf(r.family, r.metric, r.approach, r.a, r.b)).values()) {
    const f = group[0]!;
    const pd = pairedDifference(group.map((r) => r.d))!;
    rows.push({
      family: f.family, metric: f.metric, approach: f.approach, a: f.a, b: f.b, n_pairs: group.length,
      delta: pd.mean, se: pd.se, ci_low: pd.ciLow, ci_high: pd.ciHigh, p_value: pd.p, p_holm: null, test: pd.test,
    });
  }
  for (const family of groupBy(rows, (r) => keyOf(r.family ?? '', r.metric ?? '')).values()) {
    const adjusted = holm(family.map((r) => r.p_value));
    family.forEach((r, i) => (r.p_holm = adjusted[i] ?? null));
  }
  return rows.sort(byKeys((r) => r.family ?? '', (r) => r.metric ?? '', (r) => r.approach ?? '', (r) => r.a ?? '', (r) => r.b ?? ''));
}
