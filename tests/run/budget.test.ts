import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/core/errors.js';
import type { GenerateRequest } from '../../src/core/types.js';
import { ModelSpecSchema } from '../../src/schema/model-spec.js';
import { Budget, withBudget } from '../../src/run/budget.js';
import type { ModelClient } from '../../src/run/model-client.js';

const spec = ModelSpecSchema.parse({ kind: 'openai-compatible', model: 'm', baseUrl: 'http://127.0.0.1:1/v1', prices: { input: 1_000, output: 1_000 } });
const req: GenerateRequest = { role: 'agent', system: 'x'.repeat(398), turns: [], tools: [], settings: { temperature: 0, maxOutputTokens: 100 } };

function fake(): ModelClient & { calls: number } {
  const c = {
    spec, id: 'openai-compatible:m', calls: 0,
    async generate() {
      c.calls++;
      return { result: { turn: { speaker: 'agent' as const, text: 'ok' }, usage: { input: 100, output: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, latencyMs: 1, model: 'm', finishReason: 'stop' }, cached: false, retries: 0 };
    },
  };
  return c;
}

describe('withBudget', () => {
  it('issues calls until the next worst case would cross the cap, then refuses without calling', async () => {
    // worst case per call: (100 input est + 100 output) tokens x $1,000/MTok = $0.20; actual: 150 tokens = $0.15
    const budget = new Budget(0.5);
    const inner = fake();
    const c = withBudget(inner, budget);
    await c.generate(req); // spent 0.15
    await c.generate(req); // spent 0.30 (0.15 + 0.20 worst = 0.35 <= 0.5)
    await expect(c.generate(req)).resolves.toBeDefined(); // 0.30 + 0.20 = 0.50 <= 0.5
    await expect(c.generate(req)).rejects.toMatchObject({ kind: 'budget' });
    expect(inner.calls).toBe(3);
    expect(budget.spentUsd).toBeCloseTo(0.45, 10);
    expect(budget.spentUsd).toBeLessThanOrEqual(budget.capUsd);
  });

  it('refuses models without a known price, saying why', async () => {
    const unpriced = { ...fake(), spec: ModelSpecSchema.parse({ kind: 'openai-compatible', model: 'm', baseUrl: 'http://127.0.0.1:1/v1' }) };
    const err = await withBudget(unpriced, new Budget(10)).generate(req).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).message).toMatch(/needs a known price/);
  });
});
