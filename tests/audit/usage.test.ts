import { describe, expect, it } from 'vitest';
import { canonicalUsage, UsageInSchema } from '../../src/audit/usage.js';

describe('usage from transcript metadata', () => {
  it('chat-completions counts: cached prompt tokens move to cacheRead, reasoning stays inside output', () => {
    const u = UsageInSchema.parse({ prompt_tokens: 1000, completion_tokens: 200, total_tokens: 1200, prompt_tokens_details: { cached_tokens: 400 }, completion_tokens_details: { reasoning_tokens: 50 } });
    expect(canonicalUsage(u)).toEqual({ input: 600, output: 200, cacheRead: 400, cacheWrite: 0, reasoning: 50 });
  });

  it('input/output counts with Anthropic-style cache counters kept apart', () => {
    const u = UsageInSchema.parse({ input_tokens: 900, output_tokens: 120, cache_read_input_tokens: 300, cache_creation_input_tokens: 40 });
    expect(canonicalUsage(u)).toEqual({ input: 900, output: 120, cacheRead: 300, cacheWrite: 40, reasoning: 0 });
  });

  it('needs a complete pair of counters, and no unknown keys', () => {
    expect(UsageInSchema.safeParse({ input_tokens: 5 }).success).toBe(false);
    expect(UsageInSchema.safeParse({ prompt_tokens: 5, completion_tokens: 1, tokens: 6 }).success).toBe(false);
  });
});
