import type { Conversation } from '../../core/conversation.js';
import type { Secret } from '../../core/redact.js';
import type { ResolvedScenario } from '../../plan/material.js';

/**
 * What the runner's thread tells the store worker: take the database (it was released for you), a finished cell,
 * close. `resolved` travels only when the worker does not hold it yet.
 */
export type ToStoreWorker =
  | { kind: 'open' }
  | { kind: 'cell'; conversation: Conversation; replace: boolean; rKey: string; resolved?: ResolvedScenario }
  | { kind: 'close' };

/** What the store worker answers: `n` more cells are committed, it failed, it let go of the file. */
export type FromStoreWorker =
  | { kind: 'written'; n: number }
  | { kind: 'failed'; message: string }
  | { kind: 'closed' };

export interface StoreWorkerData {
  path: string;
  batchSize: number;
  /** How many resolved scenarios both sides keep (see MirroredLru). */
  internCapacity: number;
  /** DuckDB's buffer pool in the worker (a DuckDB size such as '64MB'). */
  memoryLimit: string;
  /** Secrets to redact from every cell and score before it is written (see core/redact.ts). */
  secrets: Secret[];
}

/** A partial batch is committed after this long, so a slow run never keeps finished cells uncommitted for minutes. */
export const FLUSH_AFTER_MS = 1000;
