import type { DuckDBValue } from '@duckdb/node-api';
import type { ViewerFiles } from '../files.js';
import type { Page } from '../sql.js';

/**
 * A query behind a sortable, filterable table: its select list, FROM ... WHERE, and ORDER BY. The API pages it with
 * LIMIT/OFFSET, so a browser never receives more than a page; a CSV download streams the same rows whole.
 */
export interface TableQuery {
  /** The files it reads (d<index>). */
  files: number[];
  columns: string;
  from: string;
  order: string;
  params: DuckDBValue[];
}

export const selectAll = (q: TableQuery): string => `SELECT ${q.columns} ${q.from} ${q.order}`;

/** One page and the number of matching rows, from one scan: the count is a window over the filtered rows. */
export async function runPage(files: ViewerFiles, q: TableQuery, page: number, limit: number): Promise<Page<Record<string, unknown>>> {
  const rows = await files.all<Record<string, unknown>>(q.files, `SELECT ${q.columns}, count(*) OVER () AS __total ${q.from} ${q.order} LIMIT ${limit} OFFSET ${page * limit}`, q.params);
  let total = Number(rows[0]?.['__total'] ?? 0);
  if (!rows.length && page > 0) {
    // Past the last page: the window saw no row, so count apart.
    total = (await files.all<{ n: number }>(q.files, `SELECT count(*)::INTEGER AS n ${q.from}`, q.params))[0]?.n ?? 0;
  }
  for (const r of rows) delete r['__total'];
  return { rows, total, page, limit };
}
