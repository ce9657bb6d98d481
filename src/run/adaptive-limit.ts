import { ProviderError } from '../core/errors.js';
import { rateLimitScope, type Budget, type HeaderListener, type RateLimitSnapshot } from '../providers/rate-limit-headers.js';
import type { ModelSpec } from '../schema/model-spec.js';
import type { ModelClient } from './model-client.js';
import { estimateRequestTokens } from './rate-limit.js';

/** A budget as the limiter tracks it: refilled continuously at `ratePerMs`, up to `limit`. */
interface Bucket {
  limit: number;
  level: number;
  ratePerMs: number;
  at: number;
}

interface Ticket {
  tokens: number;
  /** Each bucket's `admitted` right after this call was admitted. */
  reqMark: number;
  tokMark: number;
}

export interface AdaptiveOptions {
  /** Calls in flight allowed before the first 429; by default no cap of its own (the run's concurrency caps it). */
  initialConcurrency?: number;
  maxConcurrency?: number;
  now?: () => number;
}

/**
 * Paces the calls to one provider model from what its responses say, when no rpm/tpm is configured:
 * - token buckets for requests and tokens, sized by the `limit` headers, refilled at the rate the `reset` headers
 *   imply ((limit - remaining) / reset, smoothed), and set from each response's `remaining` less what was admitted
 *   after that call; a call waits until both buckets cover it (its tokens estimated as the manual limiter does);
 * - AIMD on the calls in flight: one more per window of successes, halved on a 429 (at most once per round trip),
 *   and not widened again until twice the retry-after (at least 2 s) has passed without a 429, which is all there is
 *   for vendors that send no budget headers (Gemini); for those, a quarter of a call per window after the first 429;
 * - a 429's retry-after holds every admission until it has passed;
 * - the first call goes alone: a burst before any budget is known could overrun it.
 * Admission is first come, first served. One limiter per provider model (limiterFor), shared by every client of it.
 */
/** Additive increase per window of successes after a 429 when the vendor sends no budget headers (else 1). */
const HEADERLESS_PROBE_STEP = 0.25;

export class AdaptiveLimiter {
  private requests: Bucket | undefined;
  private tokens: Bucket | undefined;
  private window: number;
  private inFlight = 0;
  private pausedUntil = 0;
  private lastDecrease = -Infinity;
  /** No widening until this long after the last 429: probing again at once would meet the same empty budget. */
  private quietUntil = 0;
  private lastLatencyMs = 0;
  /** Until the first answer, one call at a time: its headers size the buckets before a burst can overrun them. */
  private probing = true;
  private readonly queue: Array<{ tokens: number; resolve: (t: Ticket) => void }> = [];
  /** Each admission's cost summed so far; a response's `remaining` is corrected by what was admitted after its call. */
  private readonly totals = { req: 0, tok: 0 };
  private timer: NodeJS.Timeout | undefined;
  private readonly max: number;
  private readonly now: () => number;
  /** Counters for measurements and tests. */
  readonly stats = { admitted: 0, rateLimited: 0, decreases: 0 };

  constructor(o: AdaptiveOptions = {}) {
    this.max = o.maxConcurrency ?? 256;
    this.window = o.initialConcurrency ?? this.max;
    this.now = o.now ?? (() => performance.now());
  }

  get concurrency(): number { return Math.floor(this.window); }

