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

export const hasBatchApi = (kind: BackendKind): boolean => BATCH_VENDORS[kind] !== null;

export function createBatchVendor(spec: ModelSpec): Promise<BatchVendor> {
  const make = BATCH_VENDORS[spec.kind];
  if (!make) throw new Error(`${spec.kind} has no batch API`);
  return make(spec);
}
