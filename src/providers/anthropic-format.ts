import type {
  ContentBlockParam,
  Message,
  MessageCreateParamsNonStreaming,
  MessageParam,
  TextBlockParam,
  Tool,
  Usage as AnthropicUsage,
} from '@anthropic-ai/sdk/resources/messages';
import type { GenerateRequest, ToolCall, ToolDefinition, Turn, Usage } from '../core/types.js';
import { laidOutSystem, layoutSystem } from './prompt-layout.js';
import { argumentsObject, pushMerged, toolResultOf, withOpener } from './turns.js';

type Role = 'user' | 'assistant';

/** Anthropic rejects empty text blocks, so an agent turn with no text contributes only its tool_use blocks. */
const blocksFor = {
  customer: (t: Turn): [Role, ContentBlockParam[]] => ['user', [{ type: 'text', text: t.text }]],
  agent: (t: Turn): [Role, ContentBlockParam[]] => [
    'assistant',
    [
      ...(t.text ? [{ type: 'text' as const, text: t.text }] : []),
      ...(t.toolCalls ?? []).map((c) => ({ type: 'tool_use' as const, id: c.id, name: c.name, input: c.arguments })),
    ],
  ],
  tool: (t: Turn): [Role, ContentBlockParam[]] => ['user', [{ type: 'tool_result', tool_use_id: toolResultOf(t).callId, content: t.text }]],
} satisfies Record<Turn['speaker'], (t: Turn) => [Role, ContentBlockParam[]]>;

/** Roles must alternate: consecutive tool results (and a customer turn after them) merge into one user message. */
export function toAnthropicMessages(turns: readonly Turn[]): MessageParam[] {
  const messages: Array<{ role: Role; content: ContentBlockParam[] }> = [];
  for (const t of withOpener(turns)) pushMerged(messages, ...blocksFor[t.speaker](t));
  return messages;
}

export function toAnthropicTools(tools: readonly ToolDefinition[]): Tool[] {
  return tools.map((t) => ({ name: t.name, description: t.description, input_schema: { ...t.parameters } }));
}

/** A cache breakpoint: the prefix up to and including the marked block is written to (or read from) the cache. */
export const EPHEMERAL = { type: 'ephemeral' } as const;

/**
 * The system prompt as blocks: the part every persona variant of the scenario shares (after the tools, which come
 * first in Anthropic's prefix order) carries a breakpoint, the variant's part follows unmarked.
 */
export function toAnthropicSystem(system: string, cache: boolean): string | TextBlockParam[] | undefined {
  if (!system) return undefined;
  if (!cache) return laidOutSystem(system);
  const { stable, variable } = layoutSystem(system);
  return [{ type: 'text', text: stable, cache_control: EPHEMERAL }, ...(variable ? [{ type: 'text' as const, text: variable }] : [])];
}

/**
 * Marks the last block of the conversation once the cell has made a call before (an agent turn is in the history):
 * the conversation so far is then read back by the next call instead of billed again. A first call is not marked:
 * most cells make a single call, and a write costs more than plain input.
 */
function markConversation(messages: MessageParam[], turns: readonly Turn[]): void {
  if (!turns.some((t) => t.speaker === 'agent')) return;
  const last = messages.at(-1);
  const blocks = last && Array.isArray(last.content) ? last.content : undefined;
  const block = blocks?.at(-1);
  if (block && (block.type === 'text' || block.type === 'tool_result' || block.type === 'tool_use')) block.cache_control = EPHEMERAL;
}

/**
 * The request body, laid out stable-first (tools, the shared system part, the variant's part, the conversation) with
 * cache breakpoints unless `cache` is false. No temperature or seed: the Messages API version this SDK sends
 * (2026-10-21) rejects sampling parameters with HTTP 400, and has no seed. `rulesContext` is never read here.
 */
export function toAnthropicRequest(model: string, req: GenerateRequest, cache = true): MessageCreateParamsNonStreaming {
  const system = toAnthropicSystem(req.system, cache);
  const messages = toAnthropicMessages(req.turns);
  if (cache) markConversation(messages, req.turns);
  return {
    model,
    max_tokens: req.settings.maxOutputTokens,
    ...(system ? { system } : {}),
    messages,
    ...(req.tools.length ? { tools: toAnthropicTools(req.tools) } : {}),
  };
}

/** input_tokens already excludes cache reads and writes; output_tokens includes thinking tokens. */
export function anthropicUsage(u: Partial<AnthropicUsage> | undefined): Usage {
  return {
    input: u?.input_tokens ?? 0,
    output: u?.output_tokens ?? 0,
    cacheRead: u?.cache_read_input_tokens ?? 0,
    cacheWrite: u?.cache_creation_input_tokens ?? 0,
    reasoning: u?.output_tokens_details?.thinking_tokens ?? 0,
  };
}

export interface AnthropicReply {
  turn: Turn;
  finishReason: string;
}

/** Text blocks joined, tool_use blocks as calls; thinking and server-tool blocks are not part of the reply. */
export function fromAnthropicMessage(m: Message): AnthropicReply | undefined {
  if (!Array.isArray(m.content)) return undefined;
  const text = m.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
  const toolCalls: ToolCall[] = m.content.flatMap((b) =>
    b.type === 'tool_use' ? [{ id: b.id, name: b.name, arguments: argumentsObject(b.input, JSON.stringify(b.input)) }] : [],
  );
  const turn: Turn = { speaker: 'agent', text, ...(toolCalls.length ? { toolCalls } : {}) };
  return { turn, finishReason: (m.stop_reason ?? 'unknown').toLowerCase() };
}
