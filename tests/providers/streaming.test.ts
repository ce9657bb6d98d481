import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend, GenerateResult } from '../../src/core/types.js';
import { createAnthropicBackend } from '../../src/providers/anthropic.js';
import { createGoogleBackend } from '../../src/providers/google.js';
import { createOpenAIBackend } from '../../src/providers/openai.js';
import { ModelCallSchema } from '../../src/core/conversation.js';
import { callTiming, mergeGeminiChunks, outputTokensPerSecond } from '../../src/providers/streaming.js';
import { anthropicMessage } from './mocks/anthropic.js';
import { FAKE_VENDOR_KEYS, setEnv } from './mocks/env.js';
import { LOOKUP_ORDER, request, spec } from './mocks/fixtures.js';
import { geminiResponse } from './mocks/google.js';
import { chatCompletion } from './mocks/openai.js';
import { startMockServer, type MockServer, type ScriptedReply } from './mocks/server.js';

let restoreEnv: () => void;
let mock: MockServer;
beforeAll(async () => {
  restoreEnv = setEnv(FAKE_VENDOR_KEYS);
  mock = await startMockServer();
});
afterAll(async () => { restoreEnv(); await mock.close(); });

const GAP = 25;
const req = request([{ speaker: 'customer', text: 'Where is order A1?' }], [LOOKUP_ORDER]);

/** The same reply whole and streamed in pieces: everything but the timing must come out the same. */
async function both(make: (stream: boolean) => Promise<Backend>, whole: ScriptedReply, streamed: ScriptedReply): Promise<[GenerateResult, GenerateResult]> {
  mock.reply(whole);
  const a = await (await make(false)).generate(req);
  mock.reply(streamed);
  const b = await (await make(true)).generate(req);
  return [a, b];
}

function expectSameReply(a: GenerateResult, b: GenerateResult, events: number): void {
  const strip = ({ latencyMs: _l, ttftMs: _t, ...rest }: GenerateResult) => rest;
  expect(strip(b)).toEqual(strip(a));
  expect(a.ttftMs).toBeUndefined();
  // The first token came with the first content event; the rest took at least the gaps after it.
  expect(b.ttftMs).toBeGreaterThan(0);
  expect(b.latencyMs - b.ttftMs!).toBeGreaterThanOrEqual(GAP * (events - 1) * 0.8);
  expect(outputTokensPerSecond(b.usage.output, b.latencyMs, b.ttftMs)).toBeGreaterThan(0);
}

