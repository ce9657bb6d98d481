import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { Backend, Turn } from '../../src/core/types.js';
import { createGoogleBackend } from '../../src/providers/google.js';
import { SKIP_SIGNATURE_SENTINEL, SYNTHETIC_CALL_PREFIX } from '../../src/providers/google-format.js';
import { OUTREACH_OPENER } from '../../src/providers/turns.js';
import { setEnv } from './mocks/env.js';
import { describeErrorMapping } from './mocks/error-cases.js';
import { expectProviderError, LOOKUP_ORDER, request, RULES_MARKER, spec } from './mocks/fixtures.js';
import { geminiError, geminiResponse } from './mocks/google.js';
import { startMockServer, type MockServer } from './mocks/server.js';

const KEY = 'AIza-test-fake-gemini-key-0123456789';
let restoreEnv: () => void;
beforeAll(() => { restoreEnv = setEnv({ GEMINI_API_KEY: KEY, GOOGLE_API_KEY: undefined }); });
afterAll(() => restoreEnv());

const make = (baseUrl: string, timeoutMs = 5_000, model = 'gemini-3-mock'): Promise<Backend> =>
  createGoogleBackend(spec({ kind: 'google', model, baseUrl, timeoutMs }));

type Sent = { contents: Array<{ role: string; parts: Array<Record<string, unknown>> }> };

