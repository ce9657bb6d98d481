import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/core/errors.js';
import type { GenerateRequest } from '../../src/core/types.js';
import { measureThroughput } from '../../src/mock/throughput.js';
import { parseDuration, parseRateLimitHeaders, rateLimitScope } from '../../src/providers/rate-limit-headers.js';
import { AdaptiveLimiter, withAdaptiveLimit } from '../../src/run/adaptive-limit.js';
import { stackClient } from '../../src/run/client-stack.js';
import type { ModelClient } from '../../src/run/model-client.js';
import { ModelSpecSchema } from '../../src/schema/model-spec.js';

const req: GenerateRequest = { role: 'agent', system: 'x'.repeat(400), turns: [], tools: [], settings: { temperature: 0, maxOutputTokens: 100 } };

describe('rate-limit headers', () => {
  it("reads OpenAI's budgets and durations", () => {
    expect([parseDuration('1s'), parseDuration('6m0s'), parseDuration('20ms'), parseDuration('1m30.5s'), parseDuration('2'), parseDuration('soon')]).toEqual([1000, 360_000, 20, 90_500, 2000, undefined]);
    const h = new Headers({
      'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '499', 'x-ratelimit-reset-requests': '120ms',
      'x-ratelimit-limit-tokens': '30000', 'x-ratelimit-remaining-tokens': '29000', 'x-ratelimit-reset-tokens': '2s',
    });
    expect(parseRateLimitHeaders(h)).toEqual({ requests: { limit: 500, remaining: 499, resetMs: 120 }, tokens: { limit: 30000, remaining: 29000, resetMs: 2000 } });
  });

  it("reads Anthropic's budgets with reset instants, and retry-after", () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    const h = new Headers({
      'anthropic-ratelimit-requests-limit': '50', 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': '2026-12-04T12:00:01.5Z',
      'anthropic-ratelimit-input-tokens-limit': '40000', 'anthropic-ratelimit-input-tokens-remaining': '39000', 'anthropic-ratelimit-input-tokens-reset': '2026-12-04T12:00:02Z',
      'retry-after': '2',
    });
    expect(parseRateLimitHeaders(h, now)).toEqual({ requests: { limit: 50, remaining: 0, resetMs: 1500 }, tokens: { limit: 40000, remaining: 39000, resetMs: 2000 }, retryAfterMs: 2000 });
    expect(parseRateLimitHeaders(new Headers({ 'content-type': 'application/json' }))).toBeUndefined();
  });
});

