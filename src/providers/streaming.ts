import type Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { GenerateContentResponse, Part } from '@google/genai';
import type OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { GenerateResult } from '../core/types.js';

/**
 * Streamed calls (a model entry's `stream: true`): the reply is read as the vendor sends it, the moment its first
 * token arrives is kept, and the pieces are put back together into the very object a non-streamed call returns, so
 * the same converters make the same turn, usage and finish reason from it (tests/providers/streaming.test.ts).
 * The vendors' SDKs do the assembling where they offer it (OpenAI, Anthropic); Gemini's chunks are merged here.
 */

/** Starts at the call's start; `mark()` on every piece of generated content, `ms` is the first one. */
export class FirstToken {
  ms: number | undefined;
  constructor(private readonly t0: number) {}
  mark(): void { this.ms ??= performance.now() - this.t0; }
}

/** Chat Completions streamed, usage included, assembled by the SDK into a ChatCompletion. */
export async function streamChatCompletion(client: OpenAI, body: ChatCompletionCreateParamsNonStreaming, signal: AbortSignal | undefined, first: FirstToken): Promise<ChatCompletion> {
  const stream = client.chat.completions.stream({ ...body, stream: true, stream_options: { include_usage: true } }, { signal });
  stream.on('chunk', (chunk) => {
    const d = chunk.choices[0]?.delta;
    if (d && ((d.content ?? '') !== '' || d.tool_calls?.length || (d.refusal ?? '') !== '')) first.mark();
  });
  return (await stream.finalChatCompletion()) as ChatCompletion;
}

/** A Messages call streamed and assembled by the SDK into a Message (usage from message_start and message_delta). */
export async function streamAnthropicMessage(client: Anthropic, body: MessageCreateParamsNonStreaming, signal: AbortSignal | undefined, first: FirstToken): Promise<Anthropic.Message> {
  const stream = client.messages.stream(body, { signal });
  stream.on('streamEvent', (ev) => {
    if (ev.type === 'content_block_delta' || (ev.type === 'content_block_start' && ev.content_block.type === 'tool_use')) first.mark();
  });
  return stream.finalMessage();
}

const isPlainText = (p: Part): boolean => typeof p.text === 'string' && !p.functionCall && !p.thoughtSignature;

/**
 * Gemini's streamed chunks as one response: the parts in order, neighbouring text pieces of the same kind (answer or
 * thought) joined back into one part as a non-streamed response has them, the last chunk's finish reason, usage and
 * model version (Gemini reports cumulative usage on every chunk).
 */
export function mergeGeminiChunks(chunks: readonly GenerateContentResponse[]): GenerateContentResponse {
  const parts: Part[] = [];
  let finishReason: unknown;
  let role = 'model';
  for (const c of chunks) {
    const cand = c.candidates?.[0];
    if (cand?.finishReason) finishReason = cand.finishReason;
    if (cand?.content?.role) role = cand.content.role;
    for (const p of cand?.content?.parts ?? []) {
      const last = parts.at(-1);
      if (last && isPlainText(last) && isPlainText(p) && Boolean(last.thought) === Boolean(p.thought)) parts[parts.length - 1] = { ...last, text: `${last.text}${p.text}` };
      else parts.push({ ...p });
    }
  }
  const last = chunks.at(-1);
  const merged = {
    ...(last ?? {}),
    candidates: chunks.some((c) => c.candidates?.length) ? [{ ...(last?.candidates?.[0] ?? {}), content: { role, parts }, ...(finishReason ? { finishReason } : {}), index: 0 }] : undefined,
    promptFeedback: chunks.find((c) => c.promptFeedback)?.promptFeedback,
    usageMetadata: [...chunks].reverse().find((c) => c.usageMetadata)?.usageMetadata,
    modelVersion: [...chunks].reverse().find((c) => c.modelVersion)?.modelVersion,
  };
  return merged as GenerateContentResponse;
}

/** Output tokens per second of generation: after the first token, over what the call took after it. */
export function outputTokensPerSecond(outputTokens: number, latencyMs: number, ttftMs: number | undefined): number | undefined {
  if (ttftMs === undefined || outputTokens <= 0) return undefined;
  const genMs = latencyMs - ttftMs;
  return genMs > 0 ? (outputTokens * 1000) / genMs : undefined;
}

/**
 * The timing fields a model-call record takes from a result (ModelCall.ttftMs, .outputTokensPerS): present only for
 * streamed calls, so "not measured" is never written as a number.
 */
export function callTiming(r: Pick<GenerateResult, 'ttftMs' | 'latencyMs' | 'usage'>): { ttftMs?: number; outputTokensPerS?: number } {
  if (r.ttftMs === undefined) return {};
  const speed = outputTokensPerSecond(r.usage.output, r.latencyMs, r.ttftMs);
  return { ttftMs: r.ttftMs, ...(speed !== undefined ? { outputTokensPerS: speed } : {}) };
}