  /** Resolves when the call may start; a caller's abort takes it out of the queue. */
  admit(tokens: number, signal?: AbortSignal): Promise<Ticket> {
    return new Promise((resolve, reject) => {
      const entry = { tokens, resolve: (t: Ticket): void => { signal?.removeEventListener('abort', onAbort); resolve(t); } };
      const onAbort = (): void => {
        const i = this.queue.indexOf(entry);
        if (i >= 0) { this.queue.splice(i, 1); reject(new ProviderError('timeout', 'aborted while waiting for the rate limit')); }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(entry);
      this.pump();
    });
  }

  private refill(b: Bucket | undefined, t: number): void {
    if (!b) return;
    b.level = Math.min(b.limit, b.level + b.ratePerMs * (t - b.at));
    b.at = t;
  }

  /** Milliseconds until `b` covers `need` (a call larger than the whole budget waits for a full bucket). */
  private waitFor(b: Bucket | undefined, need: number): number {
    if (!b) return 0;
    const target = Math.min(need, b.limit);
    if (b.level >= target) return 0;
    return b.ratePerMs > 0 ? (target - b.level) / b.ratePerMs : 1000;
  }

  private pump(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    while (this.queue.length) {
      if (this.inFlight >= (this.probing ? 1 : this.concurrency)) return; // a release pumps again
      const t = this.now();
      this.refill(this.requests, t);
      this.refill(this.tokens, t);
      const head = this.queue[0]!;
      const wait = Math.max(this.pausedUntil - t, this.waitFor(this.requests, 1), this.waitFor(this.tokens, head.tokens));
      if (wait > 0) { this.timer = setTimeout(() => this.pump(), Math.max(1, Math.ceil(wait))); return; }
      this.queue.shift();
      this.inFlight++;
      this.stats.admitted++;
      if (this.requests) { this.requests.level -= 1; }
      if (this.tokens) { this.tokens.level -= head.tokens; }
      head.resolve({ tokens: head.tokens, reqMark: this.consume('req', 1), tokMark: this.consume('tok', head.tokens) });
    }
  }

  private consume(kind: 'req' | 'tok', n: number): number {
    this.totals[kind] += n;
    return this.totals[kind];
  }

  /** A response's headers: the buckets take the vendor's figures, less what was admitted after this call. */
  observe(ticket: Ticket, snap: RateLimitSnapshot): void {
    const t = this.now();
    this.probing = false;
    if (snap.requests) this.requests = this.sync(this.requests, snap.requests, this.totals.req - ticket.reqMark, t);
    if (snap.tokens) this.tokens = this.sync(this.tokens, snap.tokens, this.totals.tok - ticket.tokMark, t);
    if (snap.retryAfterMs !== undefined && snap.retryAfterMs > 0) this.pausedUntil = Math.max(this.pausedUntil, t + snap.retryAfterMs);
  }

  private sync(b: Bucket | undefined, v: Budget, admittedSince: number, t: number): Bucket {
    const spent = v.limit - v.remaining;
    const implied = spent > 0 && v.resetMs > 0 ? spent / v.resetMs : undefined;
    const rate = implied === undefined ? (b?.ratePerMs ?? v.limit / 60_000) : b ? 0.7 * b.ratePerMs + 0.3 * implied : implied;
    return { limit: v.limit, level: Math.min(v.limit, v.remaining - admittedSince), ratePerMs: rate, at: t };
  }

  /**
   * The call ended. A success widens a full window by one call per window of successes; a 429 halves what was in
   * flight (once per round trip: the 429s of one burst are one signal).
   */
  release(outcome: 'ok' | 'rate-limited' | 'other', latencyMs: number, retryAfterMs?: number): void {
    const inFlight = this.inFlight--;
    const t = this.now();
    this.probing = false;
    if (outcome === 'ok') {
      this.lastLatencyMs = latencyMs;
      if (inFlight >= this.concurrency && t >= this.quietUntil) {
        // Without budget headers the next 429 is the only sign of the limit, and it costs every call then in flight:
        // once one has come, probe upwards at a quarter of the pace, so that the window overshoots less each time.
        const step = this.stats.rateLimited > 0 && !this.requests && !this.tokens ? HEADERLESS_PROBE_STEP : 1;
        this.window = Math.min(this.max, this.window + step / this.window);
      }
    } else if (outcome === 'rate-limited') {
      this.stats.rateLimited++;
      if (t - this.lastDecrease > Math.max(this.lastLatencyMs, 50)) {
        this.window = Math.max(1, Math.min(this.window, inFlight) / 2);
        this.lastDecrease = t;
        this.stats.decreases++;
      }
      if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, t + retryAfterMs);
      this.quietUntil = Math.max(this.quietUntil, t + 2 * Math.max(retryAfterMs ?? 0, 1000));
    }
    this.pump();
  }
}

/** One limiter per provider model and endpoint, shared by every client of it in this process. */
const LIMITERS = new Map<string, AdaptiveLimiter>();

export function limiterKey(spec: ModelSpec): string {
  return [spec.kind, spec.model, spec.baseUrl ?? '', spec.endpoint ? JSON.stringify(spec.endpoint) : '', spec.apiKeyEnv ?? ''].join('|');
}

export function limiterFor(spec: ModelSpec, o: AdaptiveOptions = {}): AdaptiveLimiter {
  const key = limiterKey(spec);
  let l = LIMITERS.get(key);
  if (!l) { l = new AdaptiveLimiter(o); LIMITERS.set(key, l); }
  return l;
}

/** The adaptive layer around a client; each attempt (retries come from above) is admitted and observed on its own. */
export function withAdaptiveLimit(inner: ModelClient, limiter: AdaptiveLimiter): ModelClient {
  return {
    spec: inner.spec,
    id: inner.id,
    async generate(req, signal) {
      const ticket = await limiter.admit(estimateRequestTokens(req), signal);
      const listener: HeaderListener = { onRateLimit: (snap) => limiter.observe(ticket, snap) };
      const t0 = performance.now();
      try {
        const out = await rateLimitScope.run(listener, () => inner.generate(req, signal));
        limiter.release('ok', performance.now() - t0);
        return out;
      } catch (e) {
        const limited = e instanceof ProviderError && e.kind === 'rate-limit';
        limiter.release(limited ? 'rate-limited' : 'other', performance.now() - t0, limited ? e.retryAfterMs : undefined);
        throw e;
      }
    },
  };
}
