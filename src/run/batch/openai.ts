import OpenAI, { toFile } from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { kindForStatus, callContext, fromSdkError } from '../../providers/provider-errors.js';
import { chatUsage, fromChatCompletion, toChatRequest } from '../../providers/openai-chat-format.js';
import { OPENAI_SDK_ERRORS } from '../../providers/openai-chat.js';
import { OPENAI_BASE_URL } from '../../providers/openai.js';
import { resolveKey } from '../../providers/keys.js';
import type { ProviderErrorKind } from '../../core/errors.js';
import type { ModelSpec } from '../../schema/model-spec.js';
import type { BatchItem, BatchVendor, ItemOutcome } from './contract.js';
import { parseJsonl } from './jsonl.js';

const ENDPOINT = '/v1/chat/completions';

/** Batch states after which nothing more will happen to the batch. */
const FINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);

/** One line of the output or error file. */
const OutputLineSchema = z.object({
  custom_id: z.string(),
  response: z.object({ status_code: z.number(), body: z.unknown() }).nullish(),
  error: z.object({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

/** Items the batch never answered: why, from the batch's own status. */
const UNANSWERED = {
  failed: 'bad-request', expired: 'timeout', cancelled: 'server', completed: 'malformed',
} satisfies Record<string, ProviderErrorKind>;

function errorText(body: unknown): string {
  const msg = (body as { error?: { message?: unknown } } | null | undefined)?.error?.message;
  return typeof msg === 'string' ? msg : JSON.stringify(body ?? null).slice(0, 300);
}

function outcomeOf(line: z.infer<typeof OutputLineSchema>, model: string): ItemOutcome {
  const res = line.response;
  if (res && res.status_code === 200 && typeof res.body === 'object' && res.body !== null) {
    const completion = res.body as ChatCompletion;
    const reply = fromChatCompletion(completion);
    if (!reply) return { ok: false, kind: 'malformed', message: 'openai batch item has no choices[0].message' };
    return { ok: true, reply: { ...reply, usage: chatUsage(completion.usage), model: completion.model || model } };
  }
  if (res) return { ok: false, kind: kindForStatus(res.status_code), message: `HTTP ${res.status_code}: ${errorText(res.body)}` };
  // batch_expired and similar codes arrive with no response at all.
  const code = line.error?.code ?? 'error';
  return { ok: false, kind: code === 'batch_expired' ? 'timeout' : 'server', message: `${code}: ${line.error?.message ?? 'no response'}` };
}

/** OpenAI Batch API over Chat Completions: a JSONL file of request bodies in, output and error files out. */
export async function createOpenAIBatch(spec: ModelSpec): Promise<BatchVendor> {
  const apiKey = resolveKey(spec);
  const client = new OpenAI({ apiKey, baseURL: spec.baseUrl ?? OPENAI_BASE_URL, maxRetries: spec.maxRetries, timeout: spec.timeoutMs });
  const wrap = async <T>(signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw fromSdkError(e, OPENAI_SDK_ERRORS, callContext(spec, apiKey, signal));
    }
  };
  const fileLines = (fileId: string | undefined, signal?: AbortSignal): Promise<unknown[]> =>
    fileId ? wrap(signal, async () => parseJsonl(await (await client.files.content(fileId, { signal })).text(), `openai batch file ${fileId}`)) : Promise.resolve([]);

  return {
    async submit(items: BatchItem[], signal?: AbortSignal) {
      const jsonl = items.map((it) => JSON.stringify({ custom_id: it.customId, method: 'POST', url: ENDPOINT, body: toChatRequest(spec.model, it.request, 'max_completion_tokens') })).join('\n');
      return wrap(signal, async () => {
        const file = await client.files.create({ file: await toFile(Buffer.from(`${jsonl}\n`), 'cxbench-batch.jsonl', { type: 'application/jsonl' }), purpose: 'batch' }, { signal });
        const batch = await client.batches.create({ input_file_id: file.id, endpoint: ENDPOINT, completion_window: '24h' }, { signal });
        return batch.id;
      });
    },
    async poll(batchId, signal) {
      const b = await wrap(signal, () => client.batches.retrieve(batchId, { signal }));
      return { done: FINAL.has(b.status), status: b.status };
    },
    async collect(batchId, items, signal) {
      const b = await wrap(signal, () => client.batches.retrieve(batchId, { signal }));
      const out = new Map<string, ItemOutcome>();
      for (const raw of [...(await fileLines(b.output_file_id, signal)), ...(await fileLines(b.error_file_id, signal))]) {
        const line = OutputLineSchema.safeParse(raw);
        if (line.success) out.set(line.data.custom_id, outcomeOf(line.data, spec.model));
      }
      const why = b.errors?.data?.map((x) => x.message).filter(Boolean).join('; ') || `batch ${b.status}`;
      for (const it of items) {
        if (!out.has(it.customId)) out.set(it.customId, { ok: false, kind: UNANSWERED[b.status as keyof typeof UNANSWERED] ?? 'server', message: `openai batch ${batchId}: no result for this item (${why})` });
      }
      return out;
    },
  };
}
