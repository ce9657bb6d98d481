import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/core/errors.js';
import type { GenerateRequest } from '../../src/core/types.js';
import { ModelSpecSchema } from '../../src/schema/model-spec.js';
import { withCache } from '../../src/run/cache.js';
import { backoffMs, withRetries } from '../../src/run/retry.js';
import type { CallOutcome, ModelClient } from '../../src/run/model-client.js';

const spec = ModelSpecSchema.parse({ kind: 'openai-compatible', model: 'm', baseUrl: 'http://127.0.0.1:1/v1' });
const req: GenerateRequest = { role: 'agent', system: 's', turns: [{ speaker: 'customer', text: 'hi' }], tools: [], settings: { temperature: 0, maxOutputTokens: 10 } };
const ok: CallOutcome = { result: { turn: { speaker: 'agent', text: 'hello' }, usage: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, latencyMs: 5, model: 'm', finishReason: 'stop' }, cached: false, retries: 0 };

function scripted(outcomes: (CallOutcome | ProviderError)[]): ModelClient & { calls: number } {
  const c = {
    spec, id: 'openai-compatible:m', calls: 0,
    async generate(): Promise<CallOutcome> {
      const o = outcomes[Math.min(c.calls++, outcomes.length - 1)]!;
      await new Promise((r) => setTimeout(r, 5));
      if (o instanceof ProviderError) throw o;
      return o;
    },
  };
  return c;
}

describe('withRetries', () => {
  it('retries rate limits and server errors, waits at least Retry-After, and counts retries', async () => {
    const waits: number[] = [];
    const inner = scripted([new ProviderError('rate-limit', '429', 429, 2000), new ProviderError('server', '500', 500), ok]);
    const out = await withRetries(inner, { maxRetries: 4, baseDelayMs: 100, maxDelayMs: 10_000, random: () => 0.5, sleep: async (ms) => { waits.push(ms); } }).generate(req);
    expect(out.retries).toBe(2);
    expect(inner.calls).toBe(3);
    expect(waits[0]).toBe(2000);
    expect(waits[1]).toBe(150); // attempt 1: 200 ms ceiling, half plus half-jitter at 0.5
  });

  it('does not retry auth or bad requests, and records attempts on final failure', async () => {
    for (const kind of ['auth', 'bad-request'] as const) {
      const inner = scripted([new ProviderError(kind, 'no')]);
      await expect(withRetries(inner, { maxRetries: 4, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} }).generate(req)).rejects.toMatchObject({ kind, attempts: 1 });
      expect(inner.calls).toBe(1);
    }
    const inner = scripted([new ProviderError('timeout', 't')]);
    await expect(withRetries(inner, { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} }).generate(req)).rejects.toMatchObject({ kind: 'timeout', attempts: 4 });
  });

  it('backs off exponentially up to the ceiling', () => {
    const p = { maxRetries: 9, baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 };
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffMs(a, p))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});

describe('withCache', () => {
  it('serves a repeated request from disk without calling, and makes identical in-flight requests once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-cache-'));
    const inner = scripted([ok]);
    const c = withCache(inner, dir, 'use');
    const [a, b] = await Promise.all([c.generate(req), c.generate(req)]);
    expect(inner.calls).toBe(1);
    expect([a.cached, b.cached].sort()).toEqual([false, true]);
    const again = await withCache(scripted([ok]), dir, 'use').generate(req);
    expect(again.cached).toBe(true);
    expect(again.result.turn.text).toBe('hello');
  });

  it('never caches errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-cache-'));
    const inner = scripted([new ProviderError('server', 'boom'), ok]);
    const c = withCache(inner, dir, 'use');
    await expect(c.generate(req)).rejects.toThrow('boom');
    expect(readdirSync(dir)).toEqual([]);
    expect((await c.generate(req)).cached).toBe(false);
    expect(inner.calls).toBe(2);
  });

  it('offline mode fails clearly on a miss', async () => {
    const c = withCache(scripted([ok]), mkdtempSync(join(tmpdir(), 'cxb-cache-')), 'offline');
    await expect(c.generate(req)).rejects.toMatchObject({ kind: 'cache-miss' });
  });
});
