import type {
  ContentBlockParam,
  Message,
  MessageCreateParamsNonStreaming,
  MessageParam,
  Tool,
  Usage as AnthropicUsage,
} from '@anthropic-ai/sdk/resources/messages';
import type { GenerateRequest, ToolCall, ToolDefinition, Turn, Usage } from '../core/types.js';
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

/**
 * The request body. No temperature or seed: the Messages API version this SDK sends (2026-10-21) rejects sampling
 * parameters with HTTP 400, and has no seed. `rulesContext` is never read here.
 */
export function toAnthropicRequest(model: string, req: GenerateRequest): MessageCreateParamsNonStreaming {
  return {
    model,
    max_tokens: req.settings.maxOutputTokens,
    ...(req.system ? { system: req.system } : {}),
    messages: toAnthropicMessages(req.turns),
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
