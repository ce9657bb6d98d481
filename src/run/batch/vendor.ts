import type { ProviderErrorKind } from '../../core/errors.js';
import type { BackendKind, GenerateRequest, GenerateResult } from '../../core/types.js';
import type { ModelSpec } from '../../schema/model-spec.js';

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

/** Vendors with a batch API (half price); the others run through the live path. Lazy imports keep SDKs out of start-up. */
export const BATCH_VENDORS = {
  openai: async (spec) => (await import('./openai.js')).createOpenAIBatch(spec),
  anthropic: async (spec) => (await import('./anthropic.js')).createAnthropicBatch(spec),
  google: async (spec) => (await import('./google.js')).createGoogleBatch(spec),
  'openai-compatible': null,
  rules: null,
} satisfies Record<BackendKind, ((spec: ModelSpec) => Promise<BatchVendor>) | null>;

export const hasBatchApi = (kind: BackendKind): boolean => BATCH_VENDORS[kind] !== null;

export function createBatchVendor(spec: ModelSpec): Promise<BatchVendor> {
  const make = BATCH_VENDORS[spec.kind];
  if (!make) throw new Error(`${spec.kind} has no batch API`);
  return make(spec);
}

/** Parses one JSONL document; blank lines are skipped, a broken line is reported by number. */
export function parseJsonl(text: string, what: string): unknown[] {
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      throw new Error(`${what}: line ${i + 1} is not valid JSON`);
    }
  });
}