describe('streaming gives the same reply as a whole response, and records time to first token', () => {
  it('OpenAI: chunks with content and tool-call deltas, usage in the last chunk', async () => {
    const model = 'gpt-mock-2026-01-01';
    const usage = { prompt_tokens: 1300, completion_tokens: 25, total_tokens: 1325, prompt_tokens_details: { cached_tokens: 1024 } };
    const chunk = (delta: unknown, finish: string | null = null) => ({ id: 'chatcmpl-s', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta, finish_reason: finish }] });
    const sse = [
      chunk({ role: 'assistant', content: 'Let me ' }), chunk({ content: 'check.' }),
      chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'lookup_order', arguments: '{"orderId"' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: ':"A1"}' } }] }), chunk({}, 'tool_calls'),
      { id: 'chatcmpl-s', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [], usage }, '[DONE]',
    ].map((data) => ({ data }));
    const [a, b] = await both(
      (stream) => createOpenAIBackend(spec({ kind: 'openai', model: 'gpt-mock', baseUrl: `${mock.url}/v1`, stream })),
      { json: chatCompletion({ content: 'Let me check.', toolCalls: [{ id: 'call_1', name: 'lookup_order', arguments: '{"orderId":"A1"}' }], usage, model }) },
      { sse, gapMs: GAP },
    );
    expect(mock.requests.at(-1)!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(b.turn.toolCalls).toEqual([{ id: 'call_1', name: 'lookup_order', arguments: { orderId: 'A1' } }]);
    expect(b.usage).toEqual({ input: 276, output: 25, cacheRead: 1024, cacheWrite: 0, reasoning: 0 });
    expectSameReply(a, b, sse.length);
  });

  it('Anthropic: message_start, text and input_json deltas, message_delta usage', async () => {
    const usage = { input_tokens: 10, output_tokens: 25, cache_creation_input_tokens: 0, cache_read_input_tokens: 1200 };
    const ev = (data: { type: string }) => ({ event: data.type, data });
    const sse = [
      ev({ type: 'message_start', message: { id: 'msg_s', type: 'message', role: 'assistant', model: 'claude-mock-20260101', content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } } as never),
      ev({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } } as never),
      ev({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Let me ' } } as never),
      ev({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'check.' } } as never),
      ev({ type: 'content_block_stop', index: 0 } as never),
      ev({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'lookup_order', input: {} } } as never),
      ev({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"orderId"' } } as never),
      ev({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: ':"A1"}' } } as never),
      ev({ type: 'content_block_stop', index: 1 } as never),
      ev({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 25 } } as never),
      ev({ type: 'message_stop' }),
    ];
    const [a, b] = await both(
      (stream) => createAnthropicBackend(spec({ kind: 'anthropic', model: 'claude-mock', baseUrl: mock.url, stream })),
      { json: anthropicMessage({ text: 'Let me check.', toolUses: [{ id: 'toolu_1', name: 'lookup_order', input: { orderId: 'A1' } }], usage }) },
      { sse, gapMs: GAP },
    );
    expect(mock.requests.at(-1)!.body).toMatchObject({ stream: true });
    expect(b.usage).toEqual({ input: 10, output: 25, cacheRead: 1200, cacheWrite: 0, reasoning: 0 });
    // Streamed from the first text delta (the third event) on.
    expectSameReply(a, b, sse.length - 2);
  });

  it('Gemini: streamGenerateContent chunks merged back into one response', async () => {
    const modelVersion = 'gemini-mock-001';
    const cand = (parts: unknown[], finishReason?: string) => ({ candidates: [{ content: { role: 'model', parts }, index: 0, ...(finishReason ? { finishReason } : {}) }], modelVersion, responseId: 'r' });
    const usage = { promptTokenCount: 1500, cachedContentTokenCount: 1024, candidatesTokenCount: 5, totalTokenCount: 1505 };
    const sse = [
      { ...cand([{ text: 'Let me ' }]), usageMetadata: { promptTokenCount: 1500, totalTokenCount: 1500 } },
      cand([{ text: 'check.' }]),
      { ...cand([{ functionCall: { name: 'lookup_order', args: { orderId: 'A1' } } }], 'STOP'), usageMetadata: usage },
    ].map((data) => ({ data }));
    const [a, b] = await both(
      (stream) => createGoogleBackend(spec({ kind: 'google', model: 'gemini-2.5-flash', baseUrl: mock.url, stream })),
      { json: geminiResponse({ text: 'Let me check.', calls: [{ name: 'lookup_order', args: { orderId: 'A1' } }], usage, modelVersion }) },
      { sse, gapMs: GAP },
    );
    expect(mock.requests.at(-1)!.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(b.turn.text).toBe('Let me check.');
    expect(b.usage).toEqual({ input: 476, output: 5, cacheRead: 1024, cacheWrite: 0, reasoning: 0 });
    expectSameReply(a, b, sse.length);
  });
});

describe('mergeGeminiChunks', () => {
  it('joins neighbouring text of one kind, keeps thoughts apart, takes the last usage and finish reason', () => {
    const merged = mergeGeminiChunks([
      { candidates: [{ content: { role: 'model', parts: [{ text: 'thinking ', thought: true }] } }] },
      { candidates: [{ content: { role: 'model', parts: [{ text: 'more', thought: true }, { text: 'Hi ' }] } }] },
      { candidates: [{ content: { role: 'model', parts: [{ text: 'there' }] }, finishReason: 'STOP' as never }], usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2 } },
    ] as never);
    expect(merged.candidates![0]!.content!.parts).toEqual([{ text: 'thinking more', thought: true }, { text: 'Hi there' }]);
    expect(merged.candidates![0]!.finishReason).toBe('STOP');
    expect(merged.usageMetadata).toEqual({ promptTokenCount: 3, candidatesTokenCount: 2 });
  });

  it('output speed is unknown without a first token or output', () => {
    expect(outputTokensPerSecond(100, 1000, undefined)).toBeUndefined();
    expect(outputTokensPerSecond(0, 1000, 200)).toBeUndefined();
    expect(outputTokensPerSecond(100, 1200, 200)).toBe(100);
  });
});

describe('callTiming', () => {
  it('gives the record fields for a streamed call and nothing for a whole one', () => {
    const usage = { input: 10, output: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0 };
    expect(callTiming({ latencyMs: 700, usage })).toEqual({});
    expect(callTiming({ latencyMs: 700, ttftMs: 200, usage })).toEqual({ ttftMs: 200, outputTokensPerS: 100 });
    expect(ModelCallSchema.parse({ idx: 0, role: 'agent', model: 'm', usage, latencyMs: 700, costUsd: null, priceSource: 'x', ...callTiming({ latencyMs: 700, ttftMs: 200, usage }) }))
      .toMatchObject({ ttftMs: 200, outputTokensPerS: 100 });
  });
});
