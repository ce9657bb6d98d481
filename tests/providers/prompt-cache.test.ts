import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateRequest, Turn } from '../../src/core/types.js';
import { priceCall } from '../../src/cost/prices.js';
import { createAnthropicBackend } from '../../src/providers/anthropic.js';
import { createGoogleBackend } from '../../src/providers/google.js';
import { createOpenAIBackend } from '../../src/providers/openai.js';
import { createOpenAICompatibleBackend } from '../../src/providers/openai-compatible.js';
import { layoutSystem, laidOutSystem, stablePrefixKey } from '../../src/providers/prompt-layout.js';
import { anthropicMessage } from './mocks/anthropic.js';
import { FAKE_VENDOR_KEYS, setEnv } from './mocks/env.js';
import { spec } from './mocks/fixtures.js';
import { geminiResponse } from './mocks/google.js';
import { chatCompletion } from './mocks/openai.js';
import { startMockServer, type MockServer } from './mocks/server.js';
import { fixturePrompts } from './mocks/prompts.js';

let restoreEnv: () => void;
let mock: MockServer;
beforeAll(async () => {
  restoreEnv = setEnv(FAKE_VENDOR_KEYS);
  mock = await startMockServer();
});
afterAll(async () => { restoreEnv(); await mock.close(); });

// Two persona variants of one bundled scenario, and a later call of a multi-turn cell.
const prompts = fixturePrompts().filter((p) => p.scenario === 'tst-return');
const req = (i: number, turns: Turn[] = [{ speaker: 'customer', text: 'My parcel is late.' }]): GenerateRequest => ({
  role: 'agent', system: prompts[i]!.system, tools: prompts[i]!.tools, turns, settings: { temperature: 0, maxOutputTokens: 200 },
});
const secondCall: Turn[] = [
  { speaker: 'customer', text: 'My parcel is late.' },
  { speaker: 'agent', text: 'I am an AI assistant. Which order is it?' },
  { speaker: 'customer', text: 'Order A1.' },
];
const body = (): Record<string, unknown> => mock.requests.at(-1)!.body as Record<string, unknown>;

describe('Anthropic: cache_control breakpoints', () => {
  it('marks the shared prefix (tools first, then the stable system part), sends the persona part after it unmarked', async () => {
    const b = await createAnthropicBackend(spec({ kind: 'anthropic', model: 'claude-sonnet-4-5', baseUrl: mock.url }));
    const sent: Array<Record<string, unknown>> = [];
    for (const i of [0, 1]) {
      mock.reply({ json: anthropicMessage({ text: 'ok' }) });
      await b.generate(req(i));
      sent.push(body());
    }
    const [a, c] = sent as Array<{ system: Array<{ text: string; cache_control?: unknown }>; tools: unknown[]; messages: Array<{ content: Array<Record<string, unknown>> }> }>;
    expect(a!.system[0]).toEqual({ type: 'text', text: layoutSystem(prompts[0]!.system).stable, cache_control: { type: 'ephemeral' } });
    expect(a!.system[1]).toEqual({ type: 'text', text: layoutSystem(prompts[0]!.system).variable });
    // Everything up to the breakpoint is byte-identical between the variants; only the unmarked block differs.
    expect(JSON.stringify([c!.tools, c!.system[0]])).toBe(JSON.stringify([a!.tools, a!.system[0]]));
    expect(c!.system[1]).not.toEqual(a!.system[1]);
    // A first call leaves the conversation unmarked (most cells make one call).
    expect(JSON.stringify(a!.messages)).not.toContain('cache_control');
  });

  it('marks the growing conversation from the second call of a cell, and accounts reads and writes from usage', async () => {
    const b = await createAnthropicBackend(spec({ kind: 'anthropic', model: 'claude-sonnet-4-5', baseUrl: mock.url }));
    mock.reply({ json: anthropicMessage({ text: 'Found it.', usage: { input_tokens: 14, output_tokens: 20, cache_read_input_tokens: 1500, cache_creation_input_tokens: 60 } }) });
    const out = await b.generate(req(0, secondCall));
    const messages = (body() as { messages: Array<{ content: Array<Record<string, unknown>> }> }).messages;
    expect(messages.at(-1)!.content.at(-1)).toEqual({ type: 'text', text: 'Order A1.', cache_control: { type: 'ephemeral' } });
    expect(messages.slice(0, -1).some((m) => JSON.stringify(m).includes('cache_control'))).toBe(false);
    expect(out.usage).toEqual({ input: 14, output: 20, cacheRead: 1500, cacheWrite: 60, reasoning: 0 });
    // Priced from the table: reads at a tenth of input, writes at 1.25 times.
    const s = spec({ kind: 'anthropic', model: 'claude-sonnet-4-5' });
    const cost = priceCall(s, out.usage).costUsd!;
    const uncached = priceCall(s, { ...out.usage, input: 14 + 1500 + 60, cacheRead: 0, cacheWrite: 0 }).costUsd!;
    const perToken = priceCall(s, { input: 1000, output: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 }).costUsd! / 1000;
    expect(cost).toBeCloseTo(uncached - 1500 * perToken * 0.9 + 60 * perToken * 0.25, 9);
  });

  it('promptCache: false sends the same text with no marker', async () => {
    const b = await createAnthropicBackend(spec({ kind: 'anthropic', model: 'claude-sonnet-4-5', baseUrl: mock.url, promptCache: false }));
    mock.reply({ json: anthropicMessage({ text: 'ok' }) });
    await b.generate(req(0, secondCall));
    expect(JSON.stringify(body())).not.toContain('cache_control');
    expect(body().system).toBe(laidOutSystem(prompts[0]!.system));
  });
});

