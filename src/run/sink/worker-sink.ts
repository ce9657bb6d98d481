import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NO_SECRETS, type Redactor } from '../../core/redact.js';
import type { Store } from '../../store/db.js';
import { MirroredLru } from './intern.js';
import { MAX_UNWRITTEN, resolvedKey, type CellSink } from './sink.js';
import type { FromStoreWorker, StoreWorkerData, ToStoreWorker } from './worker-protocol.js';

/**
 * The store worker's heap. Its live set is the NLP model, the evaluators' per-scenario caches and at most
 * MAX_UNWRITTEN conversations; a small young generation keeps the garbage of scoring from inflating resident memory.
 */
export const STORE_WORKER_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 8 } as const;
const INTERN_CAPACITY = 512;
/**
 * DuckDB's buffer pool while appending. Committed blocks are evicted once checkpointed, so appends need only the open
 * row groups of five tables (about 25 MB: 24 MB failed with "failed to pin block"); 40 MB leaves room for long replies
 * (5,000 cells of 12 kB replies ran at 32 MB). The pool fills to its cap over a long run, so the cap is most of what
 * grows: 50,000 cells peaked at 553 MB with the 512 MB default, 341 MB at 64 MB, 314 MB at 40 MB (docs/performance.md).
 */
export const STORE_WORKER_DUCKDB_MEMORY = '40MB';

/** A store worker that is loading (its modules, the NLP model) and does not hold the database yet. */
export interface StartingStoreWorker {
  /** Lends it the database (the store is released here and taken back on the sink's `close`): cells may come. */
  attach(): CellSink;
  /** Stops it without ever lending it the database (the run failed before its first cell). */
  stop(): Promise<void>;
}

/**
 * Scores and stores in a worker thread that owns the database during the run, so neither the evaluators nor DuckDB's
 * synchronous appends ever delay an in-flight provider response on the runner's thread. Deterministic evaluators of
 * the registry only (a judge needs the runner's backend: use the inline sink). Started before planning, so that it
 * loads while this thread plans; generation starts at once after `attach`: cells sent while the worker still loads
 * or opens the file wait in its queue (a failure to open surfaces on the next `put` or on `close`).
 */
export function startStoreWorker(store: Store, opts: { batchSize: number; internCapacity?: number; redactor?: Redactor }): StartingStoreWorker {
  const here = fileURLToPath(import.meta.url);
  const file = here.replace(/worker-sink\.([cm]?[jt]s)$/, 'store-worker.$1');
  // From sources (tsx, vitest) the worker is TypeScript and needs tsx's loader; from dist/ it is plain JavaScript.
  // The parent's own flags are not passed on: some (heap sizes, profilers) are refused by workers.
  const execArgv = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const internCapacity = opts.internCapacity ?? INTERN_CAPACITY;
  const workerData: StoreWorkerData = { path: store.path, batchSize: opts.batchSize, internCapacity, memoryLimit: STORE_WORKER_DUCKDB_MEMORY, secrets: (opts.redactor ?? NO_SECRETS).toJSON() };
  const worker = new Worker(file, { execArgv, workerData, resourceLimits: STORE_WORKER_LIMITS });

  let failure: Error | undefined;
  let unwritten = 0;
  let closed = false;
  // Every provider slot may be waiting for room at once: each message from the worker wakes them all to re-check.
  let waiters: (() => void)[] = [];
  const waitForWorker = (): Promise<void> => new Promise((resolve) => { waiters.push(resolve); });
  const notify = (): void => { const ws = waiters; waiters = []; for (const w of ws) w(); };
  worker.on('message', (m: FromStoreWorker) => {
    if (m.kind === 'written') unwritten -= m.n;
    else if (m.kind === 'failed') failure ??= new Error(m.message);
    else if (m.kind === 'closed') closed = true;
    notify();
  });
  worker.on('error', (e) => { failure ??= e; notify(); });
  worker.on('exit', (code) => {
    if (!closed) failure ??= new Error(`the store worker stopped unexpectedly (exit code ${code})`);
    closed = true;
    notify();
  });

  const sent = new MirroredLru<true>(internCapacity);
  const send = (m: ToStoreWorker): void => worker.postMessage(m);
  const sink: CellSink = {
    async put({ conversation, resolved, replace }) {
      if (failure) throw failure;
      const rKey = resolvedKey(resolved);
      // The same touch/add sequence as the worker's cache, so a scenario travels only when the worker lacks it.
      const held = sent.touch(rKey);
      if (!held) sent.add(rKey, true);
      send({ kind: 'cell', conversation, replace, rKey, ...(held ? {} : { resolved }) });
      unwritten++;
      while (unwritten >= MAX_UNWRITTEN && !failure && !closed) await waitForWorker();
      if (failure) throw failure;
    },
    unwritten: () => unwritten,
    async close() {
      try {
        if (!closed) send({ kind: 'close' });
        while (!closed) await waitForWorker();
        await worker.terminate();
      } finally {
        await store.reopen();
      }
      if (failure) throw failure;
    },
  };
  return {
    attach() {
      store.release();
      send({ kind: 'open' });
      return sink;
    },
    async stop() {
      await worker.terminate();
    },
  };
}

/** A store worker that holds the database from the start (see startStoreWorker). */
export const workerSink = (store: Store, opts: { batchSize: number; internCapacity?: number; redactor?: Redactor }): CellSink => startStoreWorker(store, opts).attach();
