import { LONG_VIEW, query, sqlString } from './source.js';
import type { Store } from '../store/db.js';

/**
 * Which labels are paired and on what (methods.md 5.2). A label is a model or an agent (docs/agents.md); its arm
 * decides the comparison family:
 * - gai-vs-traditional: every GAI label against every traditional label of the same approach (a = GAI, b = baseline);
 * - model-vs-model: two GAI labels of the same approach (a < b by name);
 * - traditional-vs-traditional: two traditional labels, e.g. a deployed rule bot against cxbench's rules arm
 *   (b = 'rules' when it is one of them, otherwise a < b by name).
 * The last two are the agent pairs (comparison_kind 'agent-pair').
 */
export type ComparisonFamily = 'gai-vs-traditional' | 'model-vs-model' | 'traditional-vs-traditional';
export type ComparisonKind = 'gai-vs-traditional' | 'agent-pair';
export const KIND_OF = {
  'gai-vs-traditional': 'gai-vs-traditional',
  'model-vs-model': 'agent-pair',
  'traditional-vs-traditional': 'agent-pair',
} as const satisfies Record<ComparisonFamily, ComparisonKind>;

/** How a scenario's difference was formed: on the persona variants both labels ran, or on scenario means. */
export type MatchedOn = 'variant' | 'scenario-mean';

/** The bundled traditional arm's label (docs/agents.md: `rules` is taken). */
export const RULES_LABEL = 'rules';

export interface ScenarioDiff {
  family: ComparisonFamily;
  metric: string;
  approach: string;
  a: string;
  b: string;
  scenario_id: string;
  d: number;
  matched_on: MatchedOn;
}

export interface LabelPair {
  family: ComparisonFamily;
  approach: string;
  a: string;
  b: string;
}

/** Labels of an approach with their arm, from done conversations with at least one finite score. */
const LABELS = `SELECT approach, model, any_value(arm) AS arm FROM ${LONG_VIEW} GROUP BY approach, model`;

const PAIRS = `
  SELECT x.approach, x.model AS a, y.model AS b,
         CASE WHEN x.arm = 'gai' AND y.arm = 'traditional' THEN 'gai-vs-traditional'
              WHEN x.arm = 'gai' THEN 'model-vs-model' ELSE 'traditional-vs-traditional' END AS family
  FROM (${LABELS}) x JOIN (${LABELS}) y ON x.approach = y.approach
  WHERE (x.arm = 'gai' AND y.arm = 'traditional')
     OR (x.arm = y.arm AND x.model <> y.model
         AND (y.model = ${sqlString(RULES_LABEL)} OR (x.model <> ${sqlString(RULES_LABEL)} AND x.model < y.model)))`;

/** Every oriented label pair of every approach (the same rule as the differences below). */
export const labelPairs = (store: Store): Promise<LabelPair[]> => query<LabelPair>(store, PAIRS);

/**
 * Per-scenario differences d_s = a - b for every pair and metric. Each (scenario, variant) cell is averaged over its
 * epochs; where both labels ran some of the same persona variants, d_s is the mean of the per-variant differences over
 * those shared variants (the rule the gai-vs-traditional rows have always used). A scenario both ran without any shared
 * variant is compared on scenario means (each label's mean over its own variants) and marked 'scenario-mean'.
 */
export async function scenarioDiffs(store: Store): Promise<ScenarioDiff[]> {
  return query<ScenarioDiff>(store, `
    WITH cell AS (
      SELECT metric, approach, model, scenario_id, variant_set, variant_id, avg(value) AS v
      FROM ${LONG_VIEW} GROUP BY metric, approach, model, scenario_id, variant_set, variant_id
    ),
    pair AS (${PAIRS}),
    by_variant AS (
      SELECT p.family, x.metric, p.approach, p.a, p.b, x.scenario_id, avg(x.v - y.v)::DOUBLE AS d
      FROM pair p
      JOIN cell x ON x.approach = p.approach AND x.model = p.a
      JOIN cell y ON y.approach = p.approach AND y.model = p.b AND y.metric = x.metric AND y.scenario_id = x.scenario_id
                 AND y.variant_set = x.variant_set AND y.variant_id = x.variant_id
      GROUP BY p.family, x.metric, p.approach, p.a, p.b, x.scenario_id
    ),
    scen AS (SELECT metric, approach, model, scenario_id, avg(v) AS v FROM cell GROUP BY metric, approach, model, scenario_id),
    by_scenario AS (
      SELECT p.family, x.metric, p.approach, p.a, p.b, x.scenario_id, (x.v - y.v)::DOUBLE AS d
      FROM pair p
      JOIN scen x ON x.approach = p.approach AND x.model = p.a
      JOIN scen y ON y.approach = p.approach AND y.model = p.b AND y.metric = x.metric AND y.scenario_id = x.scenario_id
      ANTI JOIN by_variant v ON v.family = p.family AND v.metric = x.metric AND v.approach = p.approach AND v.a = p.a
                            AND v.b = p.b AND v.scenario_id = x.scenario_id
    )
    SELECT *, 'variant' AS matched_on FROM by_variant
    UNION ALL
    SELECT *, 'scenario-mean' AS matched_on FROM by_scenario`);
}

export interface UnknownValues {
  metric: string;
  approach: string;
  model: string;
  n_null: number;
  n_conv: number;
}

/**
 * Metrics whose null means "unknown" rather than "nothing to score": money (unit usd). A label with an unpriced call
 * in any done conversation of an approach has an unknown cost there; dropping those conversations would compare the
 * priced ones only, so the comparison is null instead (methods.md 0: unknown is never zero).
 */
export async function unknownMoney(store: Store, usdMetrics: readonly string[]): Promise<UnknownValues[]> {
  if (usdMetrics.length === 0) return [];
  return query<UnknownValues>(store, `
    SELECT s.metric, c.approach, c.model,
           (count(*) FILTER (WHERE s.value IS NULL OR NOT isfinite(s.value)))::INTEGER AS n_null, count(*)::INTEGER AS n_conv
    FROM (SELECT cell_key, metric, value FROM scores WHERE metric IN (${usdMetrics.map(sqlString).join(', ')})
          QUALIFY row_number() OVER (PARTITION BY cell_key, metric ORDER BY scored_at DESC) = 1) s
    JOIN conversations c ON s.cell_key = c.cell_key
    WHERE c.status = 'done'
    GROUP BY s.metric, c.approach, c.model
    HAVING n_null > 0`);
}

/** Metrics in money: the catalogue's and any the store's metrics table declares (imported runs). */
export async function usdMetrics(store: Store, catalogue: readonly { id: string; unit: string }[]): Promise<string[]> {
  const stored = await query<{ metric: string }>(store, `SELECT metric FROM metrics WHERE unit = 'usd'`).catch(() => []);
  return [...new Set([...catalogue.filter((m) => m.unit === 'usd').map((m) => m.id), ...stored.map((r) => r.metric)])].sort();
}