describe('OpenAI: prompt_cache_key per scenario', () => {
  it('sends the laid-out system prompt and one key for every variant of the scenario; accounts cached_tokens', async () => {
    const b = await createOpenAIBackend(spec({ kind: 'openai', model: 'gpt-4.1-mini', baseUrl: `${mock.url}/v1` }));
    const keys: unknown[] = [];
    for (const i of [0, 1]) {
      mock.reply({ json: chatCompletion({ content: 'ok', usage: { prompt_tokens: 1800, completion_tokens: 10, total_tokens: 1810, prompt_tokens_details: { cached_tokens: 1536 } } }) });
      const out = await b.generate(req(i));
      expect(out.usage).toEqual({ input: 264, output: 10, cacheRead: 1536, cacheWrite: 0, reasoning: 0 });
      const sent = body() as { prompt_cache_key: string; messages: Array<{ role: string; content: string }> };
      expect(sent.messages[0]).toEqual({ role: 'system', content: laidOutSystem(prompts[i]!.system) });
      keys.push(sent.prompt_cache_key);
    }
    expect(keys[0]).toBe(stablePrefixKey(req(0)));
    expect(keys[1]).toBe(keys[0]);
    const s = spec({ kind: 'openai', model: 'gpt-4.1-mini' });
    const u = { input: 264, output: 10, cacheRead: 1536, cacheWrite: 0, reasoning: 0 };
    expect(priceCall(s, u).costUsd!).toBeLessThan(priceCall(s, { ...u, input: 1800, cacheRead: 0 }).costUsd!);
  });

  it('an OpenAI-compatible server gets no key unless promptCache is set', async () => {
    for (const [promptCache, expected] of [[undefined, false], [true, true]] as const) {
      const b = await createOpenAICompatibleBackend(spec({ kind: 'openai-compatible', model: 'llama', baseUrl: `${mock.url}/v1`, ...(promptCache ? { promptCache } : {}) }));
      mock.reply({ json: chatCompletion({ content: 'ok' }) });
      await b.generate(req(0));
      expect('prompt_cache_key' in body()).toBe(expected);
    }
  });
});

describe('Gemini: implicit caching', () => {
  it('sends the laid-out system instruction with no marker, and accounts cachedContentTokenCount', async () => {
    const b = await createGoogleBackend(spec({ kind: 'google', model: 'gemini-2.5-flash', baseUrl: mock.url }));
    mock.reply({ json: geminiResponse({ text: 'ok', usage: { promptTokenCount: 1700, cachedContentTokenCount: 1200, candidatesTokenCount: 9, totalTokenCount: 1709 } }) });
    const out = await b.generate(req(1));
    const sent = body() as { systemInstruction: { parts: Array<{ text: string }> } };
    expect(sent.systemInstruction.parts.map((p) => p.text).join('')).toBe(laidOutSystem(prompts[1]!.system));
    expect(out.usage).toEqual({ input: 500, output: 9, cacheRead: 1200, cacheWrite: 0, reasoning: 0 });
    const s = spec({ kind: 'google', model: 'gemini-2.5-flash' });
    expect(priceCall(s, out.usage).costUsd!).toBeLessThan(priceCall(s, { ...out.usage, input: 1700, cacheRead: 0 }).costUsd!);
  });
});
