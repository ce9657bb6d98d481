import type { DuckDBAppender } from '@duckdb/node-api';
import type { Store } from '../store/db.js';

/**
 * Typed description of one analysis output table. The column object is the single source of truth for the DDL,
 * the column order and the row type, so a table and the code filling it cannot drift apart.
 * Counts are INTEGER (not BIGINT) so readers get JS numbers, not bigints.
 */
export type ColType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';
type JsOf<T extends ColType> = T extends 'VARCHAR' ? string : T extends 'BOOLEAN' ? boolean : number;
export type Columns = Record<string, ColType>;
export type RowOf<C extends Columns> = { [K in keyof C]: JsOf<C[K]> | null };

export interface TableSpec<C extends Columns> {
  name: string;
  columns: C;
}

export const defineTable = <C extends Columns>(name: string, columns: C): TableSpec<C> => ({ name, columns });

const append = {
  VARCHAR: (ap, v) => ap.appendVarchar(v as string),
  DOUBLE: (ap, v) => (Number.isFinite(v) ? ap.appendDouble(v as number) : ap.appendNull()),
  INTEGER: (ap, v) => (Number.isFinite(v) ? ap.appendInteger(Math.round(v as number)) : ap.appendNull()),
  BOOLEAN: (ap, v) => ap.appendBoolean(v as boolean),
} satisfies Record<ColType, (ap: DuckDBAppender, v: string | number | boolean) => void>;

/** DROP + CREATE + append; the caller wraps all tables in one transaction so readers never see a half-written set. */
export async function replaceTable<C extends Columns>(store: Store, spec: TableSpec<C>, rows: readonly RowOf<C>[]): Promise<void> {
  const cols = Object.entries(spec.columns) as [keyof C & string, ColType][];
  await store.exec(`DROP TABLE IF EXISTS ${spec.name}`);
  await store.exec(`CREATE TABLE ${spec.name} (${cols.map(([n, t]) => `${n} ${t}`).join(', ')})`);
  if (rows.length === 0) return;
  const ap = await store.conn.createAppender(spec.name);
  try {
    for (const row of rows) {
      for (const [name, type] of cols) {
        const v = row[name];
        if (v === null || v === undefined) ap.appendNull();
        else append[type](ap, v);
      }
      ap.endRow();
    }
    ap.flushSync();
  } finally {
    ap.closeSync();
  }
}
