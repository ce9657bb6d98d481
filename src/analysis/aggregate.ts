import { estimateMetric, metricKind } from './estimate.js';
import { byKeys, groupBy, keyOf } from './group.js';
import { ALL, LONG_VIEW, query } from './source.js';
import { defineTable, type RowOf } from './table.js';
import type { Store } from '../store/db.js';

export const AGGREGATES = defineTable('aggregates', {
  metric: 'VARCHAR', approach: 'VARCHAR', stage: 'VARCHAR', model: 'VARCHAR', arm: 'VARCHAR',
  n_conv: 'INTEGER', n_scenarios: 'INTEGER', mean: 'DOUBLE', se_cluster: 'DOUBLE', ci_low: 'DOUBLE', ci_high: 'DOUBLE', ci_method: 'VARCHAR',
  ci_note: 'VARCHAR',
});
export type AggregateRow = RowOf<typeof AGGREGATES.columns>;

/** Sum and count of one metric in one scenario for one approach x model (done conversations only). */
export interface ClusterRow {
  metric: string;
  approach: string;
  stage: string;
  model: string;
  arm: string;
  scenario_id: string;
  n: number;
  s: number;
  bin: boolean;
  /** Every value in this scenario lies in [0, 1]. */
  in01: boolean;
  /** Catalogued unit; null before the metrics catalogue exists. */
  unit: string | null;
}

/**
 * Per-scenario sums and counts, computed by DuckDB; the statistics then run on one row per scenario. A metric is
 * binary when its values are all 0/1 and its catalogued unit (when known) is a rate: a cost that happens to be $0
 * everywhere (the rules arm) is not a yes/no outcome.
 */
export async function loadClusterSums(store: Store): Promise<ClusterRow[]> {
  const hasCatalog = (await query<{ n: number }>(store, `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'metrics'`))[0]?.n === 1;
  const unit = hasCatalog ? `coalesce(m.unit, 'rate')` : `'rate'`;
  const unitCol = hasCatalog ? 'any_value(m.unit)' : 'NULL::VARCHAR';
  const join = hasCatalog ? 'LEFT JOIN metrics m USING (metric)' : '';
  return query<ClusterRow>(store, `
    SELECT metric, approach, any_value(stage) AS stage, model, any_value(arm) AS arm, scenario_id,
           count(*)::INTEGER AS n, sum(value)::DOUBLE AS s, bool_and((value = 0 OR value = 1) AND ${unit} = 'rate') AS bin,
           bool_and(value >= 0 AND value <= 1) AS in01,
           ${unitCol} AS unit
    FROM ${LONG_VIEW} l ${join} GROUP BY metric, approach, model, scenario_id`);
}

/** Metrics whose every stored value is 0 or 1; Wilson intervals and pass^k apply only to them. */
export function binaryMetrics(rows: readonly { metric: string; bin: boolean }[]): Set<string> {
  const notBinary = new Set(rows.filter((r) => !r.bin).map((r) => r.metric));
  return new Set(rows.map((r) => r.metric).filter((m) => !notBinary.has(m)));
}

/** Metrics whose every stored value lies in [0, 1] (shares and 0-1 scores): bounded, so a constant 0 or 1 still has a bound. */
export function unitIntervalMetrics(rows: readonly { metric: string; in01: boolean }[]): Set<string> {
  const outside = new Set(rows.filter((r) => !r.in01).map((r) => r.metric));
  return new Set(rows.map((r) => r.metric).filter((m) => !outside.has(m)));
}

/**
 * One row per metric x approach x model, plus approach '*' pooling every approach's scenarios. The mean is the mean
 * of the scenario means and the interval follows the metric's kind (methods.md 5.1).
 */
export function computeAggregates(rows: readonly ClusterRow[]): AggregateRow[] {
  const binary = binaryMetrics(rows);
  const bounded = unitIntervalMetrics(rows);
  const pooled = rows.map((r) => ({ ...r, approach: ALL, stage: ALL, scenario_id: keyOf(r.approach, r.scenario_id) }));
  const out: AggregateRow[] = [];
  for (const group of groupBy([...rows, ...pooled], (r) => keyOf(r.metric, r.approach, r.model)).values()) {
    const first = group[0]!;
    const est = estimateMetric(group.map((r) => ({ sum: r.s, n: r.n })), metricKind(binary.has(first.metric), group.find((r) => r.unit !== null)?.unit ?? null, bounded.has(first.metric)));
    if (!est) continue;
    out.push({
      metric: first.metric, approach: first.approach, stage: first.stage, model: first.model, arm: first.arm,
      n_conv: est.nConv, n_scenarios: est.nClusters, mean: est.mean, se_cluster: est.se, ci_low: est.ciLow, ci_high: est.ciHigh,
      ci_method: est.method, ci_note: est.note,
    });
  }
  return out.sort(byKeys((r) => r.metric ?? '', (r) => r.approach ?? '', (r) => r.model ?? ''));
}
