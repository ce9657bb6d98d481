import type { BackendKind } from '../core/types.js';

/**
 * How each vendor's prompt cache works, as far as cxbench relies on it (docs/providers.md):
 * - `explicit` (Anthropic): only prefixes ending at a cache_control breakpoint are cached; writing one is billed at
 *   the table's cache-write price, reading it at the cache-read price.
 * - `automatic` (OpenAI): every prompt of at least `minTokens` is cached in steps of `step` tokens; no write premium;
 *   prompt_cache_key keeps requests with one prefix on the same cache.
 * - `implicit` (Gemini 2.5 and later): repeated prefixes may be served from cache; no marker, no write premium, no
 *   guarantee.
 * - `none`: servers that bill nothing for it or do not report it.
 */
export type CacheMode = 'explicit' | 'automatic' | 'implicit' | 'none';

export interface CachePolicy {
  mode: CacheMode;
  /** The shortest prefix the vendor caches, in its tokens. */
  minTokens: number;
  /** Cached prefixes are a multiple of this many tokens. */
  step: number;
}

/**
 * Shortest cacheable prefix by Anthropic model family, from Anthropic's prompt-caching documentation at the time of
 * writing: 4,096 for Opus 4.5 and later and Haiku 4.5, 2,048 for Sonnet 4.6 and the Haiku 3 models, 1,024 otherwise.
 */
export function anthropicMinTokens(model: string): number {
  if (/opus-4-[5-9]|opus-[5-9]|haiku-4-5/.test(model)) return 4096;
  if (/sonnet-4-6|haiku-3/.test(model)) return 2048;
  return 1024;
}

/** Gemini's implicit cache starts at 1,024 tokens for Flash models and 2,048 for Pro models (Google's documentation). */
export function geminiMinTokens(model: string): number {
  return /pro/.test(model) ? 2048 : 1024;
}

export const CACHE_POLICIES = {
  anthropic: (model) => ({ mode: 'explicit', minTokens: anthropicMinTokens(model), step: 1 }),
  openai: () => ({ mode: 'automatic', minTokens: 1024, step: 128 }),
  google: (model) => ({ mode: 'implicit', minTokens: geminiMinTokens(model), step: 1 }),
  'openai-compatible': () => ({ mode: 'none', minTokens: Infinity, step: 1 }),
  rules: () => ({ mode: 'none', minTokens: Infinity, step: 1 }),
} satisfies Record<BackendKind, (model: string) => CachePolicy>;

/** With the markers off (`promptCache: false`) only an explicit cache goes away; the others need no marker. */
export function cachePolicy(kind: BackendKind, model: string, markers = true): CachePolicy {
  const p = CACHE_POLICIES[kind](model);
  return p.mode === 'explicit' && !markers ? { mode: 'none', minTokens: Infinity, step: 1 } : p;
}
