import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { GenerateRequest, ToolCall, ToolDefinition, Turn, Usage } from '../core/types.js';
import { laidOutSystem, stablePrefixKey } from './prompt-layout.js';
import { parseArguments, toolResultOf, withOpener } from './turns.js';

/** OpenAI wants `max_completion_tokens` (reasoning models reject `max_tokens`); local servers widely know only `max_tokens`. */
export type MaxTokensField = 'max_completion_tokens' | 'max_tokens';

const messageFor = {
  customer: (t: Turn): ChatCompletionMessageParam => ({ role: 'user', content: t.text }),
  agent: (t: Turn): ChatCompletionMessageParam => ({
    role: 'assistant',
    content: t.text,
    ...(t.toolCalls?.length
      ? { tool_calls: t.toolCalls.map((c) => ({ id: c.id, type: 'function' as const, function: { name: c.name, arguments: JSON.stringify(c.arguments) } })) }
      : {}),
  }),
  tool: (t: Turn): ChatCompletionMessageParam => ({ role: 'tool', tool_call_id: toolResultOf(t).callId, content: t.text }),
} satisfies Record<Turn['speaker'], (t: Turn) => ChatCompletionMessageParam>;

/** The system prompt goes first, laid out stable-first (src/providers/prompt-layout.ts), then the conversation. */
export function toChatMessages(system: string, turns: readonly Turn[]): ChatCompletionMessageParam[] {
  const head: ChatCompletionMessageParam[] = system ? [{ role: 'system', content: laidOutSystem(system) }] : [];
  return [...head, ...withOpener(turns).map((t) => messageFor[t.speaker](t))];
}

export function toChatTools(tools: readonly ToolDefinition[]): ChatCompletionFunctionTool[] {
  return tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: { ...t.parameters } } }));
}

/**
 * The request body; `rulesContext` is never read here. With `promptCacheKey` (OpenAI's own API; off for servers that
 * may reject unknown fields) the body carries a key shared by every request with the same tools and stable system
 * part, i.e. by every persona variant of one scenario, so that OpenAI routes them to the same prompt cache.
 */
export function toChatRequest(model: string, req: GenerateRequest, maxTokensField: MaxTokensField, promptCacheKey = true): ChatCompletionCreateParamsNonStreaming {
  return {
    model,
    messages: toChatMessages(req.system, req.turns),
    ...(req.tools.length ? { tools: toChatTools(req.tools) } : {}),
    temperature: req.settings.temperature,
    [maxTokensField]: req.settings.maxOutputTokens,
    ...(req.settings.seed !== undefined ? { seed: req.settings.seed } : {}),
    ...(promptCacheKey ? { prompt_cache_key: stablePrefixKey(req) } : {}),
  };
}

/** prompt_tokens includes cached and cache-written tokens; completion_tokens includes reasoning tokens. */
export function chatUsage(u: CompletionUsage | undefined): Usage {
  const cacheRead = u?.prompt_tokens_details?.cached_tokens ?? 0;
  const cacheWrite = u?.prompt_tokens_details?.cache_write_tokens ?? 0;
  return {
    input: Math.max(0, (u?.prompt_tokens ?? 0) - cacheRead - cacheWrite),
    output: u?.completion_tokens ?? 0,
    cacheRead,
    cacheWrite,
    reasoning: u?.completion_tokens_details?.reasoning_tokens ?? 0,
  };
}

export interface ChatReply {
  turn: Turn;
  finishReason: string;
}

/** The first choice as a canonical agent turn, or undefined when the body has no choice to read. */
export function fromChatCompletion(c: ChatCompletion): ChatReply | undefined {
  const choice = Array.isArray(c.choices) ? c.choices[0] : undefined;
  if (!choice?.message) return undefined;
  const m = choice.message;
  const toolCalls: ToolCall[] = (m.tool_calls ?? []).flatMap((tc) =>
    tc.type === 'function' ? [{ id: tc.id, name: tc.function.name, arguments: parseArguments(tc.function.arguments) }] : [],
  );
  const turn: Turn = { speaker: 'agent', text: m.content ?? m.refusal ?? '', ...(toolCalls.length ? { toolCalls } : {}) };
  return { turn, finishReason: (choice.finish_reason ?? 'unknown').toLowerCase() };
}
