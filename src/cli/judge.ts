import type { Backend } from '../core/types.js';
import type { SuiteConfig } from '../schema/config.js';

/** The optional judge role: created (and its key checked) before anything runs. */
export async function createJudge(config: SuiteConfig): Promise<Backend | undefined> {
  if (!config.judge) return undefined;
  const { modelSpecFromEntry } = await import('../schema/model-spec.js');
  const { createBackend } = await import('../providers/index.js');
  return createBackend(modelSpecFromEntry(config.judge));
}
