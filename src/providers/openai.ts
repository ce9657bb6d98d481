import type { Backend } from '../core/types.js';
import type { ModelSpec } from '../schema/model-spec.js';

export async function createOpenAIBackend(spec: ModelSpec): Promise<Backend> {
  throw new Error(`backend openai is not built yet (model ${spec.model})`);
}
