import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { RunAbort } from '../core/errors.js';
import { DDL, SCHEMA_VERSION } from './schema.js';

export interface Store {
  path: string;
  conn: DuckDBConnection;
  all<T = Record<string, unknown>>(sql: string, params?: DuckDBValue[]): Promise<T[]>;
  exec(sql: string, params?: DuckDBValue[]): Promise<void>;
  /** Runs fn inside BEGIN/COMMIT; rolls back on any error so nothing half-written remains. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Closes the file so another thread of this process can own it for a while (a run's store worker): DuckDB must
   * never have the same file open twice in one process. `reopen` takes it back; using the store in between throws.
   */
  release(): void;
  reopen(): Promise<void>;
  close(): void;
}

/** Opens (and creates) the database. DuckDB holds a file lock, so a second writer fails here with a clear message. */
export async function openStore(path: string, opts: { readOnly?: boolean; memoryLimit?: string } = {}): Promise<Store> {
  if (!opts.readOnly) mkdirSync(dirname(path), { recursive: true });
  const open = async (): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> => {
    let instance: DuckDBInstance;
    try {
      // A bounded buffer pool keeps memory flat as studies grow; DuckDB spills to a temp folder beside the file when needed.
      instance = await DuckDBInstance.create(path, { memory_limit: opts.memoryLimit ?? '512MB', ...(opts.readOnly ? { access_mode: 'READ_ONLY' } : {}) });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/lock/i.test(msg)) {
        const pid = /PID (\d+)/.exec(msg)?.[1];
        throw new RunAbort(`the database ${path} is in use by another cxbench process${pid ? ` (PID ${pid})` : ''}; wait for it to finish or use another --output folder`);
      }
      throw new RunAbort(`cannot open the database ${path}: ${msg.split('\n')[0]}`);
    }
    return { instance, conn: await instance.connect() };
  };
  let db: { instance: DuckDBInstance; conn: DuckDBConnection } | undefined = await open();
  const live = (): DuckDBConnection => {
    if (!db) throw new Error(`the database ${path} is lent to another thread; this is a bug in cxbench`);
    return db.conn;
  };
  const store: Store = {
    path,
    get conn() { return live(); },
    async all<T>(sql: string, params?: DuckDBValue[]) {
      const reader = await live().runAndReadAll(sql, params);
      return reader.getRowObjectsJS() as T[];
    },
    async exec(sql, params) {
      await live().run(sql, params);
    },
    async transaction(fn) {
      const conn = live();
      await conn.run('BEGIN TRANSACTION');
      try {
        const out = await fn();
        await conn.run('COMMIT');
        return out;
      } catch (e) {
        await conn.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    },
    release() {
      if (!db) return;
      db.conn.closeSync();
      db.instance.closeSync();
      db = undefined;
    },
    async reopen() {
      db ??= await open();
    },
    close() {
      store.release();
    },
  };
  const conn = live();
  if (!opts.readOnly) {
    for (const stmt of DDL) await conn.run(stmt);
    await conn.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)`, [String(SCHEMA_VERSION)]);
  }
  return store;
}
