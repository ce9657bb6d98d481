/**
 * A row-level diff of two sides, each a file and optionally one run: conversations are paired by their cell identity
 * (approach, scenario, persona variant, model, epoch), which is what a cell key hashes apart from the settings, prompt
 * and scenario versions; `same_key` says whether the keys themselves match. For each pair: did the status change,
 * which scores changed (metric, A, B), and did the agent's final reply change. Where one side holds a cell from several
 * runs, its latest finished conversation stands for it.
 */
import { z } from 'zod';
import { BadRequest } from '../bad-request.js';
import { DbShape, orderBy, PagingShape } from '../sql.js';
import type { ViewerFiles } from '../files.js';
import type { TableQuery } from './table-query.js';

export const CHANGES = ['changed', 'status', 'scores', 'reply', 'only-a', 'only-b', 'same', 'all'] as const;
export type Change = (typeof CHANGES)[number];

const text = z.string().min(1).max(500);
export const DiffQuery = z.strictObject({
  a: DbShape.db, b: DbShape.db, runA: text.optional(), runB: text.optional(),
  change: z.enum(CHANGES).default('changed'),
  /** Timing metrics (unit ms, e.g. handle time) differ on every rerun: left out of the score changes unless included. */
  timing: z.enum(['ignore', 'include']).default('ignore'),
  approach: text.optional(), model: text.optional(),
  ...PagingShape,
});
export type DiffParams = z.infer<typeof DiffQuery>;

export const DIFF_SORTS = {
  approach: 'approach', scenario: 'scenario_id', variant: 'variant_id', model: 'model', epoch: 'epoch',
  status_a: 'status_a', status_b: 'status_b', n_scores: 'n_score_changes',
} as const satisfies Record<string, string>;

const CONDITION: Record<Change, string> = {
  changed: 'NOT same', status: 'status_changed', scores: 'n_score_changes > 0', reply: 'reply_changed',
  'only-a': 'key_b IS NULL', 'only-b': 'key_a IS NULL', same: 'same', all: 'true',
};

const ID = ['approach', 'scenario_id', 'variant_set', 'variant_id', 'model', 'epoch'];
/** Scores closer than this are the same value (floating-point noise from a re-computation is not a change). */
const EPS = 1e-9;

/** The pairs with their changes as the CTE `diff` (WITH ..., without the final SELECT): shared by the page, counts and CSV. */
function pairsSql(p: DiffParams): { sql: string; params: (string | number)[] } {
  if (p.a === p.b && (p.runA ?? '') === (p.runB ?? '')) throw new BadRequest('the two sides are the same: choose another run or file for B');
  const params: (string | number)[] = [];
  const side = (db: number, run: string | undefined): string => {
    const cond: string[] = [];
    if (run) { cond.push('run_id = ?'); params.push(run); }
    if (p.approach) { cond.push('approach = ?'); params.push(p.approach); }
    if (p.model) { cond.push('model = ?'); params.push(p.model); }
    return `SELECT cell_key, run_id, status, ${ID.join(', ')} FROM d${db}.conversations ${cond.length ? `WHERE ${cond.join(' AND ')}` : ''}
      QUALIFY row_number() OVER (PARTITION BY ${ID.join(', ')} ORDER BY finished_at DESC) = 1`;
  };
  const sa = side(p.a, p.runA);
  const sb = side(p.b, p.runB);
  const reply = (db: number, s: string): string => `SELECT m.cell_key, arg_max(m.text, m.idx) AS reply FROM d${db}.messages m
    JOIN ${s} USING (cell_key) WHERE m.speaker = 'agent' GROUP BY m.cell_key`;
  return { sql: diffSql(p, sa, sb, reply), params };
}

