/** Messages API wire JSON, as api.anthropic.com returns it (fields the SDK and the backend read). */
export interface MessageFixture {
  model?: string;
  text?: string;
  toolUses?: Array<{ id: string; name: string; input: unknown }>;
  stopReason?: string;
  usage?: Record<string, unknown>;
}

export function anthropicMessage(f: MessageFixture): unknown {
  return {
    id: 'msg_mock',
    type: 'message',
    role: 'assistant',
    model: f.model ?? 'claude-mock-20260101',
    content: [
      ...(f.text !== undefined ? [{ type: 'text', text: f.text }] : []),
      ...(f.toolUses ?? []).map((t) => ({ type: 'tool_use', id: t.id, name: t.name, input: t.input })),
    ],
    stop_reason: f.stopReason ?? (f.toolUses ? 'tool_use' : 'end_turn'),
    stop_sequence: null,
    usage: f.usage ?? { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

const ERROR_TYPES: Record<number, string> = { 400: 'invalid_request_error', 401: 'authentication_error', 429: 'rate_limit_error', 500: 'api_error' };

export function anthropicError(status: number, message: string): unknown {
  return { type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } };
}
