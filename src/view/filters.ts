/**
 * The conversation filters shared by the conversation list, its CSV download and the scenario grid: what a person
 * narrows a study down to (run, approach, model, arm, status, persona group, a metric's value, free text in the
 * messages). Each becomes a bound parameter in one WHERE clause over `conversations c`.
 */
import { z } from 'zod';
import { Where } from './sql.js';

/** 'failed' is every status but done: agent, infrastructure and local errors together. */
export const STATUS_FILTERS = ['done', 'failed', 'agent-error', 'infra-error', 'local-error'] as const;

/** Comparison of a score's value; `null` = the metric was not scorable (no material), `notnull` = it was. */
export const METRIC_OPS = {
  eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=', null: 'IS NULL', notnull: 'IS NOT NULL',
} as const satisfies Record<string, string>;
export type MetricOp = keyof typeof METRIC_OPS;

const text = z.string().min(1).max(500);

export const FilterShape = {
  run: text.optional(),
  approach: text.optional(),
  stage: text.optional(),
  model: text.optional(),
  arm: text.optional(),
  status: z.enum(STATUS_FILTERS).optional(),
  group: text.optional(),
  attribute: text.optional(),
  variantSet: text.optional(),
  variantId: text.optional(),
  scenario: text.optional(),
  epoch: z.coerce.number().int().min(0).optional(),
  metric: text.optional(),
  op: z.enum(Object.keys(METRIC_OPS) as [MetricOp, ...MetricOp[]]).optional(),
  value: z.coerce.number().optional(),
  /** Free text: a case-insensitive substring of any message, the error message or the scenario id. */
  q: text.optional(),
};
const FilterObject = z.object(FilterShape);
export type Filters = z.infer<typeof FilterObject>;

const EQUALS: [keyof Filters, string][] = [
  ['run', 'c.run_id'], ['approach', 'c.approach'], ['stage', 'c.stage'], ['model', 'c.model'], ['arm', 'c.arm'],
  ['group', 'c.persona_group'], ['attribute', 'c.attribute'], ['variantSet', 'c.variant_set'], ['variantId', 'c.variant_id'],
  ['scenario', 'c.scenario_id'], ['epoch', 'c.epoch'],
];

/**
 * The WHERE clause for `alias.conversations c`. With a metric, the query must also join its score as `m`
 * (see metricJoin): an op compares m.value; a metric without an op keeps conversations that have that score.
 */
export function conversationWhere(f: Filters, alias: string): Where {
  const w = new Where();
  for (const [key, column] of EQUALS) {
    const v = f[key];
    if (v !== undefined) w.add(`${column} = ?`, v as string | number);
  }
  if (f.status === 'failed') w.add(`c.status <> 'done'`);
  else if (f.status) w.add('c.status = ?', f.status);
  if (f.metric) {
    const op = f.op;
    if (op === 'null' || op === 'notnull') w.add(`m.value ${METRIC_OPS[op]}`);
    else if (op && f.value !== undefined) w.add(`m.value ${METRIC_OPS[op]} ?`, f.value);
  }
  if (f.q) {
    // A literal, case-insensitive substring (contains(lower(..)) is several times faster in DuckDB than ILIKE with ESCAPE).
    w.add(`(c.cell_key IN (SELECT cell_key FROM ${alias}.messages WHERE contains(lower(text), lower(?))) OR contains(lower(c.error_message), lower(?)) OR contains(lower(c.scenario_id), lower(?)))`, f.q, f.q, f.q);
  }
  return w;
}

/** The join that brings a metric's score in as `m` (inner: only conversations that have that score), or nothing. */
export function metricJoin(f: Filters, alias: string): { sql: string; params: string[] } {
  if (!f.metric) return { sql: '', params: [] };
  return { sql: `JOIN ${alias}.scores m ON m.cell_key = c.cell_key AND m.metric = ?`, params: [f.metric] };
}

/** Checks that a value is given when an op needs one: `value` without an op, or an op without a value, is a mistake. */
export function filterProblems(f: Filters): string[] {
  const out: string[] = [];
  if ((f.op || f.value !== undefined) && !f.metric) out.push('op and value filter a metric: give metric too');
  if (f.op && f.op !== 'null' && f.op !== 'notnull' && f.value === undefined) out.push(`op ${f.op} needs a value`);
  if (f.value !== undefined && !f.op) out.push('value needs an op (eq, ne, lt, le, gt, ge)');
  return out;
}
