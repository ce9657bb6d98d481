/**
 * The database files the viewer reads. One in-memory DuckDB holds the query engine; each file is ATTACHed to it
 * READ_ONLY only while requests need it and DETACHed soon after, so the viewer never keeps a `cxbench run` from
 * opening the file: a writer waits up to LOCK_WAIT_MS (3 s) for a reader's lock, and the viewer lets go of a file
 * after IDLE_MS without requests and, under a steady stream of requests, at least every MAX_HOLD_MS with a GAP_MS
 * pause (longer than a writer's retry interval) before it takes the file again. A file lent to a run's worker
 * (src/store/handoff.ts) or locked by a writer is reported as busy, never waited on for long.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DuckDBInstance, JSDuckDBValueConverter, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { InputError } from '../core/errors.js';
import { lentBy } from '../store/handoff.js';
import { BadRequest } from './bad-request.js';

export const IDLE_MS = 150;
export const MAX_HOLD_MS = 1_000;
export const GAP_MS = 60;
/** How long a request waits for a reader that holds a file for a moment before it reports the file busy. */
export const BUSY_WAIT_MS = 400;

/** A file is being written (a run holds it): the request gets HTTP 503 with this message. */
export class FileBusy extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileBusy';
  }
}

export interface ViewerFile {
  /** Index in the command line order: the API's `db` parameter. */
  index: number;
  /** The name queries use (d0, d1, ...): never user text. */
  alias: string;
  path: string;
  label: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** BigInts (counts, token sums) become numbers: a browser cannot parse them from JSON otherwise. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(row)) if (typeof v === 'bigint') row[k] = Number(v);
  return row;
}

/** One file's attach state: how many requests use it, since when it is held, and whether it is being let go. */
class Lease {
  attached = false;
  inFlight = 0;
  since = 0;
  idle: NodeJS.Timeout | undefined;
  letGo: Promise<void> | undefined;
  constructor(readonly file: ViewerFile) {}
}

export class ViewerFiles {
  private readonly leases: Lease[];
  private constructor(private readonly instance: DuckDBInstance, private readonly admin: DuckDBConnection, readonly files: ViewerFile[]) {
    this.leases = files.map((f) => new Lease(f));
  }

