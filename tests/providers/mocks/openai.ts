/** Chat Completions wire JSON, as api.openai.com returns it (fields the SDK and the backend read). */
export interface ChatReplyFixture {
  model?: string;
  content?: string | null;
  toolCalls?: Array<{ id: string; name: string; arguments: string }>;
  finishReason?: string;
  usage?: Record<string, unknown>;
}

export function chatCompletion(f: ChatReplyFixture): unknown {
  return {
    id: 'chatcmpl-mock',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: f.model ?? 'gpt-mock-2026-01-01',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: f.content ?? null,
          refusal: null,
          ...(f.toolCalls ? { tool_calls: f.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })) } : {}),
        },
        logprobs: null,
        finish_reason: f.finishReason ?? (f.toolCalls ? 'tool_calls' : 'stop'),
      },
    ],
    usage: f.usage ?? { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

export function openaiError(_status: number, message: string): unknown {
  return { error: { message, type: 'invalid_request_error', param: null, code: null } };
}
