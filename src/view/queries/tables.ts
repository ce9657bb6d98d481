/**
 * Any table or view of a file (the analysis outputs: aggregates, comparisons, bias gaps, costs, ROI ...), sorted,
 * filtered per column and paged by SQL: the viewer's replacement for the report's long static tables. Table and
 * column names are checked against the file's catalogue; filter values are bound parameters.
 */
import { z } from 'zod';
import { BadRequest } from '../bad-request.js';
import type { ViewerFiles } from '../files.js';
import { DbShape, ident, PagingShape, Where } from '../sql.js';
import type { TableQuery } from './table-query.js';

export const TablesQuery = z.strictObject({ ...DbShape });

export interface TableInfo { name: string; kind: 'table' | 'view'; columns: { name: string; type: string }[] }

export async function listTables(files: ViewerFiles, db: number): Promise<TableInfo[]> {
  const rows = await files.all<{ table_name: string; table_type: string; column_name: string; data_type: string }>([db],
    `SELECT t.table_name, t.table_type, c.column_name, c.data_type FROM information_schema.tables t
     JOIN information_schema.columns c ON c.table_catalog = t.table_catalog AND c.table_schema = t.table_schema AND c.table_name = t.table_name
     WHERE t.table_catalog = 'd${db}' AND t.table_schema = 'main' ORDER BY t.table_name, c.ordinal_position`);
  const out: TableInfo[] = [];
  for (const r of rows) {
    let t = out.at(-1);
    if (!t || t.name !== r.table_name) out.push(t = { name: r.table_name, kind: r.table_type === 'VIEW' ? 'view' : 'table', columns: [] });
    t.columns.push({ name: r.column_name, type: r.data_type });
  }
  return out;
}

/** Per-column filters arrive as `f.<column>=<text>`; the strict schema is built per table, so unknown keys still fail. */
export const TableQueryBase = { ...DbShape, ...PagingShape, name: z.string().min(1).max(200) };

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*)$/;
const COMPARISON = /^\s*(<=|>=|<>|!=|=|<|>)?\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i;

/**
 * A numeric column's filter is a comparison (`> 0.5`, `<= 3`, `= 1`, or a bare number), or `null` / `not null`;
 * any other column matches a case-insensitive substring of its text.
 */
function columnCondition(w: Where, column: { name: string; type: string }, filter: string): void {
  const col = ident(column.name);
  const f = filter.trim();
  if (/^null$/i.test(f)) { w.add(`${col} IS NULL`); return; }
  if (/^not null$/i.test(f)) { w.add(`${col} IS NOT NULL`); return; }
  if (NUMERIC.test(column.type)) {
    const m = COMPARISON.exec(f);
    if (!m) throw new BadRequest(`filter on ${column.name}: expected a number or a comparison such as > 0.5, found ${JSON.stringify(filter)}`);
    const op = m[1] === '!=' ? '<>' : m[1] ?? '=';
    w.add(`${col} ${op} ?`, Number(m[2]));
    return;
  }
  w.add(`contains(lower(CAST(${col} AS VARCHAR)), lower(?))`, f);
}

export interface Paged { page: number; limit: number; format: 'json' | 'csv' }

export async function tableQuery(files: ViewerFiles, params: URLSearchParams): Promise<{ query: TableQuery; paging: Paged; name: string }> {
  const db = Number(params.get('db') ?? 0);
  const name = params.get('name') ?? '';
  const tables = Number.isInteger(db) && db >= 0 && db < files.files.length ? await listTables(files, db) : [];
  const table = tables.find((t) => t.name === name);
  if (!table) throw new BadRequest(`no table ${JSON.stringify(name)} in that file; tables: ${tables.map((t) => t.name).join(', ')}`, 404);
  const filterShape = Object.fromEntries(table.columns.map((c) => [`f.${c.name}`, z.string().max(500).optional()]));
  const parsed = z.strictObject({ ...TableQueryBase, ...filterShape }).safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    throw new BadRequest(parsed.error.issues.map((i) => (i.code === 'unrecognized_keys' ? `unknown parameter ${i.keys.join(', ')} (columns: ${table.columns.map((c) => c.name).join(', ')})` : `${i.path.join('.')}: ${i.message}`)).join('; '));
  }
  const p = parsed.data as z.infer<z.ZodObject<typeof TableQueryBase>> & Record<string, string | undefined>;
  const w = new Where();
  for (const c of table.columns) {
    const f = p[`f.${c.name}`];
    if (f !== undefined && f.trim() !== '') columnCondition(w, c, f);
  }
  const sortColumn = p.sort === undefined ? undefined : table.columns.find((c) => c.name === p.sort);
  if (p.sort !== undefined && !sortColumn) throw new BadRequest(`sort: no column ${p.sort} in ${name}`);
  const order = sortColumn ? `ORDER BY ${ident(sortColumn.name)} ${p.dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST` : '';
  const from = `FROM d${db}.main.${ident(table.name)} ${w.sql}`;
  return {
    query: { files: [db], columns: '*', from, order, params: w.params },
    paging: { page: p.page, limit: p.limit, format: p.format },
    name: table.name,
  };
}
