import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { Backend, GenerateRequest, GenerateResult } from '../core/types.js';
import { promptCacheOn, type ModelSpec } from '../schema/model-spec.js';
import { anthropicUsage, fromAnthropicMessage, toAnthropicRequest } from './anthropic-format.js';
import { resolveKey } from './keys.js';
import { httpFetch } from './http-fetch.js';
import { observingFetch } from './rate-limit-headers.js';
import { callContext, fromSdkError, malformed } from './provider-errors.js';

export const ANTHROPIC_SDK_ERRORS = { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError };

/** Written out so that an ANTHROPIC_BASE_URL left in the environment cannot redirect a run. */
export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

export async function createAnthropicBackend(spec: ModelSpec): Promise<Backend> {
  const apiKey = resolveKey(spec);
  // An explicit apiKey also stops the SDK from looking for tokens, profiles or config files of its own.
  // Its retries are off: the reliability layer above owns retries and counts them.
  const client = new Anthropic({ apiKey, baseURL: spec.baseUrl ?? ANTHROPIC_BASE_URL, maxRetries: 0, timeout: spec.timeoutMs, fetch: observingFetch(httpFetch) });
  return {
    id: `anthropic:${spec.model}`,
    kind: 'anthropic',
    async generate(req: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
      const ctx = callContext(spec, apiKey, signal);
      const body = toAnthropicRequest(spec.model, req, promptCacheOn(spec));
      const t0 = performance.now();
      let message: Anthropic.Message;
      try {
        message = await client.messages.create(body, { signal });
      } catch (e) {
        throw fromSdkError(e, ANTHROPIC_SDK_ERRORS, ctx);
      }
      const latencyMs = performance.now() - t0;
      const reply = typeof message === 'object' && message !== null ? fromAnthropicMessage(message) : undefined;
      if (!reply) throw malformed(ctx, 'has no content array');
      return { ...reply, usage: anthropicUsage(message.usage), latencyMs, model: message.model || spec.model };
    },
  };
}
