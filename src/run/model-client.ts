import type { Backend, GenerateRequest, GenerateResult } from '../core/types.js';
import type { ModelSpec } from '../schema/model-spec.js';

export interface CallOutcome {
  result: GenerateResult;
  /** Served from the request cache: no provider call was made. */
  cached: boolean;
  retries: number;
}

/**
 * What the runner talks to: a backend wrapped by the layers that own cache, retries, rate limits and budget.
 * Each layer is a decorator over this interface, so a backend file only converts formats.
 */
export interface ModelClient {
  readonly spec: ModelSpec;
  readonly id: string;
  generate(req: GenerateRequest, signal?: AbortSignal): Promise<CallOutcome>;
}

export function directClient(backend: Backend, spec: ModelSpec): ModelClient {
  return {
    spec,
    id: backend.id,
    async generate(req, signal) {
      return { result: await backend.generate(req, signal), cached: false, retries: 0 };
    },
  };
}
