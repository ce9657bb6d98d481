import type { DuckDBValue } from '@duckdb/node-api';
import type { Store } from '../store/db.js';

/**
 * The long-format input every analysis reads: one row per (done conversation, metric) with a finite value, joined
 * to the conversation's design columns. A TEMP VIEW, not a table: DuckDB streams it into each GROUP BY, so a
 * million score rows never reach JavaScript. If a cell was scored twice for a metric, the latest score wins.
 */
export const LONG_VIEW = '_cx_analysis_long';

export async function prepareLongView(store: Store): Promise<{ deduplicated: boolean }> {
  const dup = await store.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM scores GROUP BY cell_key, metric HAVING count(*) > 1 LIMIT 1)`,
  );
  const deduplicated = (dup[0]?.n ?? 0) > 0;
  const scores = deduplicated
    ? `(SELECT cell_key, metric, value FROM scores QUALIFY row_number() OVER (PARTITION BY cell_key, metric ORDER BY scored_at DESC) = 1)`
    : 'scores';
  await store.exec(`CREATE OR REPLACE TEMP VIEW ${LONG_VIEW} AS
    SELECT s.metric, s.value, c.cell_key, c.approach, c.stage, c.model, c.arm, c.scenario_id, c.variant_set, c.variant_id,
           c.attribute, c.persona_group, c.is_reference, c.epoch
    FROM ${scores} s JOIN conversations c ON s.cell_key = c.cell_key
    WHERE c.status = 'done' AND s.value IS NOT NULL AND isfinite(s.value)`);
  return { deduplicated };
}

export async function dropLongView(store: Store): Promise<void> {
  await store.exec(`DROP VIEW IF EXISTS ${LONG_VIEW}`);
}

/** Typed read; SQL must cast counts to INTEGER/DOUBLE so no bigint reaches the statistics. */
export const query = <T>(store: Store, sql: string, params?: DuckDBValue[]): Promise<T[]> => store.all<T>(sql, params);

/** Approach label for rows that pool every approach. */
export const ALL = '*';

export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;
