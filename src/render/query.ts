import type { Store } from '../store/db.js';

/** A row as charts and tables see it: only JSON-safe scalars. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export type QueryResult =
  | { kind: 'rows'; rows: Row[] }
  /** A table the query needs is not there yet (e.g. `cxbench analyse` has not run): shown as "no data yet". */
  | { kind: 'missing'; table: string; message: string }
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
  return row;
}

const MISSING = /Catalog Error: Table with name (\S+) does not exist/;

/** The tables `cxbench analyse` writes (src/analysis/index.ts). */
const ANALYSIS_TABLES: ReadonlySet<string> = new Set(['analysis_meta', 'aggregates', 'comparisons', 'pass_k', 'bias_gaps', 'costs', 'roi', 'infra', 'instrument_agreement']);

/**
 * Which command writes a table: only the analysis tables come from `cxbench analyse` (and `report`, which runs it).
 * The hint must name the command that really creates the table, or say that nothing in this database made it.
 */
export function missingTableHint(table: string): string {
  if (table.startsWith('validity_')) return `table ${table} does not exist: it is written by a validity study (\`cxbench validity\`, docs/validity.md)`;
  if (table === 'judge_validation') return 'no judge has been calibrated against human labels (`cxbench judge calibrate`, docs/judge-calibration.md)';
  if (table === 'instrument_validity') return 'validity not measured: this database has no instrument_validity table (`cxbench analyse` writes it from validity/measured.json)';
  if (ANALYSIS_TABLES.has(table)) return `table ${table} does not exist yet (run \`cxbench analyse\`)`;
  return `table ${table} does not exist in this database`;
}


export async function runQuery(store: Store, sql: string): Promise<QueryResult> {
  try {
    const rows = await store.all<Record<string, unknown>>(sql);
    return { kind: 'rows', rows: rows.map(normalizeRow) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const missing = MISSING.exec(message);
    if (missing) {
      const table = missing[1]!.replace(/^"|"$/g, '');
      return { kind: 'missing', table, message: missingTableHint(table) };
    }
    return { kind: 'error', message: message.split('\n')[0] ?? message };
  }
}
