import { GoogleGenAI, type BatchJob, type GenerateContentResponse, type InlinedRequest } from '@google/genai';
import type { ProviderErrorKind } from '../../core/errors.js';
import { fromGeminiResponse, geminiUsage, SKIP_SIGNATURE_SENTINEL, toGeminiConfig, toGeminiContents } from '../../providers/google-format.js';
import { fromGenaiError, wantsSignature } from '../../providers/google.js';
import { resolveKey } from '../../providers/keys.js';
import { callContext, kindForStatus } from '../../providers/provider-errors.js';
import type { ModelSpec } from '../../schema/model-spec.js';
import type { BatchItem, BatchVendor, ItemOutcome } from './contract.js';

const FINAL = new Set(['JOB_STATE_SUCCEEDED', 'JOB_STATE_PARTIALLY_SUCCEEDED', 'JOB_STATE_FAILED', 'JOB_STATE_CANCELLED', 'JOB_STATE_EXPIRED']);

/** google.rpc.Code values an item error carries; HTTP-like codes (>= 100) map by status instead. */
const RPC_KINDS: Record<number, ProviderErrorKind> = {
  3: 'bad-request', 5: 'bad-request', 9: 'bad-request', 11: 'bad-request',
  7: 'auth', 16: 'auth',
  8: 'rate-limit',
  4: 'timeout',
};

function errorKind(code: number | undefined): ProviderErrorKind {
  if (code === undefined) return 'server';
  return code >= 100 ? kindForStatus(code) : (RPC_KINDS[code] ?? 'server');
}

/** Which job state left an item unanswered, as a kind. */
const UNANSWERED: Record<string, ProviderErrorKind> = { JOB_STATE_EXPIRED: 'timeout', JOB_STATE_FAILED: 'server', JOB_STATE_CANCELLED: 'server' };

/**
 * Gemini batch mode with inlined requests: each request carries its cell's custom id in metadata, and responses
 * come back inline in the job (in request order, which is the fallback when metadata is missing).
 */
export async function createGoogleBatch(spec: ModelSpec): Promise<BatchVendor> {
  const apiKey = resolveKey(spec);
  const client = new GoogleGenAI({
    apiKey,
    vertexai: false,
    httpOptions: { timeout: spec.timeoutMs, ...(spec.baseUrl ? { baseUrl: spec.baseUrl, apiVersion: 'v1beta' } : {}) },
  });
  const sendSentinel = wantsSignature(spec.model);
  const wrap = async <T>(signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw fromGenaiError(e, undefined, callContext(spec, apiKey, signal));
    }
  };
  const inlined = (it: BatchItem): InlinedRequest => ({
    contents: toGeminiContents(it.request.turns, (id) => it.signatures[id] ?? (sendSentinel ? SKIP_SIGNATURE_SENTINEL : undefined)),
    config: toGeminiConfig(it.request),
    metadata: { key: it.customId },
  });
  const outcome = (r: GenerateContentResponse | undefined, it: BatchItem): ItemOutcome => {
    if (typeof r !== 'object' || r === null || (!Array.isArray(r.candidates) && !r.promptFeedback)) {
      return { ok: false, kind: 'malformed', message: 'google batch item has neither candidates nor promptFeedback' };
    }
    const reply = fromGeminiResponse(r, it.request.turns);
    return {
      ok: true,
      reply: { turn: reply.turn, finishReason: reply.finishReason, usage: geminiUsage(r.usageMetadata), model: r.modelVersion || spec.model },
      signatures: Object.fromEntries(reply.signatures),
    };
  };

  return {
    async submit(items, signal) {
      const job = await wrap(signal, () => client.batches.create({ model: spec.model, src: items.map(inlined), config: { displayName: 'cxbench', abortSignal: signal } }));
      if (!job.name) throw new Error('google batch create returned no job name');
      return job.name;
    },
    async poll(name, signal) {
      const job = await wrap(signal, () => client.batches.get({ name, config: { abortSignal: signal } }));
      return { done: FINAL.has(job.state ?? ''), status: job.state ?? 'unknown' };
    },
    async collect(name, items, signal) {
      const job: BatchJob = await wrap(signal, () => client.batches.get({ name, config: { abortSignal: signal } }));
      const byId = new Map(items.map((it) => [it.customId, it]));
      const out = new Map<string, ItemOutcome>();
      (job.dest?.inlinedResponses ?? []).forEach((r, i) => {
        const it = byId.get(r.metadata?.['key'] ?? '') ?? items[i];
        if (!it) return;
        out.set(it.customId, r.error
          ? { ok: false, kind: errorKind(r.error.code), message: `code ${r.error.code ?? '?'}: ${r.error.message ?? 'no message'}` }
          : outcome(r.response, it));
      });
      const why = UNANSWERED[job.state ?? ''];
      for (const it of items) {
        if (!out.has(it.customId)) out.set(it.customId, { ok: false, kind: why ?? 'malformed', message: `google batch ${name} (${job.state ?? 'unknown'}): no result for this item${job.error?.message ? ` (${job.error.message})` : ''}` });
      }
      return out;
    },
  };
}
