/**
 * The viewer's JSON API: one handler per path, each parsing its query string with a strict schema. Table endpoints
 * answer one page as JSON, or the whole filtered table as CSV with `format=csv`.
 */
import { parseQuery } from './bad-request.js';
import type { ViewerFiles } from './files.js';
import { compare, CompareQuery } from './queries/compare.js';
import { conversationsQuery, ConversationsQuery } from './queries/conversations.js';
import { diffCsvQuery, DiffQuery, diffQuery, diffSummarySql, diffTable, scoreChanges } from './queries/diff.js';
import { facets } from './queries/facets.js';
import { grid, GridQuery } from './queries/grid.js';
import { runsQuery, RunsQuery } from './queries/runs.js';
import { runPage, selectAll, type TableQuery } from './queries/table-query.js';
import { listTables, tableQuery, TablesQuery } from './queries/tables.js';
import { transcript, TranscriptQuery } from './queries/transcript.js';
import { DbShape } from './sql.js';
import { z } from 'zod';

export type ApiResult =
  | { kind: 'json'; body: unknown }
  | { kind: 'csv'; filename: string; query: TableQuery };

export type Handler = (files: ViewerFiles, params: URLSearchParams) => Promise<ApiResult>;

const json = (body: unknown): ApiResult => ({ kind: 'json', body });

/** One page as JSON, or every row as CSV. */
async function table(files: ViewerFiles, q: TableQuery, p: { page: number; limit: number; format: 'json' | 'csv' }, filename: string): Promise<ApiResult> {
  if (p.format === 'csv') return { kind: 'csv', filename, query: q };
  return json(await runPage(files, q, p.page, p.limit));
}

const DbOnly = z.strictObject({ ...DbShape });

export const ROUTES = {
  '/api/files': async (files) => json(files.files.map(({ index, label, path }) => ({ index, label, path }))),
  '/api/facets': async (files, params) => json(await facets(files, parseQuery(DbOnly, params).db)),
  '/api/runs': async (files, params) => {
    const p = parseQuery(RunsQuery, params);
    return table(files, runsQuery(p), p, 'runs.csv');
  },
  '/api/conversations': async (files, params) => {
    const p = parseQuery(ConversationsQuery, params);
    return table(files, conversationsQuery(p), p, 'conversations.csv');
  },
  '/api/conversation': async (files, params) => {
    const p = parseQuery(TranscriptQuery, params);
    return json(await transcript(files, p.db, p.cell));
  },
  '/api/grid': async (files, params) => json(await grid(files, parseQuery(GridQuery, params))),
  '/api/compare': async (files, params) => json(await compare(files, parseQuery(CompareQuery, params))),
  '/api/diff': async (files, params) => {
    const p = parseQuery(DiffQuery, params);
    const t = await diffTable(files, p);
    if (p.format === 'csv') return table(files, diffCsvQuery(p, t), p, 'diff.csv');
    // The counts of every kind of change come with the page; the chosen kind's count is the page's total.
    const q = diffQuery(p, t);
    const [rows, counted] = await Promise.all([
      files.all<Record<string, unknown> & { key_a: string | null; key_b: string | null; scores_changed: boolean }>([], `${selectAll(q)} LIMIT ${p.limit} OFFSET ${p.page * p.limit}`),
      files.all<Record<string, number>>([], diffSummarySql(t)),
    ]);
    const changes = await scoreChanges(files, p, rows);
    for (const r of rows) {
      const c = r.key_a ? changes.get(r.key_a) : undefined;
      Object.assign(r, { n_score_changes: c?.n ?? 0, score_changes: c?.changes ?? [] });
    }
    const counts = counted[0] ?? {};
    return json({ rows, total: counts[p.change] ?? 0, page: p.page, limit: p.limit, counts });
  },
  '/api/tables': async (files, params) => json(await listTables(files, parseQuery(TablesQuery, params).db)),
  '/api/table': async (files, params) => {
    const t = await tableQuery(files, params);
    return table(files, t.query, t.paging, `${t.name.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`);
  },
} satisfies Record<string, Handler>;

export type RoutePath = keyof typeof ROUTES;
export const isRoute = (path: string): path is RoutePath => Object.hasOwn(ROUTES, path);
