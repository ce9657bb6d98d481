// What every vendor's batch API is reduced to, and what travels through it; the registry is vendor.ts.
import type { ProviderErrorKind } from '../../core/errors.js';
import type { GenerateRequest, GenerateResult } from '../../core/types.js';

/** One pending agent request of one cell. */
export interface BatchItem {
  /** Cell key + agent step: unique within a batch, and stable across a restart. */
  customId: string;
  request: GenerateRequest;
  /** Gemini thought signatures this cell's earlier replies carried, by call id (empty for other vendors). */
  signatures: Readonly<Record<string, string>>;
}

/** A batch has no per-item latency: the lane fills in the turnaround it observed. */
export type BatchReply = Omit<GenerateResult, 'latencyMs'>;

export type ItemOutcome =
  | { ok: true; reply: BatchReply; signatures?: Record<string, string> }
  | { ok: false; kind: ProviderErrorKind; message: string };

export interface BatchPoll {
  done: boolean;
  /** The vendor's own status word, for logs. */
  status: string;
}

/**
 * A vendor's batch API reduced to three moves. Request and reply conversion reuse the live backends' format
 * modules, so a batched request is byte-for-byte the body the live path would send.
 */
export interface BatchVendor {
  submit(items: BatchItem[], signal?: AbortSignal): Promise<string>;
  poll(batchId: string, signal?: AbortSignal): Promise<BatchPoll>;
  /** Outcomes by custom id; an item the vendor returned nothing for is absent. */
  collect(batchId: string, items: BatchItem[], signal?: AbortSignal): Promise<Map<string, ItemOutcome>>;
}
