/** A request and a token limit a loopback mock enforces, reported in one vendor's header style. */
export interface EnforcedLimits {
  /** Requests per window. */
  requests: number;
  /** Tokens per window (a request costs its prompt estimate plus its max_tokens, as OpenAI counts). */
  tokens: number;
  /** The window the limits are per; vendors use a minute, tests a second or two. */
  windowMs: number;
  /** Whose headers to send; `none`: no budget headers, only retry-after on a 429 (as Gemini answers). */
  style: 'openai' | 'anthropic' | 'none';
}

export interface Admission {
  ok: boolean;
  headers: Record<string, string>;
}

interface Bucket { limit: number; level: number }

/** `1.5s`, `120ms`: OpenAI's way of writing a reset time. */
function duration(ms: number): string {
  return ms < 1000 ? `${Math.ceil(ms)}ms` : `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
}

/**
 * Two token buckets (requests, tokens), full at the start and refilled continuously over the window, as the vendors
 * describe their limits. A request that either bucket cannot cover is refused (429) with retry-after; every answer
 * carries the limit, what remains and when the bucket is full again.
 */
export class LimitEnforcer {
  private readonly req: Bucket;
  private readonly tok: Bucket;
  private at: number;

  constructor(private readonly limits: EnforcedLimits, private readonly now: () => number = () => performance.now()) {
    this.req = { limit: limits.requests, level: limits.requests };
    this.tok = { limit: limits.tokens, level: limits.tokens };
    this.at = now();
  }

  private refill(): number {
    const t = this.now();
    for (const b of [this.req, this.tok]) b.level = Math.min(b.limit, b.level + (b.limit * (t - this.at)) / this.limits.windowMs);
    this.at = t;
    return t;
  }

  private resetMs(b: Bucket): number { return ((b.limit - b.level) * this.limits.windowMs) / b.limit; }

  take(tokens: number): Admission {
    this.refill();
    const ok = this.req.level >= 1 && this.tok.level >= Math.min(tokens, this.tok.limit);
    if (ok) { this.req.level -= 1; this.tok.level -= tokens; }
    const headers = this.headers();
    if (!ok) {
      const waitMs = Math.max(((1 - this.req.level) * this.limits.windowMs) / this.req.limit, ((Math.min(tokens, this.tok.limit) - this.tok.level) * this.limits.windowMs) / this.tok.limit, 1);
      headers['retry-after'] = String(Math.ceil(waitMs / 1000));
      if (this.limits.style === 'openai') headers['retry-after-ms'] = String(Math.ceil(waitMs));
    }
    return { ok, headers };
  }

  private headers(): Record<string, string> {
    const rem = (b: Bucket): string => String(Math.max(0, Math.floor(b.level)));
    if (this.limits.style === 'none') return {};
    if (this.limits.style === 'openai') {
      return {
        'x-ratelimit-limit-requests': String(this.req.limit), 'x-ratelimit-remaining-requests': rem(this.req), 'x-ratelimit-reset-requests': duration(this.resetMs(this.req)),
        'x-ratelimit-limit-tokens': String(this.tok.limit), 'x-ratelimit-remaining-tokens': rem(this.tok), 'x-ratelimit-reset-tokens': duration(this.resetMs(this.tok)),
      };
    }
    const instant = (b: Bucket): string => new Date(Date.now() + this.resetMs(b)).toISOString();
    return {
      'anthropic-ratelimit-requests-limit': String(this.req.limit), 'anthropic-ratelimit-requests-remaining': rem(this.req), 'anthropic-ratelimit-requests-reset': instant(this.req),
      'anthropic-ratelimit-tokens-limit': String(this.tok.limit), 'anthropic-ratelimit-tokens-remaining': rem(this.tok), 'anthropic-ratelimit-tokens-reset': instant(this.tok),
    };
  }
}
