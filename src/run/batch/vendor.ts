import type { BackendKind } from '../../core/types.js';
import type { ModelSpec } from '../../schema/model-spec.js';
import type { BatchVendor } from './contract.js';

/** Vendors with a batch API (half price); the others run through the live path. Lazy imports keep SDKs out of start-up. */
export const BATCH_VENDORS = {
  openai: async (spec) => (await import('./openai.js')).createOpenAIBatch(spec),
  anthropic: async (spec) => (await import('./anthropic.js')).createAnthropicBatch(spec),
  google: async (spec) => (await import('./google.js')).createGoogleBatch(spec),
  'openai-compatible': null,
  rules: null,
} satisfies Record<BackendKind, ((spec: ModelSpec) => Promise<BatchVendor>) | null>;

/**
 * Whether a model's cells go through its vendor's batch API. Not for a model on an enterprise endpoint (Azure,
 * Vertex, Bedrock): the batch clients speak to the vendors' public APIs only, so those cells run live instead of
 * being sent to the wrong place with the wrong credentials.
 */
export const hasBatchApi = (spec: Pick<ModelSpec, 'kind' | 'endpoint'>): boolean => BATCH_VENDORS[spec.kind] !== null && spec.endpoint === undefined;

export function createBatchVendor(spec: ModelSpec): Promise<BatchVendor> {
  const make = BATCH_VENDORS[spec.kind];
  if (!make) throw new Error(`${spec.kind} has no batch API`);
  return make(spec);
}
