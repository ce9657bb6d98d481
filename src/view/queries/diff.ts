/**
 * A row-level diff of two sides, each a file and optionally one run: conversations are paired by their cell identity
 * (approach, scenario, persona variant, model, epoch), which is what a cell key hashes apart from the settings, prompt
 * and scenario versions; `same_key` says whether the keys themselves match. For each pair: did the status change, did
 * any score change, did the agent's final reply change. Where one side holds a cell from several runs, its latest
 * finished conversation stands for it.
 *
 * Cost: the pairs and their flags are computed once into a table of the viewer's in-memory database (a score change
 * is found by comparing one fingerprint of each conversation's scores); which metrics changed, from what to what, is
 * worked out only for the rows a page shows (or the CSV streams).
 */
import { z } from 'zod';
import { BadRequest } from '../bad-request.js';
import type { ViewerFiles } from '../files.js';
import { DbShape, orderBy, PagingShape } from '../sql.js';
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
  status_a: 'status_a', status_b: 'status_b', scores: 'scores_changed', reply: 'reply_changed',
} as const satisfies Record<string, string>;

const CONDITION: Record<Change, string> = {
  changed: 'NOT same', status: 'status_changed', scores: 'scores_changed', reply: 'reply_changed',
  'only-a': 'key_b IS NULL', 'only-b': 'key_a IS NULL', same: 'same', all: 'true',
};

const ID = ['approach', 'scenario_id', 'variant_set', 'variant_id', 'model', 'epoch'];
/** Scores are compared at this many decimals: floating-point noise from a re-computation is not a change. */
const DECIMALS = 9;

const untimed = (p: DiffParams, db: number): string => (p.timing === 'ignore' ? `AND s.metric NOT IN (SELECT metric FROM d${db}.metrics WHERE unit = 'ms')` : '');

/** The pairs and their flags, as one statement ending in the CTE `diff`. */
function diffSql(p: DiffParams): { sql: string; params: (string | number)[] } {
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
  // The sum of one hash per (metric, rounded value): equal multisets of scores give equal sums.
  const fingerprint = (db: number, s: string): string => `SELECT s.cell_key, sum(hash(s.metric, round(s.value, ${DECIMALS}))) AS fp
    FROM d${db}.scores s JOIN ${s} USING (cell_key) WHERE true ${untimed(p, db)} GROUP BY s.cell_key`;
  const sql = `WITH sa AS MATERIALIZED (${sa}), sb AS MATERIALIZED (${sb}),
    pairs AS MATERIALIZED (
      SELECT ${ID.map((c) => `coalesce(sa.${c}, sb.${c}) AS ${c}`).join(', ')},
        sa.cell_key AS key_a, sb.cell_key AS key_b, sa.run_id AS run_a, sb.run_id AS run_b, sa.status AS status_a, sb.status AS status_b
      FROM sa FULL OUTER JOIN sb ON ${ID.map((c) => `sa.${c} = sb.${c}`).join(' AND ')}),
    ra AS MATERIALIZED (${reply(p.a, 'sa')}), rb AS MATERIALIZED (${reply(p.b, 'sb')}),
    fa AS MATERIALIZED (${fingerprint(p.a, 'sa')}), fb AS MATERIALIZED (${fingerprint(p.b, 'sb')}),
    -- Materialised so that a filter on the flags is never pushed into the joins (it would pair every reply of A with
    -- every reply of B).
    diff AS MATERIALIZED (
      SELECT pr.*, pr.key_a = pr.key_b AS same_key,
        pr.key_a IS NOT NULL AND pr.key_b IS NOT NULL AS paired,
        paired AND pr.status_a <> pr.status_b AS status_changed,
        paired AND fa.fp IS DISTINCT FROM fb.fp AS scores_changed,
        paired AND ra.reply IS DISTINCT FROM rb.reply AS reply_changed,
        left(ra.reply, 600) AS reply_a, left(rb.reply, 600) AS reply_b,
        paired AND NOT status_changed AND NOT scores_changed AND NOT reply_changed AS same
      FROM pairs pr LEFT JOIN ra ON ra.cell_key = pr.key_a LEFT JOIN rb ON rb.cell_key = pr.key_b
        LEFT JOIN fa ON fa.cell_key = pr.key_a LEFT JOIN fb ON fb.cell_key = pr.key_b)`;
  return { sql, params };
}

