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

  it('prices cache reads and writes apart: the table\'s cache rates, or the override\'s (input price when it sets none)', () => {
    const u = { input: 1000, output: 0, cacheRead: 10_000, cacheWrite: 2000, reasoning: 0 };
    const claude = spec('anthropic', 'claude-sonnet-4-5');
    const perInput = priceCall(claude, { ...u, cacheRead: 0, cacheWrite: 0 }).costUsd! / 1000;
    expect(priceCall(claude, u).costUsd!).toBeCloseTo(perInput * (1000 + 10_000 * 0.1 + 2000 * 1.25), 12);
    const own = (extra: object) => spec('openai-compatible', 'mine', { prices: { input: 1, output: 2, source: 'own', ...extra } } as Partial<ModelSpec>);
    expect(priceCall(own({}), u).costUsd).toBeCloseTo(13_000 / 1e6, 12);
    expect(priceCall(own({ cacheRead: 0.1, cacheWrite: 1.25 }), u).costUsd).toBeCloseTo((1000 + 1000 + 2500) / 1e6, 12);
  });

  it('prices Azure and Vertex endpoints from the table under those platforms', () => {
    const azure = spec('openai', 'gpt-4o', { endpoint: { platform: 'azure', deployment: 'd', apiVersion: 'v' } } as Partial<ModelSpec>);
    expect(priceCall(azure, usage).priceSource).toMatch(/ azure\/gpt-4o$/);
    const vertex = spec('google', 'gemini-2.5-flash', { endpoint: { platform: 'vertex', project: 'p', location: 'l', tokenEnv: 'T' } } as Partial<ModelSpec>);
    expect(priceCall(vertex, usage).priceSource).toMatch(/ google\/gemini-2.5-flash$/);
  });
});
