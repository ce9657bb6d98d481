import { AzureOpenAI } from 'openai';
import type { Backend } from '../core/types.js';
import type { Endpoint, ModelSpec } from '../schema/model-spec.js';
import { resolveKey, resolveSecretVariable } from './keys.js';
import { createChatCompletionsBackend } from './openai-chat.js';
import { transportFor } from './rate-limit-headers.js';

export const AZURE_KEY_VARIABLE = 'AZURE_OPENAI_API_KEY';
export const AZURE_ENDPOINT_VARIABLE = 'AZURE_OPENAI_ENDPOINT';

type AzureEndpoint = Extract<Endpoint, { platform: 'azure' }>;

/**
 * An OpenAI model behind an Azure OpenAI deployment, through the openai SDK's AzureOpenAI client: requests go to
 * `<resource>/openai/deployments/<deployment>/chat/completions?api-version=<version>` with an `api-key` header, or a
 * Microsoft Entra bearer token when the entry names `tokenEnv`. The model id stays the model the deployment serves,
 * so prices come from the table (provider azure).
 */
export async function createAzureOpenAIBackend(spec: ModelSpec, azure: AzureEndpoint): Promise<Backend> {
  const id = `${spec.kind}:${spec.model}`;
  const endpoint = azure.endpoint ?? spec.baseUrl ?? process.env[AZURE_ENDPOINT_VARIABLE];
  if (!endpoint) throw new Error(`model ${id} on Azure needs the resource URL: set endpoint.endpoint in the model entry or ${AZURE_ENDPOINT_VARIABLE}`);
  const keyed: ModelSpec = azure.tokenEnv ? { ...spec, apiKeyEnv: azure.tokenEnv } : { ...spec, apiKeyEnv: spec.apiKeyEnv ?? AZURE_KEY_VARIABLE };
  const credential = azure.tokenEnv ? resolveSecretVariable(azure.tokenEnv, id, 'a Microsoft Entra access token') : resolveKey(keyed);
  const client = new AzureOpenAI({
    endpoint,
    deployment: azure.deployment,
    apiVersion: azure.apiVersion,
    // With a token the key must be empty: the SDK would otherwise take AZURE_OPENAI_API_KEY from the environment.
    ...(azure.tokenEnv ? { apiKey: '', azureADTokenProvider: async () => resolveSecretVariable(azure.tokenEnv!, id, 'a Microsoft Entra access token') } : { apiKey: credential }),
    // The SDK's own retries are off: the reliability layer above owns retries and counts them.
    maxRetries: 0,
    timeout: spec.timeoutMs,
    fetch: transportFor(spec),
  });
  return createChatCompletionsBackend(keyed, { apiKey: credential, baseURL: endpoint, maxTokensField: 'max_completion_tokens', client });
}
