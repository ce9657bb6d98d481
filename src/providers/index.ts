import type { Backend, BackendKind } from '../core/types.js';
import type { ModelSpec } from '../schema/model-spec.js';

/** Lazy imports keep unused SDKs out of start-up (`cxbench --help` must stay fast). */
export const backends = {
  openai: async (spec) => (await import('./openai.js')).createOpenAIBackend(spec),
  anthropic: async (spec) => (await import('./anthropic.js')).createAnthropicBackend(spec),
  google: async (spec) => (await import('./google.js')).createGoogleBackend(spec),
  'openai-compatible': async (spec) => (await import('./openai-compatible.js')).createOpenAICompatibleBackend(spec),
  rules: async (spec) => (await import('./rules.js')).createRulesBackend(spec),
} satisfies Record<BackendKind, (spec: ModelSpec) => Promise<Backend>>;

export function createBackend(spec: ModelSpec): Promise<Backend> {
  return backends[spec.kind](spec);
}
