import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { Backend } from '../../src/core/types.js';
import { createOpenAIBackend } from '../../src/providers/openai.js';
import { stablePrefixKey } from '../../src/providers/prompt-layout.js';
import { OUTREACH_OPENER } from '../../src/providers/turns.js';
import { setEnv } from './mocks/env.js';
import { describeErrorMapping } from './mocks/error-cases.js';
import { LOOKUP_ORDER, request, RULES_MARKER, spec, TOOL_ROUND_TRIP } from './mocks/fixtures.js';
import { chatCompletion, openaiError } from './mocks/openai.js';
import { startMockServer, type MockServer } from './mocks/server.js';

const KEY = 'sk-test-fake-openai-key-0123456789';
let restoreEnv: () => void;
beforeAll(() => { restoreEnv = setEnv({ OPENAI_API_KEY: KEY }); });
afterAll(() => restoreEnv());

const make = (baseUrl: string, timeoutMs = 5_000): Promise<Backend> =>
  createOpenAIBackend(spec({ kind: 'openai', model: 'gpt-mock', baseUrl: `${baseUrl}/v1`, timeoutMs }));

describe('openai backend over loopback HTTP', () => {
  let mock: MockServer;
  let backend: Backend;
  beforeAll(async () => {
    mock = await startMockServer();
    backend = await make(mock.url);
  });
  afterAll(() => mock.close());

  it('sends a plain chat request and returns the reply', async () => {
    mock.reply({ json: chatCompletion({ content: 'Hello! How can I help?', model: 'gpt-mock-2026-01-01' }) });
    const out = await backend.generate(request([{ speaker: 'customer', text: 'Hi there' }]));
    expect(out.turn).toEqual({ speaker: 'agent', text: 'Hello! How can I help?' });
    expect(out.model).toBe('gpt-mock-2026-01-01');
    expect(out.finishReason).toBe('stop');
    expect(out.latencyMs).toBeGreaterThan(0);

    const got = mock.requests.at(-1)!;
    expect(got.path).toBe('/v1/chat/completions');
    expect(got.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(got.body).toEqual({
      model: 'gpt-mock',
      messages: [
        { role: 'system', content: 'You are a support agent.' },
        { role: 'user', content: 'Hi there' },
      ],
      temperature: 0.3,
      max_completion_tokens: 256,
      seed: 7,
      prompt_cache_key: stablePrefixKey(request([])),
    });
    expect(got.rawBody).not.toContain(RULES_MARKER);
  });

  it('returns tool calls, then sends the results back as role "tool" messages', async () => {
    mock.reply({
      json: chatCompletion({
        content: null,
        toolCalls: [
          { id: 'call_1', name: 'lookup_order', arguments: '{"orderId":"A1"}' },
          { id: 'call_2', name: 'lookup_order', arguments: 'not json' },
        ],
      }),
    });
    const first = await backend.generate(request([TOOL_ROUND_TRIP[0]!], [LOOKUP_ORDER]));
    expect(first.finishReason).toBe('tool_calls');
    expect(first.turn.text).toBe('');
    expect(first.turn.toolCalls).toEqual([
      { id: 'call_1', name: 'lookup_order', arguments: { orderId: 'A1' } },
      // Broken JSON from the model is kept for the tool layer to reject, not thrown as a provider failure.
      { id: 'call_2', name: 'lookup_order', arguments: { _unparsedArguments: 'not json' } },
    ]);
    expect((mock.requests.at(-1)!.body as { tools: unknown }).tools).toEqual([
      { type: 'function', function: { name: 'lookup_order', description: LOOKUP_ORDER.description, parameters: LOOKUP_ORDER.parameters } },
    ]);

    mock.reply({ json: chatCompletion({ content: 'A1 has shipped; B2 is being packed.' }) });
    const second = await backend.generate(request(TOOL_ROUND_TRIP, [LOOKUP_ORDER]));
    expect(second.turn.text).toBe('A1 has shipped; B2 is being packed.');
    const messages = (mock.requests.at(-1)!.body as { messages: unknown[] }).messages;
    expect(messages.slice(2)).toEqual([
      {
        role: 'assistant',
        content: 'Let me check.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'lookup_order', arguments: '{"orderId":"A1"}' } },
          { id: 'call_2', type: 'function', function: { name: 'lookup_order', arguments: '{"orderId":"B2"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"status":"shipped"}' },
      { role: 'tool', tool_call_id: 'call_2', content: '{"status":"packing"}' },
    ]);
  });

  it('normalises usage: cached tokens leave input, reasoning stays inside output', async () => {
    mock.reply({
      json: chatCompletion({
        content: 'ok',
        usage: {
          prompt_tokens: 1000,
          completion_tokens: 300,
          total_tokens: 1300,
          prompt_tokens_details: { cached_tokens: 600 },
          completion_tokens_details: { reasoning_tokens: 200 },
        },
      }),
    });
    const out = await backend.generate(request([{ speaker: 'customer', text: 'hi' }]));
    expect(out.usage).toEqual({ input: 400, output: 300, cacheRead: 600, cacheWrite: 0, reasoning: 200 });
  });

  it('outreach: an empty conversation opens with the fixed customer placeholder', async () => {
    mock.reply({ json: chatCompletion({ content: 'Hi Ana, your router reported drops last night.' }) });
    await backend.generate(request([]));
    expect((mock.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([
      { role: 'system', content: 'You are a support agent.' },
      { role: 'user', content: OUTREACH_OPENER },
    ]);
  });
});

describe('openai key', () => {
  it('a missing key fails at creation, naming OPENAI_API_KEY, before any call', async () => {
    const restore = setEnv({ OPENAI_API_KEY: undefined });
    try {
      const p = createOpenAIBackend(spec({ kind: 'openai', model: 'gpt-mock', baseUrl: 'http://127.0.0.1:9/v1' }));
      await expect(p).rejects.toBeInstanceOf(InputError);
      await expect(p).rejects.toThrow(/OPENAI_API_KEY/);
    } finally {
      restore();
    }
  });
});

describeErrorMapping({ name: 'openai', key: KEY, keyVariable: 'OPENAI_API_KEY', errorBody: openaiError, backend: make });
