import type { Backend } from '../core/types.js';
import type { ModelSpec } from '../schema/model-spec.js';

export async function createOpenAICompatibleBackend(spec: ModelSpec): Promise<Backend> {
  throw new Error(`backend openai-compatible is not built yet (model ${spec.model})`);
}
