import { ProviderError, type ProviderErrorKind } from '../core/errors.js';
import type { ModelClient } from './model-client.js';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Deterministic jitter source in tests; Math.random otherwise. */
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Which failures are worth another attempt: rate limits, server errors, timeouts, dropped or garbled responses. */
export const RETRYABLE = {
  'rate-limit': true, server: true, timeout: true, network: true, malformed: true,
  auth: false, 'bad-request': false, budget: false, 'cache-miss': false,
} satisfies Record<ProviderErrorKind, boolean>;

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); reject(new ProviderError('timeout', 'aborted')); }, { once: true });
  });

/** Exponential backoff with full jitter; a Retry-After from the provider wins when it asks for longer. */
export function backoffMs(attempt: number, policy: RetryPolicy, retryAfterMs?: number): number {
  const rnd = policy.random ?? Math.random;
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const jittered = exp / 2 + rnd() * (exp / 2);
  return retryAfterMs !== undefined ? Math.max(retryAfterMs, jittered) : jittered;
}

/** Unknown errors (SDK bugs, our own) are not provider faults: they surface as agent errors, unretried. */
export function withRetries(inner: ModelClient, policy: RetryPolicy): ModelClient {
  const sleep = policy.sleep ?? defaultSleep;
  return {
    spec: inner.spec,
    id: inner.id,
    async generate(req, signal) {
      for (let attempt = 0; ; attempt++) {
        try {
          const out = await inner.generate(req, signal);
          return { ...out, retries: out.retries + attempt };
        } catch (e) {
          if (!(e instanceof ProviderError) || !RETRYABLE[e.kind] || attempt >= policy.maxRetries) {
            if (e instanceof ProviderError) {
              e.attempts = attempt + 1;
              if (attempt > 0) e.message = `${e.message} (after ${attempt + 1} attempts)`;
            }
            throw e;
          }
          await sleep(backoffMs(attempt, policy, e.retryAfterMs), signal);
        }
      }
    },
  };
}
