import { join } from 'node:path';
import type { ModelClient } from './model-client.js';
import { withCache, type CacheMode } from './cache.js';
import { withRetries } from './retry.js';
import { withRateLimit } from './rate-limit.js';
import { limiterFor, withAdaptiveLimit } from './adaptive-limit.js';
import { withBudget, type Budget } from './budget.js';

export interface StackOptions {
  output: string;
  cache: CacheMode;
  budget?: Budget;
  /** Test hook: shorter waits. */
  baseDelayMs?: number;
}

export const cacheDir = (output: string): string => join(output, 'cache');

/**
 * cache (a hit costs nothing and waits for nothing) -> budget (refuse before spending) -> retries (each attempt is
 * paced again) -> rate limits -> the backend. Rate limits are the configured rpm/tpm when either is set (they win),
 * else paced from the provider's own rate-limit headers and 429s (src/run/adaptive-limit.ts).
 */
export function stackClient(client: ModelClient, o: StackOptions): ModelClient {
  const spec = client.spec;
  const manual = spec.rpm !== undefined || spec.tpm !== undefined;
  let c = manual ? withRateLimit(client, { ...(spec.rpm ? { rpm: spec.rpm } : {}), ...(spec.tpm ? { tpm: spec.tpm } : {}) })
    : spec.kind === 'rules' ? client : withAdaptiveLimit(client, limiterFor(spec));
  c = withRetries(c, { maxRetries: spec.maxRetries, baseDelayMs: o.baseDelayMs ?? 500, maxDelayMs: 30_000 });
  if (o.budget) c = withBudget(c, o.budget);
  return withCache(c, cacheDir(o.output), o.cache);
}
