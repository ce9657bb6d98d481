import type { Conversation } from '../../core/conversation.js';
import type { ResolvedScenario } from '../../plan/material.js';

/** A conversation the runner has finished, on its way to being scored and stored. */
export interface FinishedCell {
  conversation: Conversation;
  resolved: ResolvedScenario;
  /** The cell has older rows (an infrastructure failure being retried): they are replaced in the same transaction. */
  replace: boolean;
}

/**
 * Where finished cells go: scored with the deterministic evaluators and appended to the database, a batch of cells per
 * transaction, behind generation so a provider slot moves on to its next cell at once. Bounded: `put` waits when too
 * many cells are still unwritten, so memory stays flat however long the run.
 */
export interface CellSink {
  /** Hands a cell over; resolves when there is room for the next, rejects once a write has failed. */
  put(cell: FinishedCell): Promise<void>;
  /** Cells handed over and not yet committed. */
  unwritten(): number;
  /** Waits until every cell handed over is scored and committed, then lets go of its resources; rethrows a failure. */
  close(): Promise<void>;
}

/** Cells handed over but not yet committed, at most. */
export const MAX_UNWRITTEN = 256;

/**
 * The stable identity of a resolved scenario: same scenario version and persona variant, same content. A user agent's
 * tool classes are set on its cells' resolved scenarios, so they are part of the identity too.
 */
export const resolvedKey = (r: ResolvedScenario): string => `${r.scenario.id}@${r.scenario.version}|${r.variant.set}/${r.variant.variant.id}${r.toolClasses ? `|${JSON.stringify(r.toolClasses)}` : ''}`;
