import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { priceCall } from '../../src/cost/prices.js';
import { createAnthropicBackend } from '../../src/providers/anthropic.js';
import { createGoogleBackend } from '../../src/providers/google.js';
import { createOpenAIBackend } from '../../src/providers/openai.js';
import { ModelSpecSchema, modelSpecFromEntry } from '../../src/schema/model-spec.js';
import { anthropicMessage } from './mocks/anthropic.js';
import { setEnv } from './mocks/env.js';
import { expectProviderError, request, spec } from './mocks/fixtures.js';
import { geminiResponse } from './mocks/google.js';
import { chatCompletion, openaiError } from './mocks/openai.js';
import { startMockServer, type MockServer } from './mocks/server.js';

const AZURE_KEY = 'azure-fake-key-0123456789abcdef';
const ENTRA = 'entra-fake-token-0123456789abcdef';
const VERTEX = 'ya29.fake-vertex-token-0123456789';
let restoreEnv: () => void;
let mock: MockServer;
beforeAll(async () => {
  // No vendor keys at all: the enterprise endpoints must not need them, and must never look for ADC files.
  restoreEnv = setEnv({
    AZURE_OPENAI_API_KEY: AZURE_KEY, CXB_TEST_ENTRA_TOKEN: ENTRA, GOOGLE_VERTEX_ACCESS_TOKEN: VERTEX, OPENAI_API_KEY: undefined,
    ANTHROPIC_API_KEY: undefined, GEMINI_API_KEY: undefined, GOOGLE_API_KEY: undefined, GOOGLE_APPLICATION_CREDENTIALS: '/nonexistent/adc.json',
  });
  mock = await startMockServer();
});
afterAll(async () => { restoreEnv(); await mock.close(); });
const hi = request([{ speaker: 'customer', text: 'Hi there' }]);

describe('Azure OpenAI (openai SDK, AzureOpenAI)', () => {
  const azure = (extra: Record<string, unknown> = {}) =>
    spec({ kind: 'openai', model: 'gpt-4o', endpoint: { platform: 'azure', endpoint: mock.url, deployment: 'support-4o', apiVersion: '2024-10-21', ...extra } as never });

  it('posts to the deployment with api-version and the api-key header; prices from the table as azure', async () => {
    const b = await createOpenAIBackend(azure());
    mock.reply({ json: chatCompletion({ content: 'Hello from Azure', model: 'gpt-4o-2024-11-20' }) });
    const out = await b.generate(hi);
    expect(out.turn.text).toBe('Hello from Azure');
    const got = mock.requests.at(-1)!;
    expect(got.path).toBe('/openai/deployments/support-4o/chat/completions?api-version=2024-10-21');
    expect(got.headers['api-key']).toBe(AZURE_KEY);
    expect(got.headers.authorization).toBeUndefined();
    expect((got.body as { messages: unknown[] }).messages).toHaveLength(2);
    expect(priceCall(azure(), out.usage).priceSource).toMatch(/ azure\/gpt-4o$/);
  });

  it('uses a Microsoft Entra token from the named variable instead of a key', async () => {
    const b = await createOpenAIBackend(azure({ tokenEnv: 'CXB_TEST_ENTRA_TOKEN' }));
    mock.reply({ json: chatCompletion({ content: 'ok' }) });
    await b.generate(hi);
    const got = mock.requests.at(-1)!;
    expect(got.headers.authorization).toBe(`Bearer ${ENTRA}`);
    expect(got.headers['api-key']).toBeUndefined();
  });

  it('a 401 names the Azure key variable, never the key', async () => {
    const b = await createOpenAIBackend(azure());
    mock.reply({ status: 401, json: openaiError(401, `bad key ${AZURE_KEY}`) });
    const e = await expectProviderError(b.generate(hi), 'auth');
    expect(e.message).toContain('AZURE_OPENAI_API_KEY');
    expect(e.message).not.toContain(AZURE_KEY);
  });
});

