import type { Backend } from '../core/types.js';
import type { ModelSpec } from '../schema/model-spec.js';

export async function createGoogleBackend(spec: ModelSpec): Promise<Backend> {
  throw new Error(`backend google is not built yet (model ${spec.model})`);
}
