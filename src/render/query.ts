import type { Store } from '../store/db.js';
import { conversationAnchor } from './escape.js';

/** A row as charts and tables see it: only JSON-safe scalars. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export type QueryResult =
  | { kind: 'rows'; rows: Row[] }
  /** A table the query needs is not there yet (e.g. `cxbench analyse` has not run): shown as "no data yet". */
  | { kind: 'missing'; message: string }
  | { kind: 'error'; message: string };

/** DuckDB hands back bigint for BIGINT/HUGEINT counts, Date-like objects for timestamps; charts need plain JSON. */
function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}

export function normalizeRow(raw: Record<string, unknown>): Row {
  const row: Row = {};
  for (const [k, v] of Object.entries(raw)) row[k] = toCell(v);
  // Any row that names a conversation links to its transcript; the anchor is built here so it is always escaped the same way.
  if (typeof row.cell_key === 'string' && row.href === undefined) row.href = `#${conversationAnchor(row.cell_key)}`;
  return row;
}

const MISSING = /Catalog Error: Table with name (\S+) does not exist/;

export async function runQuery(store: Store, sql: string): Promise<QueryResult> {
  try {
    const rows = await store.all<Record<string, unknown>>(sql);
    return { kind: 'rows', rows: rows.map(normalizeRow) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const missing = MISSING.exec(message);
    if (missing) return { kind: 'missing', message: `table ${missing[1]} does not exist yet (run \`cxbench analyse\`)` };
    return { kind: 'error', message: message.split('\n')[0] ?? message };
  }
}
