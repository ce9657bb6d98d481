import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GenerateRequest } from '../../src/core/types.js';
import { ModelSpecSchema } from '../../src/schema/model-spec.js';
import { withRateLimit } from '../../src/run/rate-limit.js';
import type { ModelClient } from '../../src/run/model-client.js';

const spec = ModelSpecSchema.parse({ kind: 'openai-compatible', model: 'm', baseUrl: 'http://127.0.0.1:1/v1' });
const req: GenerateRequest = { role: 'agent', system: 'x'.repeat(400), turns: [], tools: [], settings: { temperature: 0, maxOutputTokens: 100 } };

function fake(starts: number[], usageTokens = 150): ModelClient {
  return {
    spec, id: 'openai-compatible:m',
    async generate() {
      starts.push(Date.now());
      return { result: { turn: { speaker: 'agent', text: 'ok' }, usage: { input: usageTokens - 50, output: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, latencyMs: 1, model: 'm', finishReason: 'stop' }, cached: false, retries: 0 };
    },
  };
}

afterEach(() => { vi.useRealTimers(); });

describe('withRateLimit', () => {
  it('never starts more than rpm requests in any one-minute window', async () => {
    vi.useFakeTimers({ now: 0 });
    const starts: number[] = [];
    const c = withRateLimit(fake(starts), { rpm: 2 });
    const all = Promise.all(Array.from({ length: 5 }, () => c.generate(req)));
    await vi.advanceTimersByTimeAsync(130_000);
    await all;
    expect(starts).toHaveLength(5);
    for (const t of starts) expect(starts.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(2);
    expect(starts[4]!).toBeGreaterThanOrEqual(120_000);
  });

  it('paces by tokens per minute, counting the usage the provider reported', async () => {
    vi.useFakeTimers({ now: 0 });
    const starts: number[] = [];
    // Each call is estimated at 201 tokens before it runs and reports 150 after: a 450-token budget admits two
    // calls at once (402), and a third only when the first two leave the window (300 + 201 > 450).
    const c = withRateLimit(fake(starts), { tpm: 450 });
    const all = Promise.all(Array.from({ length: 3 }, () => c.generate(req)));
    await vi.advanceTimersByTimeAsync(130_000);
    await all;
    expect(starts.slice(0, 2)).toEqual([0, 0]);
    expect(starts[2]!).toBeGreaterThanOrEqual(60_000);
  });

  it('is a no-op without limits', () => {
    const inner = fake([]);
    expect(withRateLimit(inner, {})).toBe(inner);
  });
});
