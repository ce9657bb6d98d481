import type { Backend } from '../core/types.js';
import type { SuiteConfig } from '../schema/config.js';
import type { ModelSpec } from '../schema/model-spec.js';

export interface Judge { backend: Backend; spec: ModelSpec }

/** The optional judge role: created (and its key checked) before anything runs. */
export async function createJudge(config: SuiteConfig): Promise<Judge | undefined> {
  if (!config.judge) return undefined;
  const { modelSpecFromEntry } = await import('../schema/model-spec.js');
  const { createBackend } = await import('../providers/index.js');
  const spec = modelSpecFromEntry(config.judge);
  return { backend: await createBackend(spec), spec };
}