describe('AdaptiveLimiter', () => {
  it('paces admissions at the refill rate the headers imply, less what was admitted since', async () => {
    let t = 0;
    const l = new AdaptiveLimiter({ now: () => t });
    const first = await l.admit(10);
    // 10 of 10 requests left is nothing to pace by; 1 left with 900 ms to full: 9 spent over 900 ms = 1 per 100 ms.
    l.observe(first, { requests: { limit: 10, remaining: 1, resetMs: 900 } });
    l.release('ok', 5);
    const second = await l.admit(10);
    expect(second).toBeDefined();
    let third = false;
    void l.admit(10).then(() => { third = true; });
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false);
    t = 100;
    await new Promise((r) => setTimeout(r, 120));
    expect(third).toBe(true);
  });

  it('halves the calls in flight on a 429, once per round trip, and holds admissions for retry-after', async () => {
    let t = 0;
    const l = new AdaptiveLimiter({ now: () => t });
    await l.admit(1);
    l.release('ok', 100); // the first call goes alone
    for (let i = 0; i < 8; i++) await l.admit(1);
    l.release('ok', 100);
    l.release('rate-limited', 100, 1000);
    l.release('rate-limited', 100, 1000);
    // 7 were in flight when the first 429 came back: the window is 3.5.
    expect(l.concurrency).toBe(3);
    expect(l.stats.decreases).toBe(1);
    let admitted = false;
    void l.admit(1).then(() => { admitted = true; });
    await new Promise((r) => setTimeout(r, 20));
    expect(admitted).toBe(false);
    t = 1001;
    await new Promise((r) => setTimeout(r, 30));
    expect(admitted).toBe(false); // still 5 in flight against a window of 3
    for (let i = 0; i < 3; i++) l.release('ok', 100);
    await new Promise((r) => setTimeout(r, 10));
    expect(admitted).toBe(true);
  });

  it('without budget headers, widens by a quarter call per window of successes after a 429 (a whole one with them)', async () => {
    const grow = async (withHeaders: boolean): Promise<number> => {
      let t = 0;
      const l = new AdaptiveLimiter({ now: () => t });
      const probe = await l.admit(1);
      if (withHeaders) l.observe(probe, { requests: { limit: 1_000_000, remaining: 999_999, resetMs: 60_000 } });
      l.release('ok', 10);
      for (let i = 0; i < 8; i++) await l.admit(1);
      l.release('rate-limited', 10, 0); // 8 in flight: the window is 4, and stays until the quiet time has passed
      expect(l.concurrency).toBe(4);
      t = 3000;
      // Keep the window full through 40 successes; each may widen it.
      let inFlight = 7;
      for (let i = 0; i < 40; i++) {
        l.release('ok', 10);
        inFlight--;
        while (inFlight < l.concurrency) { await l.admit(1); inFlight++; }
      }
      return l.concurrency;
    };
    const headerless = await grow(false);
    const budgeted = await grow(true);
    // Growth by 1/window per success makes window^2 grow by about 2 per success (4 -> about 9.8 after 40); a quarter
    // of the step, by about 0.5 (4 -> about 6).
    expect(budgeted).toBe(9);
    expect(headerless).toBe(6);
  });

  it('passes the rate-limit headers of a call, and a 429, to its limiter', async () => {
    const l = new AdaptiveLimiter();
    const spec = ModelSpecSchema.parse({ kind: 'openai-compatible', model: 'm', baseUrl: 'http://127.0.0.1:1/v1' });
    const fake: ModelClient = {
      spec, id: 'openai-compatible:m',
      async generate() {
        rateLimitScope.getStore()!.onRateLimit({ requests: { limit: 2, remaining: 0, resetMs: 60_000 } }, 429);
        throw new ProviderError('rate-limit', 'slow down', 429, 50);
      },
    };
    await expect(withAdaptiveLimit(fake, l).generate(req)).rejects.toThrow('slow down');
    expect(l.stats.rateLimited).toBe(1);
  });
});

describe('manual limits win', () => {
  it('with rpm or tpm set, the adaptive layer is not in the stack; without, every call runs in its scope', async () => {
    for (const [extra, adaptive] of [[{ rpm: 6000 }, false], [{ tpm: 1_000_000 }, false], [{}, true]] as const) {
      const spec = ModelSpecSchema.parse({ kind: 'openai-compatible', model: `m${JSON.stringify(extra)}`, baseUrl: 'http://127.0.0.1:1/v1', ...extra });
      let scoped: boolean | undefined;
      const fake: ModelClient = {
        spec, id: `openai-compatible:${spec.model}`,
        async generate() {
          scoped = rateLimitScope.getStore() !== undefined;
          return { result: { turn: { speaker: 'agent', text: 'ok' }, usage: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, latencyMs: 1, model: 'm', finishReason: 'stop' }, cached: false, retries: 0 };
        },
      };
      await stackClient(fake, { output: '/nonexistent-cxbench-test', cache: 'off' }).generate(req);
      expect(scoped).toBe(adaptive);
    }
  });
});

describe('adaptive throughput against a loopback mock that enforces limits (nothing configured)', () => {
  for (const limits of [
    { requests: 40, tokens: 1_000_000, windowMs: 1000, style: 'openai' as const },
    { requests: 10_000, tokens: 40_000, windowMs: 1000, style: 'anthropic' as const },
  ]) {
    it(`${limits.style} headers, ${limits.requests < 1000 ? 'request' : 'token'} limit: >= 90% of the limit, <= 2% 429s, no cell lost`, async () => {
      const r = await measureThroughput({ cells: 160, concurrency: 16, latencyMs: 20, limits });
      expect(r.lost).toBe(0);
      expect(r.done).toBe(160);
      expect(r.rejectedShare).toBeLessThanOrEqual(0.02);
      expect(r.efficiency).toBeGreaterThanOrEqual(0.9);
      // A token bucket can never give more than its starting budget plus its refill: the mock holds to its limits.
      expect(r.overallEfficiency).toBeLessThanOrEqual(1.0001);
    }, 30_000);
  }
});
