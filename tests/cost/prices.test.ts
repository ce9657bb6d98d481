import { describe, expect, it } from 'vitest';
import { priceCall } from '../../src/cost/prices.js';
import type { ModelSpec } from '../../src/schema/model-spec.js';

const usage = { input: 1_000_000, output: 1_000_000, cacheRead: 0, cacheWrite: 0, reasoning: 0 };
const spec = (kind: ModelSpec['kind'], model: string, extra: Partial<ModelSpec> = {}): ModelSpec => ({ kind, model, ...extra }) as ModelSpec;

describe('priceCall', () => {
  it('prices a known model from the bundled table and names the table', () => {
    const p = priceCall(spec('openai', 'gpt-4o-mini'), usage);
    expect(p.costUsd).toBeGreaterThan(0);
    expect(p.priceSource).toMatch(/^@pydantic\/genai-prices@\S+ openai\//);
    expect(priceCall(spec('openai', 'gpt-4o-mini'), usage, true).costUsd).toBeCloseTo(p.costUsd! / 2, 10);
  });

  it('shows an unknown model as unknown on every call, and a remembered miss never hides another model', () => {
    const first = priceCall(spec('openai-compatible', 'my-local-llama'), usage);
    expect(first).toEqual({ costUsd: null, priceSource: 'unknown price for openai-compatible:my-local-llama (set prices in the model entry)' });
    expect(priceCall(spec('openai-compatible', 'my-local-llama'), usage)).toEqual(first);
    // A remembered miss for one model never hides another model's price.
    expect(priceCall(spec('openai', 'gpt-4o-mini'), usage).costUsd).toBeGreaterThan(0);
  });

  it("uses the model entry's own prices first", () => {
    const p = priceCall(spec('openai-compatible', 'my-local-llama', { prices: { input: 1, output: 2, source: 'own hardware' } }), usage);
    expect(p).toEqual({ costUsd: 3, priceSource: 'own hardware' });
  });
});
