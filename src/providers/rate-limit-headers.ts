import { AsyncLocalStorage } from 'node:async_hooks';
import { httpFetch } from './http-fetch.js';
import { retryAfterMs } from './provider-errors.js';

/** One budget a vendor reports: its size, what is left, and how long until it is full again. */
export interface Budget {
  limit: number;
  remaining: number;
  /** Milliseconds until the budget is whole again (0 when it already is). */
  resetMs: number;
}

/** What one response says about the caller's rate limits; each part only when the vendor sent it. */
export interface RateLimitSnapshot {
  requests?: Budget;
  tokens?: Budget;
  retryAfterMs?: number;
}

/** OpenAI's durations: `1s`, `6m0s`, `20ms`, `1m30.5s`, `2h`. */
export function parseDuration(s: string): number | undefined {
  const t = s.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== t) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
  return parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2] as keyof typeof unit], 0);
}

const num = (v: string | null): number | undefined => (v !== null && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

function budget(limit: string | null, remaining: string | null, reset: number | undefined): Budget | undefined {
  const l = num(limit);
  const r = num(remaining);
  if (l === undefined || r === undefined || l <= 0) return undefined;
  return { limit: l, remaining: Math.max(0, Math.min(l, r)), resetMs: Math.max(0, reset ?? 0) };
}

/** Anthropic sends reset times as RFC 3339 instants. */
const untilInstant = (v: string | null, now: number): number | undefined => {
  if (!v) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : at - now;
};

const SENTINELS = [
  'x-ratelimit-limit-requests', 'x-ratelimit-limit-tokens', 'anthropic-ratelimit-requests-limit', 'anthropic-ratelimit-tokens-limit',
  'anthropic-ratelimit-input-tokens-limit', 'retry-after', 'retry-after-ms',
];

/**
 * Reads OpenAI's `x-ratelimit-{limit,remaining,reset}-{requests,tokens}` and Anthropic's
 * `anthropic-ratelimit-{requests,tokens,input-tokens}-{limit,remaining,reset}`, and `retry-after(-ms)`. Anthropic's
 * `tokens` budget is the tightest of its token limits; where only input tokens are reported they stand for it.
 */
export function parseRateLimitHeaders(h: Headers, now = Date.now()): RateLimitSnapshot | undefined {
  // Most responses of local servers carry none of these: a few lookups decide that.
  if (!SENTINELS.some((name) => h.has(name))) return undefined;
  const out: RateLimitSnapshot = {};
  const oai = (kind: string): Budget | undefined =>
    budget(h.get(`x-ratelimit-limit-${kind}`), h.get(`x-ratelimit-remaining-${kind}`), parseDuration(h.get(`x-ratelimit-reset-${kind}`) ?? ''));
  const ant = (kind: string): Budget | undefined =>
    budget(h.get(`anthropic-ratelimit-${kind}-limit`), h.get(`anthropic-ratelimit-${kind}-remaining`), untilInstant(h.get(`anthropic-ratelimit-${kind}-reset`), now));
  const requests = oai('requests') ?? ant('requests');
  const tokens = oai('tokens') ?? ant('tokens') ?? ant('input-tokens');
  const wait = retryAfterMs(h, now);
  if (requests) out.requests = requests;
  if (tokens) out.tokens = tokens;
  if (wait !== undefined) out.retryAfterMs = wait;
  return requests || tokens || wait !== undefined ? out : undefined;
}

/** Whoever is waiting for the rate-limit headers of the call under way (the adaptive limiter, src/run/adaptive-limit.ts). */
export interface HeaderListener {
  onRateLimit(snapshot: RateLimitSnapshot, status: number): void;
}

/** The listener of the call in progress: set around a call, read by the fetch the SDKs use; calls never share one. */
export const rateLimitScope = new AsyncLocalStorage<HeaderListener>();

/** A fetch that tells the current call's listener what the response's rate-limit headers say. */
export function observingFetch(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    const listener = rateLimitScope.getStore();
    if (listener) {
      const snap = parseRateLimitHeaders(res.headers);
      if (snap) listener.onRateLimit(snap, res.status);
    }
    return res;
  };
}

/**
 * The fetch a backend's SDK gets: ours (buffered, cheaper per call) for whole replies, the built-in one for streamed
 * replies (ours resolves only once the whole body is in, which would make the first token arrive with the last).
 * Both tell the adaptive limiter about rate-limit headers.
 */
export function transportFor(spec: { stream?: boolean | undefined }): typeof fetch {
  return spec.stream ? observingFetch((input, init) => fetch(input, init)) : observingFetch(httpFetch);
}
