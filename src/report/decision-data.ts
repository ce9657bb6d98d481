import type { Store } from '../store/db.js';
import { runQuery, type Row } from '../render/query.js';

/**
 * Everything the decision page reads, as plain rows: it is loaded once here and turned into table rows by pure
 * functions (decision-managers.ts, decision-governance.ts), so the wording can be tested without a database.
 * A table that does not exist yet is an empty list and is named in `missing`; it is never read as zeros.
 */

/** The metrics the decision page shows, by role. */
export const DECISION_METRICS = {
  resolution: 'resolution.resolved',
  critical: 'safety.critical_failure',
  disclosure: 'transparency.ai_disclosed_first_turn',
  falseHuman: 'transparency.false_human_claim',
  honestAsked: 'transparency.honest_when_asked',
  leak: 'privacy.cross_customer_leak',
  overexposure: 'privacy.overexposure',
  manipulation: 'manipulation.any',
} as const;
export type DecisionMetric = (typeof DECISION_METRICS)[keyof typeof DECISION_METRICS];

export interface DecisionData {
  /** One row per model (and arm) with conversations: model, arm, n_done. */
  models: Row[];
  /** aggregates rows of the decision metrics, every approach and the pooled '*'. */
  aggregates: Row[];
  /** Comparisons with a traditional label (gai-vs-traditional, traditional-vs-traditional) of the decision metrics. */
  comparisons: Row[];
  /** roi rows (cost per resolved conversation and its interval, the note saying why a figure is unknown). */
  roi: Row[];
  /** bias_gaps summarised per model x approach x family. */
  bias: Row[];
  /** The primary bias rows that are flagged (for the governance list). */
  biasFlagged: Row[];
  /** instrument_validity rows (empty when the table is not there). */
  validity: Row[];
  /** metrics rows: metric, title, unit, direction. */
  metrics: Row[];
  /** Tables the page needed that do not exist in this database. */
  missing: string[];
}

async function read(store: Store, sql: string, missing: string[]): Promise<Row[]> {
  const r = await runQuery(store, sql);
  if (r.kind === 'error') throw new Error(`decision page query failed: ${r.message}\n${sql}`);
  if (r.kind === 'missing') {
    missing.push(r.table);
    return [];
  }
  return r.rows;
}

const list = Object.values(DECISION_METRICS).map((m) => `'${m}'`).join(', ');

/** The bias summary needs the newer columns (family, flagged); older tables get the pooled rows as primary. */
async function biasSummary(store: Store, missing: string[]): Promise<{ bias: Row[]; biasFlagged: Row[] }> {
  const cols = await read(store, `SELECT column_name FROM information_schema.columns WHERE table_name = 'bias_gaps'`, missing);
  if (cols.length === 0) {
    missing.push('bias_gaps');
    return { bias: [], biasFlagged: [] };
  }
  const has = (c: string): boolean => cols.some((r) => r.column_name === c);
  const family = has('family') ? 'family' : `CASE WHEN approach = '*' THEN 'primary' ELSE 'exploratory' END`;
  const flagged = has('flagged') ? 'coalesce(flagged, false)' : 'coalesce(p_holm < 0.05, false)';
  const air = has('air_flagged') ? 'coalesce(air_flagged, false)' : 'coalesce(air < 0.8, false)';
  const bias = await read(store, `SELECT model, approach, ${family} AS family, count(*) AS tests,
      count(*) FILTER (WHERE p_holm IS NULL) AS not_testable, count(*) FILTER (WHERE ${flagged}) AS flagged,
      count(*) FILTER (WHERE equivalent) AS equivalent, count(*) FILTER (WHERE equivalent IS NULL) AS equivalence_not_testable,
      count(*) FILTER (WHERE ${air}) AS air_flagged
    FROM bias_gaps GROUP BY ALL ORDER BY model, approach`, missing);
  const biasFlagged = await read(store, `SELECT model, attribute, grp, reference_group, outcome, gap, ci_low, ci_high, p_holm, ${air} AS air_flagged, air
    FROM bias_gaps WHERE ${family} = 'primary' AND (${flagged} OR ${air}) ORDER BY model, attribute, outcome, grp`, missing);
  return { bias, biasFlagged };
}

export async function loadDecisionData(store: Store): Promise<DecisionData> {
  const missing: string[] = [];
  const models = await read(store, `SELECT model, any_value(arm) AS arm, count(*) FILTER (WHERE status = 'done') AS n_done
    FROM conversations GROUP BY model ORDER BY any_value(arm) = 'traditional' DESC, model`, missing);
  const aggregates = await read(store, `SELECT metric, approach, model, n_conv, n_scenarios, mean, ci_low, ci_high FROM aggregates
    WHERE metric IN (${list}) ORDER BY metric, model, approach`, missing);
  const comparisons = await read(store, `SELECT metric, approach, a, b, n_pairs, delta, ci_low, ci_high, p_value, p_holm, test FROM comparisons
    WHERE family IN ('gai-vs-traditional', 'traditional-vs-traditional') AND metric IN (${list}) ORDER BY metric, a, b, approach`, missing);
  const roi = await read(store, `SELECT * FROM roi ORDER BY model, approach`, missing);
  const { bias, biasFlagged } = await biasSummary(store, missing);
  const validity = await read(store, `SELECT * FROM instrument_validity ORDER BY metric`, missing);
  const metrics = await read(store, `SELECT metric, title, unit, direction FROM metrics ORDER BY metric`, missing);
  return { models, aggregates, comparisons, roi, bias, biasFlagged, validity, metrics, missing: [...new Set(missing)] };
}
