import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { priceCall } from '../../src/cost/prices.js';
import { createAnthropicBackend } from '../../src/providers/anthropic.js';
import { secretValues } from '../../src/providers/keys.js';
import { hasBatchApi } from '../../src/run/batch/vendor.js';
import { ModelSpecSchema, modelSpecFromEntry } from '../../src/schema/model-spec.js';
import { anthropicError, anthropicMessage } from './mocks/anthropic.js';
import { setEnv } from './mocks/env.js';
import { expectProviderError, request, spec } from './mocks/fixtures.js';
import { startMockServer, type MockServer } from './mocks/server.js';

// Fake credentials in AWS's shapes; nothing here reaches AWS.
const ACCESS_KEY_ID = 'AKIAFAKE0123456789AB';
const SECRET_KEY = 'fakeSecretKey/0123456789abcdefghijklmnopqrstu';
const SESSION_TOKEN = 'FakeSessionToken0123456789abcdefghijklmnopqrstuvwxyz';
const BEDROCK_BEARER = 'bedrock-api-key-fake-0123456789';
const MODEL = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

let restoreEnv: () => void;
let mock: MockServer;
beforeAll(async () => {
  restoreEnv = setEnv({
    AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_SESSION_TOKEN: SESSION_TOKEN, AWS_REGION: 'eu-west-1',
    // Neither may be used: the Bedrock API key variable, nor any profile or file the AWS chain would read.
    AWS_BEARER_TOKEN_BEDROCK: BEDROCK_BEARER, AWS_PROFILE: 'cxbench-must-not-read', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_CONFIG_FILE: '/nonexistent/config', ANTHROPIC_API_KEY: undefined, ANTHROPIC_BEDROCK_BASE_URL: 'http://127.0.0.1:9/not-this-one',
  });
  mock = await startMockServer();
});
afterAll(async () => { restoreEnv(); await mock.close(); });

const hi = request([{ speaker: 'customer', text: 'Hi there' }]);
const claude = (extra: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) =>
  spec({ kind: 'anthropic', model: MODEL, baseUrl: mock.url, endpoint: { platform: 'bedrock', region: 'us-east-1', ...extra } as never, ...fields });

/** `AWS4-HMAC-SHA256 Credential=<id>/<date>/<region>/<service>/aws4_request, SignedHeaders=a;b, Signature=<hex>` */
function parseSigV4(header: string | undefined): { credential: string[]; signedHeaders: string[]; signature: string } {
  const m = /^AWS4-HMAC-SHA256 Credential=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]+)$/.exec(header ?? '');
  expect(m, `a SigV4 Authorization header, got ${header}`).not.toBeNull();
  return { credential: m![1]!.split('/'), signedHeaders: m![2]!.split(';'), signature: m![3]! };
}

const sha256 = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();
/** RFC 3986 escaping as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const escape = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * SigV4 recomputed from the request as the server received it (AWS's algorithm for services other than S3: the
 * path escaped once more, headers lower-cased, trimmed and sorted, the body hashed), so that a signature over a
 * different body or path than the one sent fails.
 */