describe('Gemini on Vertex AI (@google/genai, vertexai: true)', () => {
  const vertex = (model = 'gemini-2.5-flash') => spec({ kind: 'google', model, baseUrl: mock.url, endpoint: { platform: 'vertex', project: 'acme-cx', location: 'europe-west4' } as never });

  it('posts generateContent under the project and location with the bearer token from the variable', async () => {
    const b = await createGoogleBackend(vertex());
    mock.reply({ json: geminiResponse({ text: 'Hello from Vertex', usage: { promptTokenCount: 1200, cachedContentTokenCount: 1024, candidatesTokenCount: 5, totalTokenCount: 1205 } }) });
    const out = await b.generate(hi);
    expect(out.turn.text).toBe('Hello from Vertex');
    const got = mock.requests.at(-1)!;
    expect(got.path).toBe('/v1/projects/acme-cx/locations/europe-west4/publishers/google/models/gemini-2.5-flash:generateContent');
    expect(got.headers.authorization).toBe(`Bearer ${VERTEX}`);
    expect(got.headers['x-goog-api-key']).toBeUndefined();
    expect(out.usage).toMatchObject({ input: 176, cacheRead: 1024 });
    expect(priceCall(vertex(), out.usage).priceSource).toMatch(/ google\/gemini-2.5-flash$/);
  });

  it('without the token variable it fails at creation, naming it', async () => {
    const restore = setEnv({ GOOGLE_VERTEX_ACCESS_TOKEN: undefined });
    try {
      await expect(createGoogleBackend(vertex())).rejects.toBeInstanceOf(InputError);
      await expect(createGoogleBackend(vertex())).rejects.toThrow(/GOOGLE_VERTEX_ACCESS_TOKEN/);
    } finally {
      restore();
    }
  });
});

describe("Claude on Vertex AI (Anthropic's Vertex SDK)", () => {
  const claude = () => spec({ kind: 'anthropic', model: 'claude-sonnet-4-5@20250929', baseUrl: `${mock.url}/v1`, endpoint: { platform: 'vertex', project: 'acme-cx', location: 'us-east5' } as never });

  it('posts rawPredict under the project and region with the bearer token, the model in the path, breakpoints kept', async () => {
    const b = await createAnthropicBackend(claude());
    mock.reply({ json: anthropicMessage({ text: 'Hello from Claude on Vertex', usage: { input_tokens: 12, output_tokens: 6, cache_read_input_tokens: 2048, cache_creation_input_tokens: 0 } }) });
    const out = await b.generate(hi);
    expect(out.turn.text).toBe('Hello from Claude on Vertex');
    const got = mock.requests.at(-1)!;
    expect(got.path).toBe('/v1/projects/acme-cx/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict');
    expect(got.headers.authorization).toBe(`Bearer ${VERTEX}`);
    const body = got.body as Record<string, unknown>;
    expect(body.model).toBeUndefined();
    // The SDK moves the API version from the header into the body, as Vertex expects.
    expect(body.anthropic_version).toEqual(expect.any(String));
    expect(JSON.stringify(body.system)).toContain('cache_control');
    expect(out.usage).toEqual({ input: 12, output: 6, cacheRead: 2048, cacheWrite: 0, reasoning: 0 });
    expect(priceCall(claude(), out.usage).priceSource).toMatch(/ google\/claude-sonnet-4-5$/);
  });
});

describe('model entries', () => {
  it('are strict: an unknown key is an error, and a platform must serve the kind', () => {
    expect(() => modelSpecFromEntry({ id: 'openai:gpt-4o', temprature: 0 } as never)).toThrow(/temprature/);
    expect(() => ModelSpecSchema.parse({ kind: 'anthropic', model: 'claude', endpoint: { platform: 'azure', deployment: 'x' } })).toThrow(/serves openai/);
    expect(modelSpecFromEntry({ id: 'google:gemini-2.5-flash', stream: true, endpoint: { platform: 'vertex', project: 'p', location: 'l' } }).endpoint)
      .toEqual({ platform: 'vertex', project: 'p', location: 'l', tokenEnv: 'GOOGLE_VERTEX_ACCESS_TOKEN' });
  });
});
