import Anthropic from '@anthropic-ai/sdk';
import type { ProviderErrorKind } from '../../core/errors.js';
import { anthropicUsage, fromAnthropicMessage, toAnthropicRequest } from '../../providers/anthropic-format.js';
import { ANTHROPIC_BASE_URL, ANTHROPIC_SDK_ERRORS } from '../../providers/anthropic.js';
import { resolveKey } from '../../providers/keys.js';
import { callContext, fromSdkError } from '../../providers/provider-errors.js';
import type { ModelSpec } from '../../schema/model-spec.js';
import type { BatchVendor, ItemOutcome } from './contract.js';

/** Anthropic's error types as provider error kinds; unknown types count as server faults (retried). */
const ERROR_KINDS: Record<string, ProviderErrorKind> = {
  invalid_request_error: 'bad-request',
  not_found_error: 'bad-request',
  authentication_error: 'auth',
  permission_error: 'auth',
  billing_error: 'auth',
  rate_limit_error: 'rate-limit',
  timeout_error: 'timeout',
  api_error: 'server',
  overloaded_error: 'server',
};

/** Message Batches: request params in, a JSONL stream of per-request results out once processing has ended. */
export async function createAnthropicBatch(spec: ModelSpec): Promise<BatchVendor> {
  const apiKey = resolveKey(spec);
  const client = new Anthropic({ apiKey, baseURL: spec.baseUrl ?? ANTHROPIC_BASE_URL, maxRetries: spec.maxRetries, timeout: spec.timeoutMs });
  const wrap = async <T>(signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw fromSdkError(e, ANTHROPIC_SDK_ERRORS, callContext(spec, apiKey, signal));
    }
  };

  return {
    async submit(items, signal) {
      const requests = items.map((it) => ({ custom_id: it.customId, params: toAnthropicRequest(spec.model, it.request) }));
      return wrap(signal, async () => (await client.messages.batches.create({ requests }, { signal })).id);
    },
    async poll(batchId, signal) {
      const b = await wrap(signal, () => client.messages.batches.retrieve(batchId, {}, { signal }));
      return { done: b.processing_status === 'ended', status: b.processing_status };
    },
    async collect(batchId, _items, signal) {
      const out = new Map<string, ItemOutcome>();
      await wrap(signal, async () => {
        for await (const r of await client.messages.batches.results(batchId, {}, { signal })) {
          const res = r.result;
          if (res.type === 'succeeded') {
            const reply = fromAnthropicMessage(res.message);
            out.set(r.custom_id, reply
              ? { ok: true, reply: { ...reply, usage: anthropicUsage(res.message.usage), model: res.message.model || spec.model } }
              : { ok: false, kind: 'malformed', message: 'anthropic batch item has no content array' });
          } else if (res.type === 'errored') {
            const err = res.error.error;
            out.set(r.custom_id, { ok: false, kind: ERROR_KINDS[err.type] ?? 'server', message: `${err.type}: ${err.message}` });
          } else {
            out.set(r.custom_id, { ok: false, kind: res.type === 'expired' ? 'timeout' : 'server', message: `request ${res.type} before it was processed` });
          }
        }
      });
      return out;
    },
  };
}
