import { ProviderError } from '../core/errors.js';
import { backoffMs, RETRYABLE } from '../run/retry.js';

/**
 * Timeouts, retries and a requests-per-minute limit for agents called over a boundary, as models get them
 * (src/run/retry.ts, rate-limit.ts): retryable failures (rate limits, server errors, timeouts, dropped or garbled
 * replies) are tried again with jittered exponential backoff; anything else fails at once.
 */
export interface GuardOptions {
  timeoutMs: number;
  maxRetries: number;
  rpm?: number;
  /** Test hooks. */
  baseDelayMs?: number;
  now?: () => number;
}

export interface Attempt<T> {
  value: T;
  latencyMs: number;
  retries: number;
}

/** Sliding one-minute window of request start times, shared by every conversation of one agent. */
export class Pacer {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  constructor(private readonly rpm: number | undefined, private readonly now: () => number = Date.now) {}

  admit(): Promise<void> {
    const rpm = this.rpm;
    if (!rpm) return Promise.resolve();
    const ticket = this.queue.then(async () => {
      for (;;) {
        const t = this.now();
        while (this.starts.length && this.starts[0]! <= t - 60_000) this.starts.shift();
        if (this.starts.length < rpm) { this.starts.push(t); return; }
        await new Promise((r) => setTimeout(r, Math.max(5, this.starts[0]! + 60_000 - t)));
      }
    });
    this.queue = ticket;
    return ticket;
  }
}

/**
 * Runs `call` with a timeout signal, retrying as above. The latency is that of the attempt that succeeded; a final
 * failure is a ProviderError whose `attempts` says how many were made.
 */
export async function guarded<T>(o: GuardOptions, pacer: Pacer, what: string, call: (signal: AbortSignal) => Promise<T>, outer?: AbortSignal): Promise<Attempt<T>> {
  for (let attempt = 0; ; attempt++) {
    await pacer.admit();
    const timeout = AbortSignal.timeout(o.timeoutMs);
    const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
    const t0 = performance.now();
    try {
      const value = await call(signal);
      return { value, latencyMs: performance.now() - t0, retries: attempt };
    } catch (raw) {
      const e = asProviderError(raw, what, timeout.aborted, o.timeoutMs);
      if (!RETRYABLE[e.kind] || attempt >= o.maxRetries || outer?.aborted) {
        e.attempts = attempt + 1;
        if (attempt > 0) e.message = `${e.message} (after ${attempt + 1} attempts)`;
        throw e;
      }
      await new Promise((r) => setTimeout(r, backoffMs(attempt, { maxRetries: o.maxRetries, baseDelayMs: o.baseDelayMs ?? 500, maxDelayMs: 30_000 }, e.retryAfterMs)));
    }
  }
}

/** Every failure of a call over a boundary is infrastructure: a timeout, a dropped connection, or what the call said. */
function asProviderError(e: unknown, what: string, timedOut: boolean, timeoutMs: number): ProviderError {
  if (e instanceof ProviderError) return e;
  if (timedOut) return new ProviderError('timeout', `${what} did not answer within ${timeoutMs} ms`);
  const msg = e instanceof Error ? e.message : String(e);
  return new ProviderError('network', `${what} could not be reached: ${msg}`);
}
