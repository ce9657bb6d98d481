/**
 * The scenario x agent grid: one row per (approach, scenario), one column per model, each cell a summary of that
 * model's conversations on the scenario (how many, how many failed, the mean of one chosen metric). Rows are paged by
 * SQL; the filters are the conversation list's.
 */
import { z } from 'zod';
import { BadRequest } from '../bad-request.js';
import { conversationWhere, FilterShape, metricJoin } from '../filters.js';
import type { ViewerFiles } from '../files.js';
import { DbShape, PagingShape } from '../sql.js';
import { checkFilters } from './conversations.js';

export const GridQuery = z.strictObject({ ...DbShape, ...PagingShape, ...FilterShape, show: z.string().min(1).max(200).default('resolution.resolved') });
export type GridParams = z.infer<typeof GridQuery>;

export interface GridCell { n: number; done: number; failed: number; mean: number | null; n_scored: number; first_cell: string }
export interface GridRow { approach: string; scenario_id: string; cells: Record<string, GridCell> }
export interface Grid { models: { model: string; arm: string }[]; rows: GridRow[]; total: number; page: number; limit: number; show: string }

export async function grid(files: ViewerFiles, p: GridParams): Promise<Grid> {
  checkFilters(p);
  if (p.sort !== undefined && p.sort !== 'approach' && p.sort !== 'scenario') throw new BadRequest(`sort: the grid sorts by approach or scenario, not ${p.sort}`);
  const a = `d${p.db}`;
  const join = metricJoin(p, a);
  const where = conversationWhere(p, a);
  const filtered = `SELECT c.* FROM ${a}.conversations c ${join.sql} ${where.sql}`;
  const fParams = [...join.params, ...where.params];
  const dir = p.dir === 'desc' ? 'DESC' : 'ASC';
  const order = p.sort === 'scenario' ? `scenario_id ${dir}, approach` : `approach ${dir}, scenario_id`;
  const [models, counted, cells] = await Promise.all([
    files.all<{ model: string; arm: string }>([p.db], `WITH f AS (${filtered}) SELECT model, any_value(arm) AS arm FROM f GROUP BY model ORDER BY any_value(arm) = 'traditional' DESC, model`, fParams),
    files.all<{ n: number }>([p.db], `WITH f AS (${filtered}) SELECT count(*)::INTEGER AS n FROM (SELECT DISTINCT approach, scenario_id FROM f)`, fParams),
    files.all<GridCell & { approach: string; scenario_id: string; model: string }>([p.db], `WITH f AS (${filtered}),
        pairs AS (SELECT DISTINCT approach, scenario_id FROM f ORDER BY ${order} LIMIT ${p.limit} OFFSET ${p.page * p.limit})
      SELECT f.approach, f.scenario_id, f.model, count(*)::INTEGER AS n, count(*) FILTER (WHERE f.status = 'done')::INTEGER AS done,
        count(*) FILTER (WHERE f.status <> 'done')::INTEGER AS failed, avg(s.value) AS mean, count(s.value)::INTEGER AS n_scored, min(f.cell_key) AS first_cell
      FROM f JOIN pairs USING (approach, scenario_id) LEFT JOIN ${a}.scores s ON s.cell_key = f.cell_key AND s.metric = ?
      GROUP BY ALL ORDER BY ${order}, f.model`, [...fParams, p.show]),
  ]);
  const rows: GridRow[] = [];
  for (const c of cells) {
    let row = rows.at(-1);
    if (!row || row.approach !== c.approach || row.scenario_id !== c.scenario_id) rows.push(row = { approach: c.approach, scenario_id: c.scenario_id, cells: {} });
    row.cells[c.model] = { n: c.n, done: c.done, failed: c.failed, mean: c.mean, n_scored: c.n_scored, first_cell: c.first_cell };
  }
  return { models, rows, total: counted[0]?.n ?? 0, page: p.page, limit: p.limit, show: p.show };
}