  /** Checks every path (exists, is a cxbench database) before the server starts: bad paths are input errors. */
  static async open(paths: string[]): Promise<ViewerFiles> {
    const files = paths.map((p, index): ViewerFile => {
      const path = resolve(p);
      if (!existsSync(path) || !statSync(path).isFile()) {
        throw new InputError(`no database at ${p}`, [{ file: 'command line', path: 'db', expected: 'a cxbench DuckDB file (run `npx cxbench run` or `npm start` first)', found: p }]);
      }
      return { index, alias: `d${index}`, path, label: basename(path) };
    });
    // Two files with one name (out/a/cxbench.duckdb, out/b/cxbench.duckdb) are labelled by their folder too.
    for (const f of files) if (files.filter((g) => g.label === f.label).length > 1) f.label = f.path.split('/').slice(-2).join('/');
    const instance = await DuckDBInstance.create(':memory:', { memory_limit: '512MB' });
    const admin = await instance.connect();
    const viewer = new ViewerFiles(instance, admin, files);
    for (const f of files) {
      await viewer.use([f.index], async (c) => {
        const tables = (await c.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_catalog = '${f.alias}'`)).getRowObjectsJS().map((r) => String(r['table_name']));
        const missing = ['runs', 'conversations', 'messages', 'model_calls', 'scores', 'metrics'].filter((t) => !tables.includes(t));
        if (missing.length) throw new InputError(`${f.path} is not a cxbench database`, [{ file: f.path, path: '', expected: 'the tables runs, conversations, messages, model_calls, scores and metrics', found: `no ${missing.join(', ')}` }]);
      }).catch((e) => {
        viewer.close();
        throw e instanceof FileBusy ? new InputError(e.message) : e;
      });
    }
    return viewer;
  }

  file(index: number): ViewerFile {
    const f = this.files[index];
    if (!f) throw new BadRequest(`no database number ${index}: the viewer has ${this.files.length} (0 to ${this.files.length - 1})`, 404);
    return f;
  }

  /** Runs fn with the named files attached (as d<index>); a fresh connection per call lets requests run in parallel. */
  async use<T>(indexes: number[], fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const leases = [...new Set(indexes)].sort().map((i) => this.leases[this.file(i).index]!);
    const taken: Lease[] = [];
    try {
      for (const l of leases) {
        await this.acquire(l);
        taken.push(l);
      }
      const c = await this.instance.connect();
      try {
        return await fn(c);
      } finally {
        c.closeSync();
      }
    } finally {
      for (const l of taken) this.release(l);
    }
  }

  /** Rows as plain objects (BigInt to number). */
  async all<T = Record<string, unknown>>(indexes: number[], sql: string, params: DuckDBValue[] = []): Promise<T[]> {
    return this.use(indexes, async (c) => (await c.runAndReadAll(sql, params)).getRowObjectsJS().map(plain) as T[]);
  }

  /** Streams rows in chunks (CSV downloads of whole tables without holding them in memory); first call: no rows, the columns. */
  async each(indexes: number[], sql: string, params: DuckDBValue[], onRows: (rows: Record<string, unknown>[], columns: string[]) => Promise<void>): Promise<void> {
    await this.use(indexes, async (c) => {
      const result = await c.stream(sql, params);
      const columns = result.columnNames();
      await onRows([], columns);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const rows = chunk.convertRows(JSDuckDBValueConverter).map((r) => plain(Object.fromEntries(columns.map((k, i) => [k, r[i] ?? null]))));
        await onRows(rows, columns);
      }
    });
  }

  /** A stable fingerprint of a file's content (size and time), for caching facet lists. */
  stamp(index: number): string {
    const s = statSync(this.file(index).path);
    return `${s.size}:${s.mtimeMs}`;
  }

  close(): void {
    for (const l of this.leases) if (l.idle) clearTimeout(l.idle);
    this.admin.closeSync();
    this.instance.closeSync();
  }

  /** Attach and detach run one at a time, in order: a detach never overlaps an attach of the same name. */
  private ops: Promise<unknown> = Promise.resolve();
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.ops.then(fn, fn);
    this.ops = next.catch(() => undefined);
    return next;
  }

  private async acquire(l: Lease): Promise<void> {
    for (;;) {
      if (l.letGo) { await l.letGo; continue; }
      if (l.attached && Date.now() - l.since > MAX_HOLD_MS) {
        // Held too long under a stream of requests: let go once the current ones finish, pause, then take it again.
        l.letGo = (async () => {
          while (l.inFlight > 0) await sleep(5);
          await this.serial(() => this.detach(l));
          await sleep(GAP_MS);
        })().finally(() => { l.letGo = undefined; });
        continue;
      }
      break;
    }
    if (l.idle) { clearTimeout(l.idle); l.idle = undefined; }
    // Counted before attaching, so a detach queued earlier sees this request and keeps the file.
    l.inFlight++;
    try {
      await this.serial(() => this.attach(l));
    } catch (e) {
      l.inFlight--;
      throw e;
    }
  }

  private release(l: Lease): void {
    l.inFlight--;
    if (l.inFlight > 0 || l.letGo) return;
    if (l.idle) clearTimeout(l.idle);
    l.idle = setTimeout(() => {
      l.idle = undefined;
      void this.serial(() => this.detach(l));
    }, Date.now() - l.since > MAX_HOLD_MS ? 0 : IDLE_MS);
  }

  private async attach(l: Lease): Promise<void> {
    if (l.attached) return;
    const deadline = Date.now() + BUSY_WAIT_MS;
    for (;;) {
      const lender = lentBy(l.file.path);
      if (lender !== undefined) throw new FileBusy(`${l.file.label} is being written by a cxbench run (PID ${lender}); the viewer reads it again when the run lets go of it`);
      try {
        await this.admin.run(`ATTACH ${sqlString(l.file.path)} AS ${l.file.alias} (READ_ONLY)`);
        l.attached = true;
        l.since = Date.now();
        return;
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        if (!/lock/i.test(msg)) throw new Error(`cannot read ${l.file.path}: ${msg.split('\n')[0]}`);
        if (Date.now() >= deadline) {
          const pid = /PID (\d+)/.exec(msg)?.[1];
          throw new FileBusy(`${l.file.label} is in use by another process${pid ? ` (PID ${pid})` : ''}, probably a cxbench run writing it; the viewer reads it again when it is free`);
        }
        await sleep(20 + Math.random() * 30);
      }
    }
  }

  /** Detaches only a file no request uses (one may have arrived since the detach was queued). */
  private async detach(l: Lease): Promise<void> {
    if (!l.attached || l.inFlight > 0) return;
    l.attached = false;
    await this.admin.run(`DETACH ${l.file.alias}`).catch(() => undefined);
  }

}
