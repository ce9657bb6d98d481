import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { Backend } from '../../src/core/types.js';
import { createOpenAICompatibleBackend } from '../../src/providers/openai-compatible.js';
import { setEnv } from './mocks/env.js';
import { describeErrorMapping } from './mocks/error-cases.js';
import { LOOKUP_ORDER, request, RULES_MARKER, spec, TOOL_ROUND_TRIP } from './mocks/fixtures.js';
import { chatCompletion, openaiError } from './mocks/openai.js';
import { startMockServer, type MockServer } from './mocks/server.js';

const KEY = 'local-test-fake-key-0123456789';
let restoreEnv: () => void;
beforeAll(() => { restoreEnv = setEnv({ CXBENCH_TEST_LOCAL_KEY: KEY }); });
afterAll(() => restoreEnv());

const make = (baseUrl: string, timeoutMs = 5_000): Promise<Backend> =>
  createOpenAICompatibleBackend(spec({ kind: 'openai-compatible', model: 'llama3.1', baseUrl: `${baseUrl}/v1`, apiKeyEnv: 'CXBENCH_TEST_LOCAL_KEY', timeoutMs }));

describe('openai-compatible backend over loopback HTTP', () => {
  let mock: MockServer;
  beforeAll(async () => { mock = await startMockServer(); });
  afterAll(() => mock.close());

  it('needs no key by default, sends max_tokens, and reads the reply', async () => {
    const backend = await createOpenAICompatibleBackend(spec({ kind: 'openai-compatible', model: 'llama3.1', baseUrl: `${mock.url}/v1` }));
    expect(backend.id).toBe('openai-compatible:llama3.1');
    mock.reply({ json: chatCompletion({ content: 'Hi!', model: 'llama3.1:8b' }) });
    const out = await backend.generate(request([{ speaker: 'customer', text: 'Hello' }]));
    expect(out.turn.text).toBe('Hi!');
    expect(out.model).toBe('llama3.1:8b');
    const got = mock.requests.at(-1)!;
    expect(got.path).toBe('/v1/chat/completions');
    expect(got.headers.authorization).toBe('Bearer not-needed');
    expect(got.body).toMatchObject({ model: 'llama3.1', max_tokens: 256, temperature: 0.3, seed: 7 });
    expect(got.body).not.toHaveProperty('max_completion_tokens');
    expect(got.rawBody).not.toContain(RULES_MARKER);
  });

  it('uses the key named by apiKeyEnv, and round-trips tool calls in the OpenAI shape', async () => {
    const backend = await make(mock.url);
    mock.reply({ json: chatCompletion({ toolCalls: [{ id: 'call_1', name: 'lookup_order', arguments: '{"orderId":"A1"}' }] }) });
    const first = await backend.generate(request([TOOL_ROUND_TRIP[0]!], [LOOKUP_ORDER]));
    expect(mock.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(first.turn.toolCalls).toEqual([{ id: 'call_1', name: 'lookup_order', arguments: { orderId: 'A1' } }]);

    mock.reply({ json: chatCompletion({ content: 'Shipped.' }) });
    await backend.generate(request(TOOL_ROUND_TRIP, [LOOKUP_ORDER]));
    const messages = (mock.requests.at(-1)!.body as { messages: Array<{ role: string }> }).messages;
    expect(messages.filter((m) => m.role === 'tool')).toEqual([
      { role: 'tool', tool_call_id: 'call_1', content: '{"status":"shipped"}' },
      { role: 'tool', tool_call_id: 'call_2', content: '{"status":"packing"}' },
    ]);
  });

  it('normalises usage the same way as OpenAI (servers that report cache and reasoning)', async () => {
    const backend = await make(mock.url);
    mock.reply({
      json: chatCompletion({
        content: 'ok',
        usage: { prompt_tokens: 50, completion_tokens: 20, total_tokens: 70, prompt_tokens_details: { cached_tokens: 30 }, completion_tokens_details: { reasoning_tokens: 12 } },
      }),
    });
    const out = await backend.generate(request([{ speaker: 'customer', text: 'hi' }]));
    expect(out.usage).toEqual({ input: 20, output: 20, cacheRead: 30, cacheWrite: 0, reasoning: 12 });
  });
});

describe('openai-compatible configuration', () => {
  it('without a base URL it fails at creation and names --base-url', async () => {
    await expect(createOpenAICompatibleBackend(spec({ kind: 'openai-compatible', model: 'llama3.1' }))).rejects.toThrow(/--base-url/);
  });

  it('an apiKeyEnv that is not set fails at creation, naming the variable', async () => {
    const p = createOpenAICompatibleBackend(spec({ kind: 'openai-compatible', model: 'm', baseUrl: 'http://127.0.0.1:9/v1', apiKeyEnv: 'CXBENCH_TEST_UNSET_KEY' }));
    await expect(p).rejects.toBeInstanceOf(InputError);
    await expect(p).rejects.toThrow(/CXBENCH_TEST_UNSET_KEY/);
  });
});

describeErrorMapping({ name: 'openai-compatible', key: KEY, keyVariable: 'CXBENCH_TEST_LOCAL_KEY', errorBody: openaiError, backend: make });
