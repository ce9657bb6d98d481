import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core/types.js';
import { expectProviderError as expectProviderErrorOf, request } from './fixtures.js';
import { closedPortUrl, startMockServer, type MockServer } from './server.js';

export interface ErrorCaseVendor {
  name: string;
  /** The fake key the test installed; auth messages must not contain it. */
  key: string;
  keyVariable: string;
  /** The vendor's JSON error body. */
  errorBody(status: number, message: string): unknown;
  backend(baseUrl: string, timeoutMs?: number): Promise<Backend>;
}

/** The same failure table for every vendor: each row is one HTTP or transport failure and the kind it must map to. */
export function describeErrorMapping(v: ErrorCaseVendor): void {
  describe(`${v.name}: failures map to ProviderError`, () => {
    let mock: MockServer;
    let backend: Backend;
    beforeAll(async () => {
      mock = await startMockServer();
      backend = await v.backend(mock.url);
    });
    afterAll(() => mock.close());
    const call = (b = backend) => b.generate(request([{ speaker: 'customer', text: 'hi' }]));

    it('401 -> auth; the message names the variable and never the key', async () => {
      mock.reply({ status: 401, json: v.errorBody(401, `Incorrect API key provided: ${v.key}`) });
      const e = await expectProviderErrorOf(call(), 'auth');
      expect(e.status).toBe(401);
      expect(e.message).toContain(v.keyVariable);
      expect(e.message).not.toContain(v.key);
    });

    it('429 with Retry-After: 2 -> rate-limit, retryAfterMs 2000, one attempt only (SDK retries off)', async () => {
      const before = mock.requests.length;
      mock.reply({ status: 429, json: v.errorBody(429, 'slow down'), headers: { 'retry-after': '2' } });
      const e = await expectProviderErrorOf(call(), 'rate-limit');
      expect(e.retryAfterMs).toBe(2000);
      expect(mock.requests.length - before).toBe(1);
    });

    it('500 -> server, one attempt only', async () => {
      const before = mock.requests.length;
      mock.reply({ status: 500, json: v.errorBody(500, 'boom') });
      const e = await expectProviderErrorOf(call(), 'server');
      expect(e.status).toBe(500);
      expect(mock.requests.length - before).toBe(1);
    });

    it('400 -> bad-request with the vendor message', async () => {
      mock.reply({ status: 400, json: v.errorBody(400, 'messages: field required') });
      const e = await expectProviderErrorOf(call(), 'bad-request');
      expect(e.message).toContain('messages: field required');
    });

    it('a body that is not JSON -> malformed', async () => {
      mock.reply({ status: 200, text: '{"half a', headers: { 'content-type': 'application/json' } });
      await expectProviderErrorOf(call(), 'malformed');
    });

    it('no answer within spec.timeoutMs -> timeout', async () => {
      const slow = await v.backend(mock.url, 300);
      mock.reply({ hang: true });
      await expectProviderErrorOf(call(slow), 'timeout');
    });

    it('refused connection -> network', async () => {
      const nowhere = await v.backend(await closedPortUrl());
      await expectProviderErrorOf(call(nowhere), 'network');
    });

    it("the caller's abort is passed through, not reported as a provider failure", async () => {
      mock.reply({ hang: true });
      const ac = new AbortController();
      const p = backend.generate(request([{ speaker: 'customer', text: 'hi' }]), ac.signal);
      setTimeout(() => ac.abort(), 50);
      const e = await p.then(() => undefined, (err: unknown) => err);
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).name).not.toBe('ProviderError');
    });
  });
}
