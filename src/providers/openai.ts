import type { Backend } from '../core/types.js';
import type { ModelSpec } from '../schema/model-spec.js';
import { resolveKey } from './keys.js';
import { createChatCompletionsBackend } from './openai-chat.js';

/** The vendor's URL is written out so that an OPENAI_BASE_URL left in the environment cannot redirect a run. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export async function createOpenAIBackend(spec: ModelSpec): Promise<Backend> {
  if (spec.endpoint?.platform === 'azure') return (await import('./azure-openai.js')).createAzureOpenAIBackend(spec, spec.endpoint);
  const apiKey = resolveKey(spec);
  return createChatCompletionsBackend(spec, { apiKey, baseURL: spec.baseUrl ?? OPENAI_BASE_URL, maxTokensField: 'max_completion_tokens' });
}
