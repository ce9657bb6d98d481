import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { RunAbort } from '../core/errors.js';
import { DDL, SCHEMA_VERSION } from './schema.js';
import { clearLent, lentBy, markLent } from './handoff.js';
import { migrateSchema } from './migrate.js';

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

export interface OpenOptions {
  readOnly?: boolean;
  memoryLimit?: string;
  /**
   * How long to keep trying while another process holds DuckDB's file lock: a reader that opens and closes the file
   * (a notebook polling it) holds it only for moments. A process that keeps it (another run) still fails after this.
   */
  lockWaitMs?: number;
  /** This open takes over a file lent by a thread of this process (the run's store worker): see handoff.ts. */
  handOff?: boolean;
}

/** A reader holding the lock for a moment is waited for this long by default; a lent file is waited for longer. */
export const LOCK_WAIT_MS = 3_000;
export const HAND_OFF_LOCK_WAIT_MS = 60_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Opens (and creates) the database. DuckDB holds a file lock, so a second writer fails here with a clear message.
 * Opened for writing (not as a hand-off), runs still marked `running` are marked `interrupted`: holding the lock
 * proves their process is gone (they crashed or were killed).
 */
export async function openStore(path: string, opts: OpenOptions = {}): Promise<Store> {
  if (!opts.readOnly) mkdirSync(dirname(path), { recursive: true });
  const inUse = (pid: string | undefined): RunAbort =>
    new RunAbort(`the database ${path} is in use by another cxbench process${pid ? ` (PID ${pid})` : ''}; wait for it to finish or use another --output folder`);
  const open = async (lockWaitMs: number): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> => {
    const deadline = Date.now() + lockWaitMs;
    for (;;) {
      // A run that lent the file to its worker thread keeps it: this process must not take the lock in between.
      const lender = opts.handOff || path === ':memory:' ? undefined : lentBy(path);
      if (lender !== undefined) throw inUse(`${lender}, a run writing to it`);
      try {
        // A bounded buffer pool keeps memory flat as studies grow; DuckDB spills to a temp folder beside the file when needed.
        const instance = await DuckDBInstance.create(path, { memory_limit: opts.memoryLimit ?? '512MB', ...(opts.readOnly ? { access_mode: 'READ_ONLY' } : {}) });
        return { instance, conn: await instance.connect() };
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        if (!/lock/i.test(msg)) throw new RunAbort(`cannot open the database ${path}: ${msg.split('\n')[0]}`);
        if (Date.now() >= deadline) throw inUse(/PID (\d+)/.exec(msg)?.[1]);
        await sleep(5 + Math.random() * 20);
      }
    }
  };
  let db: { instance: DuckDBInstance; conn: DuckDBConnection } | undefined = await open(opts.lockWaitMs ?? (opts.handOff ? HAND_OFF_LOCK_WAIT_MS : LOCK_WAIT_MS));
  const shut = (): void => {
    if (!db) return;
    db.conn.closeSync();
    db.instance.closeSync();
    db = undefined;
  };
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
      // Marked before the lock is let go, so another cxbench process never takes the file from the worker.
      if (!opts.readOnly && path !== ':memory:') markLent(path);
      shut();
    },
    async reopen() {
      if (db) return;
      db = await open(HAND_OFF_LOCK_WAIT_MS);
      clearLent(path);
    },
    close() {
      shut();
    },
  };
  const conn = live();
  if (!opts.readOnly) {
    for (const stmt of DDL) await conn.run(stmt);
    await migrateSchema(conn, path);
    await conn.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)`, [String(SCHEMA_VERSION)]);
    if (!opts.handOff) {
      await conn.run(`UPDATE runs SET status = 'interrupted', finished_at = coalesce(finished_at, ?) WHERE status = 'running'`, [new Date().toISOString()]);
      // A stale marker of a process that died while lending the file.
      clearLent(path);
    }
  }
  return store;
}