function sigV4(req: { method: string; path: string; headers: Record<string, unknown>; rawBody: string }, secret: string, sig: ReturnType<typeof parseSigV4>): string {
  const [, date, region, service] = sig.credential;
  const url = new URL(req.path, 'http://x');
  const query = [...url.searchParams].map(([k, v]) => `${escape(k)}=${escape(v)}`).sort().join('&');
  const headers = sig.signedHeaders.map((h) => `${h}:${String(req.headers[h]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = [req.method, escape(url.pathname).replace(/%2F/g, '/'), query, headers, sig.signedHeaders.join(';'), sha256(req.rawBody)].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', String(req.headers['x-amz-date']), `${date}/${region}/${service}/aws4_request`, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date!), region!), service!), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

describe("Claude on Amazon Bedrock (Anthropic's Bedrock SDK)", () => {
  it('posts /model/<model id>/invoke, SigV4-signed with the key pair and session token, the API version in the body', async () => {
    const b = await createAnthropicBackend(claude());
    mock.reply({ json: anthropicMessage({ model: 'claude-sonnet-4-5-20250929', text: 'Hello from Claude on Bedrock', usage: { input_tokens: 14, output_tokens: 7, cache_read_input_tokens: 1024, cache_creation_input_tokens: 0 } }) });
    const out = await b.generate(hi);
    expect(out.turn.text).toBe('Hello from Claude on Bedrock');
    expect(out.usage).toEqual({ input: 14, output: 7, cacheRead: 1024, cacheWrite: 0, reasoning: 0 });
    expect(out.finishReason).toBe('end_turn');

    const got = mock.requests.at(-1)!;
    expect(got.method).toBe('POST');
    expect(got.path).toBe(`/model/${MODEL}/invoke`);
    const sig = parseSigV4(got.headers.authorization);
    expect(sig.credential[0]).toBe(ACCESS_KEY_ID);
    expect(sig.credential.slice(2)).toEqual(['us-east-1', 'bedrock', 'aws4_request']);
    expect(sig.credential[1]).toMatch(/^\d{8}$/);
    expect(sig.signature).toHaveLength(64);
    expect(sig.signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-security-token', 'content-type']));
    expect(got.headers['x-amz-date']).toMatch(new RegExp(`^${sig.credential[1]}T\\d{6}Z$`));
    expect(got.headers['x-amz-security-token']).toBe(SESSION_TOKEN);
    // The signature covers what arrived (the body after the SDK moved the model into the path), by our own SigV4.
    expect(sigV4(got, SECRET_KEY, sig)).toBe(sig.signature);
    expect(sigV4({ ...got, rawBody: got.rawBody.replace('Hi there', 'Hi therE') }, SECRET_KEY, sig)).not.toBe(sig.signature);
    // No other credential travels: not the Bedrock API key from the environment, not an Anthropic key.
    expect(got.headers['x-api-key']).toBeUndefined();
    expect(got.rawBody).not.toContain(SECRET_KEY);
    expect(JSON.stringify(got.headers)).not.toContain(BEDROCK_BEARER);

    const body = got.body as Record<string, unknown>;
    // The SDK moves its API version from the header into the body, as Bedrock's invoke API takes it.
    expect(body.anthropic_version).toMatch(/^(bedrock-)?\d{4}-\d{2}-\d{2}$/);
    expect(body.model).toBeUndefined();
    expect(body.stream).toBeUndefined();
    expect(body.max_tokens).toBe(256);
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi there' }] }]);
    expect(got.headers['anthropic-version']).toBeUndefined();
  });

  it('takes the region from AWS_REGION when the entry names none, and prices from the table under aws', async () => {
    const s = claude({ region: undefined });
    const b = await createAnthropicBackend(s);
    mock.reply({ json: anthropicMessage({ text: 'ok', usage: { input_tokens: 1_000_000, output_tokens: 0 } }) });
    const out = await b.generate(hi);
    expect(parseSigV4(mock.requests.at(-1)!.headers.authorization).credential[2]).toBe('eu-west-1');
    const priced = priceCall(s, out.usage);
    expect(priced.priceSource).toMatch(/ aws\//);
    expect(priced.costUsd).toBeGreaterThan(0);
  });

  it('a model the table does not know is priced from the entry, else unknown', () => {
    const usage = { input: 1_000_000, output: 1_000_000, cacheRead: 0, cacheWrite: 0, reasoning: 0 };
    const custom = 'arn:aws:bedrock:us-east-1:000000000000:application-inference-profile/cx';
    expect(priceCall(claude({}, { model: custom }), usage).costUsd).toBeNull();
    const priced = priceCall(claude({}, { model: custom, prices: { input: 3, output: 15 } }), usage);
    expect(priced).toEqual({ costUsd: 18, priceSource: 'config override' });
  });

  it('a 403 is an auth failure naming the AWS variables, never the secret', async () => {
    const b = await createAnthropicBackend(claude());
    mock.reply({ status: 403, json: anthropicError(403, `The request signature we calculated does not match; key ${SECRET_KEY}`) });
    const e = await expectProviderError(b.generate(hi), 'auth');
    expect(e.message).toContain('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
    expect(e.message).not.toContain(SECRET_KEY);
  });

  it('without the key pair or a region it fails at creation, naming the variable; it never falls back to profiles', async () => {
    for (const missing of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) {
      const restore = setEnv({ [missing]: undefined });
      try {
        await expect(createAnthropicBackend(claude())).rejects.toBeInstanceOf(InputError);
        await expect(createAnthropicBackend(claude())).rejects.toThrow(new RegExp(missing));
      } finally {
        restore();
      }
    }
    const restore = setEnv({ AWS_REGION: undefined });
    try {
      await expect(createAnthropicBackend(claude({ region: undefined }))).rejects.toThrow(/AWS_REGION/);
    } finally {
      restore();
    }
  });

  it('the AWS credentials are secrets for redaction; the region is not', () => {
    const secrets = secretValues();
    expect(secrets).toEqual(expect.arrayContaining([ACCESS_KEY_ID, SECRET_KEY, SESSION_TOKEN]));
    expect(secrets).not.toContain('eu-west-1');
  });

  it('batch runs send its cells live: the batch client speaks to the public API only', () => {
    expect(hasBatchApi(claude())).toBe(false);
    expect(hasBatchApi(spec({ kind: 'anthropic', model: 'claude-sonnet-4-5' }))).toBe(true);
  });

  it('model entries: bedrock serves anthropic models only, and the region must look like one', () => {
    expect(modelSpecFromEntry({ id: `anthropic:${MODEL}`, endpoint: { platform: 'bedrock', region: 'us-west-2' } }).endpoint).toEqual({ platform: 'bedrock', region: 'us-west-2' });
    expect(() => ModelSpecSchema.parse({ kind: 'openai', model: 'gpt-4o', endpoint: { platform: 'bedrock' } })).toThrow(/serves anthropic/);
    expect(() => modelSpecFromEntry({ id: `anthropic:${MODEL}`, endpoint: { platform: 'bedrock', region: 'US East' } })).toThrow(/AWS region/);
    expect(() => modelSpecFromEntry({ id: `anthropic:${MODEL}`, endpoint: { platform: 'bedrock', profile: 'x' } } as never)).toThrow(/profile/);
  });
});
