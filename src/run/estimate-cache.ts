import type { CachePolicy } from '../providers/prompt-cache.js';

/** One agent call as the estimate sees it, in the order the run makes them. */
export interface PlannedCall {
  /** Tokens every persona variant of the scenario shares: tools and the stable part of the system prompt. */
  stableTokens: number;
  /** Identifies that shared prefix (tools + stable system text), e.g. its hash. */
  stableKey: string;
  /** Tokens of the whole request: stable part, the variant's part, and the conversation so far. */
  totalTokens: number;
  /** Identifies the cell; calls of one cell share their growing conversation. */
  cellKey: string;
  /** 0 for the cell's first call. */
  callIndex: number;
}

export interface CacheFigures {
  /** Input tokens expected to be read from the cache. */
  read: number;
  /** Input tokens expected to be written to it (billed as writes only where the vendor bills them). */
  written: number;
}

/**
 * A prompt cache replayed over the planned calls of one model. What a call can read is the longest earlier prefix it
 * starts with: the scenario's shared prefix (written by an earlier variant or call), or the previous call of the same
 * cell (its whole request, a prefix of this one). The vendor's rules decide what counts:
 * - explicit (Anthropic): only at breakpoints, which the request builder puts at the end of the shared prefix and,
 *   from a cell's second call on, at the end of the conversation; so a cell's second call can read only the shared
 *   prefix, and later calls the previous call's request;
 * - automatic/implicit (OpenAI, Gemini): any earlier prefix, rounded down to the vendor's step;
 * and nothing shorter than the vendor's minimum is cached. `inFlight` calls start together (the run's concurrency for
 * this provider): the first `inFlight` requests with a new prefix all miss, since none has been written when they
 * start. The cache is assumed not to expire within a scenario (5 minutes at the least for every vendor; a scenario's
 * cells run next to each other).
 */
export class PromptCacheReplay {
  private readonly seen = new Map<string, number>();
  private readonly lastOfCell = new Map<string, number>();

  constructor(private readonly policy: CachePolicy, private readonly inFlight: number) {}

  call(c: PlannedCall): CacheFigures {
    const p = this.policy;
    if (p.mode === 'none') return { read: 0, written: 0 };
    const floor = (n: number): number => (n >= p.minTokens ? Math.floor(n / p.step) * p.step : 0);
    const uses = (this.seen.get(c.stableKey) ?? 0) + 1;
    this.seen.set(c.stableKey, uses);
    const stableHit = uses > this.inFlight ? floor(c.stableTokens) : 0;
    const previous = this.lastOfCell.get(c.cellKey);
    // A cell's own previous request: explicit caches hold it only when it carried a conversation breakpoint.
    const conversationHit = previous !== undefined && (p.mode !== 'explicit' || c.callIndex >= 2) ? floor(previous) : 0;
    const read = Math.min(c.totalTokens, Math.max(stableHit, conversationHit));
    // Breakpoints on this request: the shared prefix always, the conversation from the second call on.
    const marked = p.mode !== 'explicit' ? 0 : Math.max(floor(c.stableTokens), c.callIndex >= 1 ? floor(c.totalTokens) : 0);
    const written = Math.max(0, marked - read);
    if (p.mode !== 'explicit' || c.callIndex >= 1) this.lastOfCell.set(c.cellKey, c.totalTokens);
    else this.lastOfCell.delete(c.cellKey);
    return { read, written };
  }
}