/** The diff tables kept, most recent last; older ones are dropped. */
const KEEP = 3;
const cache = new Map<string, Promise<string>>();
let serial = 0;

/** The name of the table holding this diff, computed now unless the files are unchanged since it was. */
export async function diffTable(files: ViewerFiles, p: DiffParams): Promise<string> {
  const { sql, params } = diffSql(p);
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
  return {
    files: [],
    columns: '* EXCLUDE (paired)',
    from: `FROM ${table} WHERE ${CONDITION[p.change]}`,
    order: orderBy(DIFF_SORTS, p.sort, p.dir, 'approach', 'scenario_id, variant_set, variant_id, model, epoch'),
    params: [],
  };
}

/** How many pairs fall in each kind of change (the page's tabs show them all). */
export function diffSummarySql(table: string): string {
  return `SELECT ${CHANGES.map((c) => `count(*) FILTER (WHERE ${CONDITION[c]})::INTEGER AS "${c}"`).join(', ')} FROM ${table}`;
}

export interface ScoreChange { metric: string; a: number | null; b: number | null; in_a: boolean; in_b: boolean }

/** SQL for the metrics that changed in the given pairs (`pairs` is a table or subquery of key_a, key_b). */
function changesSql(p: DiffParams, pairs: string): string {
  const side = (db: number, key: 'key_a' | 'key_b'): string => `SELECT pr.key_a, s.metric, round(s.value, ${DECIMALS}) AS value
    FROM pr JOIN d${db}.scores s ON s.cell_key = pr.${key} WHERE true ${untimed(p, db)}`;
  return `WITH pr AS MATERIALIZED ${pairs} SELECT coalesce(xa.key_a, xb.key_a) AS key_a, count(*)::INTEGER AS n,
      list_sort(list({'metric': coalesce(xa.metric, xb.metric), 'a': xa.value, 'b': xb.value, 'in_a': xa.metric IS NOT NULL, 'in_b': xb.metric IS NOT NULL})) AS changes
    FROM (${side(p.a, 'key_a')}) xa FULL OUTER JOIN (${side(p.b, 'key_b')}) xb ON xa.key_a = xb.key_a AND xa.metric = xb.metric
    WHERE xa.metric IS NULL OR xb.metric IS NULL OR xa.value IS DISTINCT FROM xb.value
    GROUP BY 1`;
}

/** Which metrics changed, from what to what, for the pairs on one page (at most `limit` per pair). */
export async function scoreChanges(files: ViewerFiles, p: DiffParams, rows: { key_a: string | null; key_b: string | null; scores_changed: boolean }[], limit = 20): Promise<Map<string, { n: number; changes: ScoreChange[] }>> {
  const pairs = rows.filter((r) => r.scores_changed && r.key_a && r.key_b);
  if (!pairs.length) return new Map();
  const values = pairs.map(() => '(?, ?)').join(', ');
  const out = await files.all<{ key_a: string; n: number; changes: ScoreChange[] }>([p.a, p.b],
    changesSql(p, `(SELECT * FROM (VALUES ${values}) AS v(key_a, key_b))`), pairs.flatMap((r) => [r.key_a!, r.key_b!]));
  return new Map(out.map((r) => [r.key_a, { n: r.n, changes: r.changes.slice(0, limit) }]));
}

/** The CSV: the page's columns plus every changed metric as text (`metric: a -> b; ...`), computed for the changed pairs. */
export function diffCsvQuery(p: DiffParams, table: string): TableQuery {
  const changed = `(SELECT key_a, key_b FROM ${table} WHERE scores_changed)`;
  return {
    files: [p.a, p.b],
    columns: `* EXCLUDE (changes), array_to_string(list_transform(changes, x -> x.metric || ': ' || CASE WHEN x.in_a THEN coalesce(x.a::VARCHAR, 'null') ELSE 'absent' END
        || ' -> ' || CASE WHEN x.in_b THEN coalesce(x.b::VARCHAR, 'null') ELSE 'absent' END), '; ') AS score_changes`,
    from: `FROM (SELECT d.* EXCLUDE (paired), coalesce(sc.n, 0) AS n_score_changes, sc.changes FROM ${table} d
      LEFT JOIN (${changesSql(p, changed)}) sc ON sc.key_a = d.key_a) WHERE ${CONDITION[p.change]}`,
    order: diffQuery(p, table).order,
    params: [],
  };
}