describe('google backend over loopback HTTP', () => {
  let mock: MockServer;
  let backend: Backend;
  beforeAll(async () => {
    mock = await startMockServer();
    backend = await make(mock.url);
  });
  afterAll(() => mock.close());

  it('sends a plain generateContent request (v1beta) and returns the reply without thought text', async () => {
    mock.reply({ json: geminiResponse({ thought: 'The customer greets me.', text: 'Hello! How can I help?', modelVersion: 'gemini-3-mock-001' }) });
    const out = await backend.generate(request([{ speaker: 'customer', text: 'Hi there' }]));
    expect(out.turn).toEqual({ speaker: 'agent', text: 'Hello! How can I help?' });
    expect(out.model).toBe('gemini-3-mock-001');
    expect(out.finishReason).toBe('stop');
    expect(out.latencyMs).toBeGreaterThan(0);

    const got = mock.requests.at(-1)!;
    expect(got.path).toBe('/v1beta/models/gemini-3-mock:generateContent');
    expect(got.headers['x-goog-api-key']).toBe(KEY);
    expect(got.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Hi there' }] }],
      systemInstruction: { role: 'user', parts: [{ text: 'You are a support agent.' }] },
      generationConfig: { temperature: 0.3, maxOutputTokens: 256, seed: 7 },
    });
    expect(got.rawBody).not.toContain(RULES_MARKER);
  });

  it('gives id-less function calls a stable id, then sends functionResponse parts with the function name', async () => {
    const customer: Turn = { speaker: 'customer', text: 'Where are my orders A1 and B2?' };
    const reply = geminiResponse({
      calls: [
        { name: 'lookup_order', args: { orderId: 'A1' }, thoughtSignature: 'c2lnLUEx' },
        { name: 'lookup_order', args: { orderId: 'B2' } },
      ],
    });
    mock.reply({ json: reply }, { json: reply });
    const first = await backend.generate(request([customer], [LOOKUP_ORDER]));
    const again = await backend.generate(request([customer], [LOOKUP_ORDER]));
    const calls = first.turn.toolCalls!;
    expect(calls.map((c) => [c.name, c.arguments])).toEqual([['lookup_order', { orderId: 'A1' }], ['lookup_order', { orderId: 'B2' }]]);
    expect(calls[0]!.id.startsWith(SYNTHETIC_CALL_PREFIX)).toBe(true);
    expect(calls[0]!.id).not.toBe(calls[1]!.id);
    expect(again.turn.toolCalls!.map((c) => c.id)).toEqual(calls.map((c) => c.id));
    expect((mock.requests.at(-1)!.body as { tools: unknown }).tools).toEqual([
      { functionDeclarations: [{ name: 'lookup_order', description: LOOKUP_ORDER.description, parametersJsonSchema: LOOKUP_ORDER.parameters }] },
    ]);

    mock.reply({ json: geminiResponse({ text: 'A1 has shipped; B2 is being packed.' }) });
    const turns: Turn[] = [
      customer,
      { speaker: 'agent', text: '', toolCalls: calls },
      { speaker: 'tool', text: '{"status":"shipped"}', toolCallId: calls[0]!.id, toolName: 'lookup_order' },
      { speaker: 'tool', text: 'packing', toolCallId: calls[1]!.id, toolName: 'lookup_order' },
    ];
    const second = await backend.generate(request(turns, [LOOKUP_ORDER]));
    expect(second.turn.text).toBe('A1 has shipped; B2 is being packed.');
    expect((mock.requests.at(-1)!.body as Sent).contents).toEqual([
      { role: 'user', parts: [{ text: 'Where are my orders A1 and B2?' }] },
      {
        role: 'model',
        parts: [
          // The signature the model gave comes back with its call; a call without one gets Google's sentinel.
          { functionCall: { name: 'lookup_order', args: { orderId: 'A1' } }, thoughtSignature: 'c2lnLUEx' },
          { functionCall: { name: 'lookup_order', args: { orderId: 'B2' } }, thoughtSignature: SKIP_SIGNATURE_SENTINEL },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'lookup_order', response: { status: 'shipped' } } },
          { functionResponse: { name: 'lookup_order', response: { result: 'packing' } } },
        ],
      },
    ]);
  });

  it('echoes vendor-given call ids, and sends no sentinel to models before Gemini 3', async () => {
    const old = await make(mock.url, 5_000, 'gemini-2.5-flash');
    mock.reply({ json: geminiResponse({ calls: [{ id: 'fc-7', name: 'lookup_order', args: { orderId: 'A1' } }] }) });
    const first = await old.generate(request([{ speaker: 'customer', text: 'A1?' }], [LOOKUP_ORDER]));
    expect(first.turn.toolCalls).toEqual([{ id: 'fc-7', name: 'lookup_order', arguments: { orderId: 'A1' } }]);
    mock.reply({ json: geminiResponse({ text: 'Shipped.' }) });
    await old.generate(request([
      { speaker: 'customer', text: 'A1?' },
      first.turn,
      { speaker: 'tool', text: '{"status":"shipped"}', toolCallId: 'fc-7', toolName: 'lookup_order' },
    ], [LOOKUP_ORDER]));
    expect((mock.requests.at(-1)!.body as Sent).contents.slice(1)).toEqual([
      { role: 'model', parts: [{ functionCall: { id: 'fc-7', name: 'lookup_order', args: { orderId: 'A1' } } }] },
      { role: 'user', parts: [{ functionResponse: { id: 'fc-7', name: 'lookup_order', response: { status: 'shipped' } } }] },
    ]);
  });

  it('normalises usage: cached tokens leave input, thoughts are billed as output', async () => {
    mock.reply({
      json: geminiResponse({
        text: 'ok',
        usage: { promptTokenCount: 1000, cachedContentTokenCount: 700, candidatesTokenCount: 80, thoughtsTokenCount: 150, totalTokenCount: 1230 },
      }),
    });
    const out = await backend.generate(request([{ speaker: 'customer', text: 'hi' }]));
    expect(out.usage).toEqual({ input: 300, output: 230, cacheRead: 700, cacheWrite: 0, reasoning: 150 });
  });

  it('outreach: an empty conversation opens with the fixed user placeholder', async () => {
    mock.reply({ json: geminiResponse({ text: 'Hi Ana!' }) });
    await backend.generate(request([]));
    expect((mock.requests.at(-1)!.body as Sent).contents).toEqual([{ role: 'user', parts: [{ text: OUTREACH_OPENER }] }]);
  });

  it('429 without Retry-After falls back to the RetryInfo delay in the body', async () => {
    mock.reply({ status: 429, json: geminiError(429, 'quota', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '3.5s' }]) });
    const e = await expectProviderError(backend.generate(request([{ speaker: 'customer', text: 'hi' }])), 'rate-limit');
    expect(e.retryAfterMs).toBe(3500);
  });
});

describe('google key', () => {
  it('a missing key fails at creation, naming GEMINI_API_KEY and GOOGLE_API_KEY, before any call', async () => {
    const restore = setEnv({ GEMINI_API_KEY: undefined, GOOGLE_API_KEY: undefined });
    try {
      const p = createGoogleBackend(spec({ kind: 'google', model: 'gemini-3-mock', baseUrl: 'http://127.0.0.1:9' }));
      await expect(p).rejects.toBeInstanceOf(InputError);
      await expect(p).rejects.toThrow(/GEMINI_API_KEY or GOOGLE_API_KEY/);
    } finally {
      restore();
    }
  });

  it('GOOGLE_API_KEY alone is enough', async () => {
    const restore = setEnv({ GEMINI_API_KEY: undefined, GOOGLE_API_KEY: KEY });
    try {
      await expect(createGoogleBackend(spec({ kind: 'google', model: 'gemini-3-mock', baseUrl: 'http://127.0.0.1:9' }))).resolves.toHaveProperty('kind', 'google');
    } finally {
      restore();
    }
  });
});

describeErrorMapping({ name: 'google', key: KEY, keyVariable: 'GEMINI_API_KEY or GOOGLE_API_KEY', errorBody: (s, m) => geminiError(s, m), backend: make });
