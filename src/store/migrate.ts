import type { DuckDBConnection } from '@duckdb/node-api';
import { RunAbort } from '../core/errors.js';
import { NULLABLE_SINCE_V2 } from './schema.js';

/**
 * Brings a file written by an older cxbench up to the current schema, in place, when it is opened for writing.
 * Only relaxations are done here (a NOT NULL dropped), so every stored row keeps its meaning and nothing is rewritten.
 * Columns already nullable are left alone: opening a current file changes nothing.
 */
export async function migrateSchema(conn: DuckDBConnection, path: string): Promise<void> {
  const reader = await conn.runAndReadAll(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' AND is_nullable = 'NO'`);
  const notNull = new Set((reader.getRowObjectsJS() as { table_name: string; column_name: string }[]).map((r) => `${r.table_name}.${r.column_name}`));
  for (const { table, column } of NULLABLE_SINCE_V2) {
    if (!notNull.has(`${table}.${column}`)) continue;
    try {
      await conn.run(`ALTER TABLE ${table} ALTER COLUMN ${column} DROP NOT NULL`);
    } catch (e) {
      // DuckDB refuses to alter a table that an index depends on (one a user added by hand).
      throw new RunAbort(`cannot update the database ${path} to the current schema (${table}.${column} may now hold NULL for "unknown"): ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}; drop the index on ${table} or write to a new file`);
    }
  }
}
