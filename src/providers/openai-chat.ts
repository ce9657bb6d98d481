import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Backend, GenerateRequest, GenerateResult } from '../core/types.js';
import { promptCacheOn, type ModelSpec } from '../schema/model-spec.js';
import { chatUsage, fromChatCompletion, toChatRequest, type MaxTokensField } from './openai-chat-format.js';
import { transportFor } from './rate-limit-headers.js';
import { FirstToken, streamChatCompletion } from './streaming.js';
import { callContext, fromSdkError, malformed } from './provider-errors.js';

export const OPENAI_SDK_ERRORS = { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError };

export interface ChatBackendOptions {
  baseURL: string;
  apiKey: string;
  maxTokensField: MaxTokensField;
  /** A client made elsewhere (Azure OpenAI); by default an OpenAI client for baseURL. */
  client?: OpenAI;
}

/** One Chat Completions backend serves OpenAI itself and every OpenAI-compatible server; only the options differ. */
export function createChatCompletionsBackend(spec: ModelSpec, opts: ChatBackendOptions): Backend {
  // The SDK's own retries are off: the reliability layer above owns retries and counts them.
  const client = opts.client ?? new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL, maxRetries: 0, timeout: spec.timeoutMs, fetch: transportFor(spec) });
  return {
    id: `${spec.kind}:${spec.model}`,
    kind: spec.kind,
    async generate(req: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
      const ctx = callContext(spec, opts.apiKey, signal);
      const body = toChatRequest(spec.model, req, opts.maxTokensField, promptCacheOn(spec));
      const t0 = performance.now();
      const first = new FirstToken(t0);
      let completion: OpenAI.ChatCompletion;
      try {
        completion = spec.stream ? await streamChatCompletion(client, body, signal, first) : await client.chat.completions.create(body, { signal });
      } catch (e) {
        throw fromSdkError(e, OPENAI_SDK_ERRORS, ctx);
      }
      const latencyMs = performance.now() - t0;
      const reply = typeof completion === 'object' && completion !== null ? fromChatCompletion(completion) : undefined;
      if (!reply) throw malformed(ctx, 'has no choices[0].message');
      return { ...reply, usage: chatUsage(completion.usage), latencyMs, model: completion.model || spec.model, ...(first.ms !== undefined ? { ttftMs: first.ms } : {}) };
    },
  };
}
