import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../store/db.js';
import { TABLES } from '../store/schema.js';

export interface ParquetFile {
  table: string;
  /** raw: written by run/score; analysis: derived tables rebuilt by `report`. */
  kind: 'raw' | 'analysis';
  path: string;
  rows: number;
}

const RAW = new Set<string>(TABLES);
const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Every base table of the database's main schema: the raw tables first (schema order), then the analysis tables. */
export async function listTables(store: Store): Promise<{ table: string; kind: ParquetFile['kind'] }[]> {
  const rows = await store.all<{ table_name: string }>(
    `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary ORDER BY table_name`);
  const names = rows.map((r) => r.table_name);
  return [
    ...TABLES.filter((t) => names.includes(t)).map((table) => ({ table, kind: 'raw' as const })),
    ...names.filter((t) => !RAW.has(t) && t !== 'meta').map((table) => ({ table, kind: 'analysis' as const })),
  ];
}

/**
 * One zstd-compressed Parquet file per table, written by DuckDB itself (COPY ... TO), so the export streams and
 * never holds a table in Node's memory. Rows are ordered by the table's natural key where it has one, so two exports
 * of the same database give the same files. The `meta` table (schema version) goes along as meta.parquet.
 */
export async function exportParquet(store: Store, outDir: string): Promise<ParquetFile[]> {
  // A URL (s3://, gs://, ...) is handed to DuckDB as is: its httpfs extension and a stored secret do the rest.
  const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(outDir);
  if (!remote) mkdirSync(outDir, { recursive: true });
  const files: ParquetFile[] = [];
  for (const { table, kind } of [...(await listTables(store)), { table: 'meta', kind: 'raw' as const }]) {
    const path = remote ? `${outDir.replace(/\/+$/, '')}/${table}.parquet` : resolve(join(outDir, `${table}.parquet`));
    const order = ORDER[table] ? ` ORDER BY ${ORDER[table]}` : '';
    await store.exec(`COPY (SELECT * FROM ${ident(table)}${order}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`);
    const n = await store.all<{ n: bigint | number }>(`SELECT count(*) AS n FROM ${ident(table)}`);
    files.push({ table, kind, path, rows: Number(n[0]?.n ?? 0) });
  }
  return files;
}

const ORDER: Record<string, string> = {
  runs: 'run_id', conversations: 'cell_key', messages: 'cell_key, idx', tool_calls: 'cell_key, msg_idx, call_id',
  model_calls: 'cell_key, idx', scores: 'cell_key, metric, evaluator', metrics: 'metric', meta: 'key',
};
