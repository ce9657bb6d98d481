import { DuckDBInstance } from '@duckdb/node-api';

/** Read-only query against a database file, BigInts turned into numbers (test helper). */
export async function query<T = Record<string, unknown>>(db: string, sql: string): Promise<T[]> {
  const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const c = await inst.connect();
  try {
    const rows = (await c.runAndReadAll(sql)).getRowObjectsJS();
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as T[];
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}
