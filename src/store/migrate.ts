import type { DuckDBConnection } from '@duckdb/node-api';
import { RunAbort } from '../core/errors.js';
import { ADDED_SINCE_V3, NULLABLE_SINCE_V2 } from './schema.js';

/**
 * Brings a file written by an older cxbench up to the current schema, in place, when it is opened for writing.
 * Only additive changes are done here, so every stored row keeps its meaning and nothing is rewritten:
 * a NOT NULL dropped (version 2) and nullable columns appended (version 3; old rows hold NULL there, "not measured").
 * What is already in place is left alone: opening a current file changes nothing.
 */
export async function migrateSchema(conn: DuckDBConnection, path: string): Promise<void> {
  const reader = await conn.runAndReadAll(
    `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'main'`);
  const rows = reader.getRowObjectsJS() as { table_name: string; column_name: string; is_nullable: string }[];
  const present = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
  const notNull = new Set(rows.filter((r) => r.is_nullable === 'NO').map((r) => `${r.table_name}.${r.column_name}`));
  for (const { table, column } of NULLABLE_SINCE_V2) {
    if (!notNull.has(`${table}.${column}`)) continue;
    await alter(conn, path, `ALTER TABLE ${table} ALTER COLUMN ${column} DROP NOT NULL`, `${table}.${column} may now hold NULL for "unknown"`, table);
  }
  for (const { table, column, type } of ADDED_SINCE_V3) {
    if (present.has(`${table}.${column}`)) continue;
    await alter(conn, path, `ALTER TABLE ${table} ADD COLUMN ${column} ${type}`, `${table} gains the column ${column}`, table);
  }
}

async function alter(conn: DuckDBConnection, path: string, sql: string, what: string, table: string): Promise<void> {
  try {
    await conn.run(sql);
  } catch (e) {
    // DuckDB refuses to alter a table that an index depends on (one a user added by hand).
    throw new RunAbort(`cannot update the database ${path} to the current schema (${what}): ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}; drop the index on ${table} or write to a new file`);
  }
}
