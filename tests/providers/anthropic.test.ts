import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { Backend } from '../../src/core/types.js';
import { createAnthropicBackend } from '../../src/providers/anthropic.js';
import { OUTREACH_OPENER } from '../../src/providers/turns.js';
import { anthropicError, anthropicMessage } from './mocks/anthropic.js';
import { setEnv } from './mocks/env.js';
import { describeErrorMapping } from './mocks/error-cases.js';
import { LOOKUP_ORDER, request, RULES_MARKER, spec, TOOL_ROUND_TRIP } from './mocks/fixtures.js';
import { startMockServer, type MockServer } from './mocks/server.js';

const KEY = 'sk-ant-test-fake-key-0123456789';
let restoreEnv: () => void;
beforeAll(() => { restoreEnv = setEnv({ ANTHROPIC_API_KEY: KEY }); });
afterAll(() => restoreEnv());

const make = (baseUrl: string, timeoutMs = 5_000): Promise<Backend> =>
  createAnthropicBackend(spec({ kind: 'anthropic', model: 'claude-mock', baseUrl, timeoutMs }));

type Sent = { messages: Array<{ role: string; content: unknown }> };

describe('anthropic backend over loopback HTTP', () => {
  let mock: MockServer;
  let backend: Backend;
  beforeAll(async () => {
    mock = await startMockServer();
    backend = await make(mock.url);
  });
  afterAll(() => mock.close());

  it('sends a plain Messages request and returns the reply', async () => {
    mock.reply({ json: anthropicMessage({ text: 'Hello! How can I help?', model: 'claude-mock-20260101' }) });
    const out = await backend.generate(request([{ speaker: 'customer', text: 'Hi there' }]));
    expect(out.turn).toEqual({ speaker: 'agent', text: 'Hello! How can I help?' });
    expect(out.model).toBe('claude-mock-20260101');
    expect(out.finishReason).toBe('end_turn');
    expect(out.latencyMs).toBeGreaterThan(0);

    const got = mock.requests.at(-1)!;
    expect(got.path).toBe('/v1/messages');
    const auth = `${got.headers['x-api-key'] ?? ''} ${got.headers.authorization ?? ''}`;
    expect(auth).toContain(KEY);
    // No temperature or seed: this API version rejects sampling parameters.
    expect(got.body).toEqual({
      model: 'claude-mock',
      max_tokens: 256,
      system: [{ type: 'text', text: 'You are a support agent.', cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi there' }] }],
    });
    expect(got.rawBody).not.toContain(RULES_MARKER);
  });

  it('returns tool_use blocks as calls, then sends the results as tool_result blocks in one user message', async () => {
    mock.reply({
      json: anthropicMessage({
        text: 'Let me check.',
        toolUses: [
          { id: 'toolu_1', name: 'lookup_order', input: { orderId: 'A1' } },
          { id: 'toolu_2', name: 'lookup_order', input: { orderId: 'B2' } },
        ],
      }),
    });
    const first = await backend.generate(request([TOOL_ROUND_TRIP[0]!], [LOOKUP_ORDER]));
    expect(first.finishReason).toBe('tool_use');
    expect(first.turn).toEqual({
      speaker: 'agent',
      text: 'Let me check.',
      toolCalls: [
        { id: 'toolu_1', name: 'lookup_order', arguments: { orderId: 'A1' } },
        { id: 'toolu_2', name: 'lookup_order', arguments: { orderId: 'B2' } },
      ],
    });
    expect((mock.requests.at(-1)!.body as { tools: unknown }).tools).toEqual([
      { name: 'lookup_order', description: LOOKUP_ORDER.description, input_schema: LOOKUP_ORDER.parameters },
    ]);

    mock.reply({ json: anthropicMessage({ text: 'A1 has shipped.' }) });
    const turns = [...TOOL_ROUND_TRIP, { speaker: 'customer' as const, text: 'Thanks!' }];
    await backend.generate(request(turns, [LOOKUP_ORDER]));
    expect((mock.requests.at(-1)!.body as Sent).messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Where are my orders A1 and B2?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me check.' },
          { type: 'tool_use', id: 'call_1', name: 'lookup_order', input: { orderId: 'A1' } },
          { type: 'tool_use', id: 'call_2', name: 'lookup_order', input: { orderId: 'B2' } },
        ],
      },
      // Both results and the next customer turn share one user message: roles must alternate.
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_1', content: '{"status":"shipped"}' },
          { type: 'tool_result', tool_use_id: 'call_2', content: '{"status":"packing"}' },
          // The cell has called before: the conversation so far gets a cache breakpoint for the next call.
          { type: 'text', text: 'Thanks!', cache_control: { type: 'ephemeral' } },
        ],
      },
    ]);
  });

  it('normalises usage: cache reads and writes apart from input, thinking inside output', async () => {
    mock.reply({
      json: anthropicMessage({
        text: 'ok',
        usage: { input_tokens: 40, output_tokens: 300, cache_creation_input_tokens: 500, cache_read_input_tokens: 1200, output_tokens_details: { thinking_tokens: 120 } },
      }),
    });
    const out = await backend.generate(request([{ speaker: 'customer', text: 'hi' }]));
    expect(out.usage).toEqual({ input: 40, output: 300, cacheRead: 1200, cacheWrite: 500, reasoning: 120 });
  });

  it('outreach: the conversation opens with the fixed user placeholder, before the agent speaks', async () => {
    mock.reply({ json: anthropicMessage({ text: 'Hi Ana!' }) }, { json: anthropicMessage({ text: 'Glad to help.' }) });
    await backend.generate(request([]));
    expect((mock.requests.at(-1)!.body as Sent).messages).toEqual([{ role: 'user', content: [{ type: 'text', text: OUTREACH_OPENER }] }]);
    await backend.generate(request([{ speaker: 'agent', text: 'Hi Ana!' }, { speaker: 'customer', text: 'Oh, thanks.' }]));
    expect((mock.requests.at(-1)!.body as Sent).messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  });
});

describe('anthropic key', () => {
  it('a missing key fails at creation, naming ANTHROPIC_API_KEY, before any call', async () => {
    const restore = setEnv({ ANTHROPIC_API_KEY: undefined });
    try {
      const p = createAnthropicBackend(spec({ kind: 'anthropic', model: 'claude-mock', baseUrl: 'http://127.0.0.1:9' }));
      await expect(p).rejects.toBeInstanceOf(InputError);
      await expect(p).rejects.toThrow(/ANTHROPIC_API_KEY/);
    } finally {
      restore();
    }
  });
});

describeErrorMapping({ name: 'anthropic', key: KEY, keyVariable: 'ANTHROPIC_API_KEY', errorBody: anthropicError, backend: make });
