import { z } from 'zod';
import type { Store } from '../../store/db.js';
import { ConversationStateSchema } from '../conversation-state.js';

/**
 * In-progress batch conversations live in the run's own DuckDB file, so a run resumes across process restarts while
 * a batch is pending: one row per unfinished cell, with the batch its next request is in (null between rounds).
 * No primary key: rows are replaced by delete + insert in one transaction, which DuckDB's eager unique-constraint
 * checks would reject for a key updated twice in a transaction.
 */
const DDL = `CREATE TABLE IF NOT EXISTS batch_state (
  cell_key VARCHAR NOT NULL,
  provider VARCHAR NOT NULL,
  state_json VARCHAR NOT NULL,
  batch_id VARCHAR,
  step INTEGER NOT NULL,
  submitted_at VARCHAR,
  updated_at VARCHAR NOT NULL
)`;

export const BatchCellStateSchema = z.object({
  v: z.literal(1),
  conversation: ConversationStateSchema,
  /** Failed attempts at the current agent step; reset when the step succeeds. */
  failures: z.number().int().nonnegative(),
  /** Gemini thought signatures of this cell's function calls, to send back on later requests. */
  signatures: z.record(z.string(), z.string()),
});
export type BatchCellState = z.infer<typeof BatchCellStateSchema>;

export interface StoredCell {
  cellKey: string;
  /** The model key (`openai:gpt-4o-mini`): one lane per provider model. */
  provider: string;
  state: BatchCellState;
  batchId: string | null;
  /** The agent step the pending request is for (successful agent calls so far). */
  step: number;
  submittedAt: string | null;
}

export async function ensureBatchStateTable(store: Store): Promise<void> {
  await store.exec(DDL);
}

interface Row { cell_key: string; provider: string; state_json: string; batch_id: string | null; step: number; submitted_at: string | null }

/** Every stored cell; a row whose state no longer parses (written by an incompatible version) is reported, not guessed at. */
export async function loadBatchState(store: Store): Promise<StoredCell[]> {
  const rows = await store.all<Row>('SELECT cell_key, provider, state_json, batch_id, step, submitted_at FROM batch_state ORDER BY cell_key');
  return rows.map((r) => {
    const parsed = BatchCellStateSchema.safeParse(JSON.parse(r.state_json));
    if (!parsed.success) throw new Error(`batch_state row for cell ${r.cell_key} is unreadable: ${parsed.error.issues[0]?.message ?? 'invalid'}; delete the row to restart that cell`);
    return { cellKey: r.cell_key, provider: r.provider, state: parsed.data, batchId: r.batch_id, step: r.step, submittedAt: r.submitted_at };
  });
}

export async function saveBatchState(store: Store, cells: StoredCell[]): Promise<void> {
  if (cells.length === 0) return;
  const now = new Date().toISOString();
  await store.transaction(async () => {
    await deleteRows(store, cells.map((c) => c.cellKey));
    for (const c of cells) {
      await store.exec('INSERT INTO batch_state VALUES (?, ?, ?, ?, ?, ?, ?)', [c.cellKey, c.provider, JSON.stringify(c.state), c.batchId, c.step, c.submittedAt, now]);
    }
  });
}

export async function deleteBatchState(store: Store, keys: string[]): Promise<void> {
  if (keys.length) await deleteRows(store, keys);
}

async function deleteRows(store: Store, keys: string[]): Promise<void> {
  await store.exec(`DELETE FROM batch_state WHERE cell_key IN (${keys.map(() => '?').join(',')})`, keys);
}
