import type { Backend } from '../core/types.js';
import type { ModelSpec } from '../schema/model-spec.js';
import { resolveKey } from './keys.js';
import { createChatCompletionsBackend } from './openai-chat.js';

/**
 * Ollama, vLLM, llama.cpp, LM Studio and other servers that speak Chat Completions. They need a base URL; a key only
 * when `apiKeyEnv` names one. `max_tokens` because local servers do not all accept `max_completion_tokens`.
 */
export async function createOpenAICompatibleBackend(spec: ModelSpec): Promise<Backend> {
  const apiKey = resolveKey(spec);
  if (!spec.baseUrl) {
    throw new Error(`model openai-compatible:${spec.model} needs a server address: pass --base-url (e.g. http://127.0.0.1:11434/v1) or set baseUrl in the config`);
  }
  return createChatCompletionsBackend(spec, { apiKey, baseURL: spec.baseUrl, maxTokensField: 'max_tokens' });
}
