import { describe, expect, it } from 'vitest';
import { cachePolicy } from '../../src/providers/prompt-cache.js';
import { PromptCacheReplay, type PlannedCall } from '../../src/run/estimate-cache.js';
import { loadSuite } from '../../src/plan/suite.js';
import { describeCache, estimateRun } from '../../src/run/estimate.js';

const call = (cellKey: string, callIndex: number, totalTokens: number, stableTokens = 2000, stableKey = 's1'): PlannedCall =>
  ({ cellKey, callIndex, totalTokens, stableTokens, stableKey });

describe('PromptCacheReplay', () => {
  it('explicit (Anthropic): the first request writes the shared prefix, later variants read it; the conversation from the third call', () => {
    const r = new PromptCacheReplay(cachePolicy('anthropic', 'claude-sonnet-4-5'), 1);
    expect(r.call(call('a', 0, 2100))).toEqual({ read: 0, written: 2000 });
    expect(r.call(call('b', 0, 2100))).toEqual({ read: 2000, written: 0 });
    // Second call: marks the conversation (writes the rest), can read only the shared prefix.
    expect(r.call(call('b', 1, 2300))).toEqual({ read: 2000, written: 300 });
    // Third call: reads the second call's whole request.
    expect(r.call(call('b', 2, 2500))).toEqual({ read: 2300, written: 200 });
  });

  it('nothing below the minimum is cached, and calls in flight together all miss', () => {
    const small = new PromptCacheReplay(cachePolicy('anthropic', 'claude-haiku-4-5'), 1);
    small.call(call('a', 0, 2100));
    expect(small.call(call('b', 0, 2100))).toEqual({ read: 0, written: 0 });
    const busy = new PromptCacheReplay(cachePolicy('anthropic', 'claude-sonnet-4-5'), 3);
    expect([0, 1, 2, 3].map((i) => busy.call(call(`c${i}`, 0, 2100)).read)).toEqual([0, 0, 0, 2000]);
  });

  it('automatic (OpenAI): any earlier prefix in 128-token steps, no writes; markers off changes nothing there', () => {
    for (const markers of [true, false]) {
      const r = new PromptCacheReplay(cachePolicy('openai', 'gpt-4.1-mini', markers), 1);
      expect(r.call(call('a', 0, 2100))).toEqual({ read: 0, written: 0 });
      expect(r.call(call('a', 1, 2300))).toEqual({ read: 2048, written: 0 });
      expect(r.call(call('b', 0, 2100, 1100, 's2'))).toEqual({ read: 0, written: 0 });
    }
  });

  it('none: servers without a billed cache, and Anthropic with the markers off', () => {
    for (const p of [cachePolicy('openai-compatible', 'x'), cachePolicy('anthropic', 'claude-sonnet-4-5', false)]) {
      const r = new PromptCacheReplay(p, 1);
      r.call(call('a', 0, 5000));
      expect(r.call(call('b', 0, 5000))).toEqual({ read: 0, written: 0 });
    }
  });
});

describe('estimateRun with the prompt cache', () => {
  it('shows the cached share and a saving for vendors that cache, and none for a local server', () => {
    // Two bundled scenarios with their persona variants: briefs long enough for the vendors' minimum prefixes.
    const suite = loadSuite('cxbench.config.yaml', {
      models: ['openai:gpt-4.1-mini', 'anthropic:claude-sonnet-4-5', 'openai-compatible:local'], baseUrl: 'http://127.0.0.1:1/v1',
      scenarios: ['scenarios/3-service-support/fa-pro-delayed-parcel.yaml', 'scenarios/3-service-support/in-leak-night-outreach.yaml'],
    });
    const [gpt, claude, local] = estimateRun(suite);
    for (const e of [gpt!, claude!]) {
      expect(e.cacheReadTokens).toBeGreaterThan(0);
      expect(e.cacheReadTokens).toBeLessThan(e.inputTokens);
      expect(e.costExpectedUsd!).toBeLessThan(e.costExpectedNoCacheUsd!);
      expect(Object.values(e.byApproach).reduce((s, a) => s + a.inputTokens, 0)).toBe(e.inputTokens);
      expect(describeCache(e)[0]).toMatch(/of input tokens read from cache.*saving \$/);
    }
    expect(gpt!.cacheMode).toBe('automatic');
    expect(claude!.cacheMode).toBe('explicit');
    expect(claude!.cacheWriteTokens).toBeGreaterThan(0);
    expect(local!.cacheReadTokens).toBe(0);
    expect(describeCache(local!)).toEqual(['  prompt cache: none (no prompt cache billed)']);
  });
});
