import type { DuckDBValue } from '@duckdb/node-api';
import type { ViewerFiles } from '../files.js';
import type { Page } from '../sql.js';

/**
 * A query behind a sortable, filterable table: the rows in order (without LIMIT) and their count. The API pages it
 * with LIMIT/OFFSET, so a browser never receives more than a page; a CSV download streams the same rows whole.
 */
export interface TableQuery {
  /** The files it reads (d<index>). */
  files: number[];
  select: string;
  params: DuckDBValue[];
  count: string;
  countParams: DuckDBValue[];
}

export async function runPage(files: ViewerFiles, q: TableQuery, page: number, limit: number): Promise<Page<Record<string, unknown>>> {
  const [rows, counted] = await Promise.all([
    files.all(q.files, `${q.select} LIMIT ${limit} OFFSET ${page * limit}`, q.params),
    files.all<{ n: number }>(q.files, q.count, q.countParams),
  ]);
  return { rows, total: counted[0]?.n ?? 0, page, limit };
}