/** The diff itself (kept apart from the side selection above for readability). */
function diffSql(p: DiffParams, sa: string, sb: string, reply: (db: number, s: string) => string): string {
  const untimed = (db: number): string => (p.timing === 'ignore' ? ` AND s.metric NOT IN (SELECT metric FROM d${db}.metrics WHERE unit = 'ms')` : '');
  return `WITH sa AS MATERIALIZED (${sa}), sb AS MATERIALIZED (${sb}),
    pairs AS MATERIALIZED (
      SELECT ${ID.map((c) => `coalesce(sa.${c}, sb.${c}) AS ${c}`).join(', ')},
        sa.cell_key AS key_a, sb.cell_key AS key_b, sa.run_id AS run_a, sb.run_id AS run_b, sa.status AS status_a, sb.status AS status_b
      FROM sa FULL OUTER JOIN sb ON ${ID.map((c) => `sa.${c} = sb.${c}`).join(' AND ')}),
    ra AS MATERIALIZED (${reply(p.a, 'sa')}), rb AS MATERIALIZED (${reply(p.b, 'sb')}),
    xa AS (SELECT pr.key_a, s.metric, s.value FROM pairs pr JOIN d${p.a}.scores s ON s.cell_key = pr.key_a WHERE pr.key_b IS NOT NULL${untimed(p.a)}),
    xb AS (SELECT pr.key_a, s.metric, s.value FROM pairs pr JOIN d${p.b}.scores s ON s.cell_key = pr.key_b WHERE pr.key_a IS NOT NULL${untimed(p.b)}),
    score_changes AS MATERIALIZED (
      SELECT coalesce(xa.key_a, xb.key_a) AS key_a, count(*)::INTEGER AS n,
        list({'metric': coalesce(xa.metric, xb.metric), 'a': xa.value, 'b': xb.value, 'in_a': xa.metric IS NOT NULL, 'in_b': xb.metric IS NOT NULL}) AS changes
      FROM xa FULL OUTER JOIN xb ON xa.key_a = xb.key_a AND xa.metric = xb.metric
      WHERE xa.metric IS NULL OR xb.metric IS NULL OR (xa.value IS NULL) <> (xb.value IS NULL) OR abs(xa.value - xb.value) > ${EPS}
      GROUP BY 1),
    -- Materialised so that a filter on the flags below is not pushed into the joins (it would pair every reply of A
    -- with every reply of B).
    diff AS MATERIALIZED (SELECT pr.*, pr.key_a = pr.key_b AS same_key,
      pr.key_a IS NOT NULL AND pr.key_b IS NOT NULL AND pr.status_a <> pr.status_b AS status_changed,
      coalesce(sc.n, 0) AS n_score_changes, sc.changes AS score_changes,
      pr.key_a IS NOT NULL AND pr.key_b IS NOT NULL AND ra.reply IS DISTINCT FROM rb.reply AS reply_changed,
      left(ra.reply, 600) AS reply_a, left(rb.reply, 600) AS reply_b,
      pr.key_a IS NOT NULL AND pr.key_b IS NOT NULL AND pr.status_a = pr.status_b AND coalesce(sc.n, 0) = 0 AND ra.reply IS NOT DISTINCT FROM rb.reply AS same
    FROM pairs pr LEFT JOIN ra ON ra.cell_key = pr.key_a LEFT JOIN rb ON rb.cell_key = pr.key_b LEFT JOIN score_changes sc ON sc.key_a = pr.key_a)`;
}

/**
 * The diff of two sides is computed once into a table of the viewer's in-memory database and kept while the files
 * are unchanged (size and modification time): paging, sorting, the change tabs and the CSV then read that table.
 * The few most recent diffs are kept; older ones are dropped.
 */
const KEEP = 3;
const cache = new Map<string, Promise<string>>();
let serial = 0;

export async function diffTable(files: ViewerFiles, p: DiffParams): Promise<string> {
  const { sql, params } = pairsSql(p);
  const key = JSON.stringify([files.file(p.a).path, files.stamp(p.a), files.file(p.b).path, files.stamp(p.b), p.runA, p.runB, p.approach, p.model, p.timing]);
  let made = cache.get(key);
  if (!made) {
    const name = `memory.main.diff_${++serial}`;
    made = files.use([p.a, p.b], async (c) => { await c.run(`CREATE TABLE ${name} AS ${sql} SELECT * FROM diff`, params); return name; });
    cache.set(key, made);
    made.catch(() => cache.delete(key));
    while (cache.size > KEEP) {
      const [oldKey, old] = cache.entries().next().value!;
      cache.delete(oldKey);
      void old.then((n) => files.use([], (c) => c.run(`DROP TABLE IF EXISTS ${n}`))).catch(() => undefined);
    }
  }
  return made;
}

export function diffQuery(p: DiffParams, table: string): TableQuery {
  const cond = CONDITION[p.change];
  return {
    files: [],
    // list(... ORDER BY) is slow in DuckDB: only the rows read get their changes sorted (structs sort by the metric).
    columns: '* REPLACE (list_sort(score_changes)[1:20] AS score_changes)',
    from: `FROM ${table} WHERE ${cond}`,
    order: orderBy(DIFF_SORTS, p.sort, p.dir, 'approach', 'scenario_id, variant_set, variant_id, model, epoch'),
    params: [],
  };
}

/** How many pairs fall in each kind of change (the page's tabs show them all). */
export function diffSummarySql(table: string): string {
  return `SELECT ${CHANGES.map((c) => `count(*) FILTER (WHERE ${CONDITION[c]})::INTEGER AS "${c}"`).join(', ')} FROM ${table}`;
}
