import { z } from 'zod';
import type { Usage } from '../core/types.js';

const count = z.number().int().nonnegative();

/**
 * Token usage of the whole conversation as a logging tool reports it: the Responses / Anthropic spelling
 * (`input_tokens`, `output_tokens`, cache counters apart) or the chat-completions spelling (`prompt_tokens`,
 * `completion_tokens`, cached and reasoning tokens in the `*_details` objects).
 */
export const UsageInSchema = z.strictObject({
  input_tokens: count.optional(),
  output_tokens: count.optional(),
  prompt_tokens: count.optional(),
  completion_tokens: count.optional(),
  total_tokens: count.optional(),
  cache_read_input_tokens: count.optional(),
  cache_creation_input_tokens: count.optional(),
  prompt_tokens_details: z.looseObject({ cached_tokens: count.optional() }).optional(),
  completion_tokens_details: z.looseObject({ reasoning_tokens: count.optional() }).optional(),
  input_tokens_details: z.looseObject({ cached_tokens: count.optional() }).optional(),
  output_tokens_details: z.looseObject({ reasoning_tokens: count.optional() }).optional(),
}).refine(
  (u) => (u.input_tokens !== undefined && u.output_tokens !== undefined) || (u.prompt_tokens !== undefined && u.completion_tokens !== undefined),
  { message: 'input_tokens and output_tokens, or prompt_tokens and completion_tokens' },
);
export type UsageIn = z.infer<typeof UsageInSchema>;

/**
 * The canonical counters (src/core/types.ts): `input` excludes cache reads and writes, `output` includes reasoning.
 * Chat-completions prompt_tokens include the cached ones, so those are moved to cacheRead.
 */
export function canonicalUsage(u: UsageIn): Usage {
  if (u.prompt_tokens !== undefined && u.completion_tokens !== undefined) {
    const cached = u.prompt_tokens_details?.cached_tokens ?? 0;
    return {
      input: Math.max(0, u.prompt_tokens - cached), output: u.completion_tokens, cacheRead: cached, cacheWrite: 0,
      reasoning: u.completion_tokens_details?.reasoning_tokens ?? 0,
    };
  }
  // Anthropic counts cache reads and writes apart from input_tokens; the Responses API counts cached tokens inside it.
  const cachedInside = u.input_tokens_details?.cached_tokens ?? 0;
  return {
    input: Math.max(0, (u.input_tokens ?? 0) - cachedInside),
    output: u.output_tokens ?? 0,
    cacheRead: (u.cache_read_input_tokens ?? 0) + cachedInside,
    cacheWrite: u.cache_creation_input_tokens ?? 0,
    reasoning: u.output_tokens_details?.reasoning_tokens ?? 0,
  };
}
