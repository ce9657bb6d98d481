import { createHash } from 'node:crypto';
import { countTokens } from 'gpt-tokenizer';

/** The mocks' token count: OpenAI's o200k tokenizer, the one `cxbench estimate` counts with. */
export const mockTokens = (s: string): number => (s ? countTokens(s) : 0);

/**
 * A request as a sequence of blocks in prefix order (tools, system, messages): `key` is what the cache compares (the
 * block's wire form), `text` what is counted as tokens, `marked` a cache breakpoint after the block.
 */
export interface PrefixBlock {
  key: string;
  text: string;
  marked?: boolean;
}

export interface CacheUsage {
  total: number;
  read: number;
  written: number;
}

/**
 * A vendor's prompt cache as the loopback mocks play it. Explicit (Anthropic): prefixes are written at breakpoints
 * and read at a breakpoint or up to 20 blocks before one (Anthropic's look-back). Automatic (OpenAI): every prefix of
 * at least `minTokens` is written, and a request reads the longest one it starts with, in steps of `step`.
 */
export class PrefixCache {
  private readonly seen = new Set<string>();

  constructor(private readonly mode: 'explicit' | 'automatic', private readonly minTokens = 1024, private readonly step = 1) {}

  use(blocks: readonly PrefixBlock[]): CacheUsage {
    const hashes: string[] = [];
    const tokens: number[] = [];
    const h = createHash('sha256');
    let total = 0;
    for (const b of blocks) {
      h.update(b.key).update('\u0000');
      total += mockTokens(b.text);
      hashes.push(h.copy().digest('hex'));
      tokens.push(total);
    }
    const ok = (i: number): boolean => tokens[i]! >= this.minTokens;
    let read = 0;
    const candidates = this.mode === 'automatic'
      ? blocks.map((_, i) => i)
      : blocks.flatMap((b, i) => (b.marked ? Array.from({ length: Math.min(21, i + 1) }, (_, k) => i - k) : []));
    for (const i of candidates) if (ok(i) && this.seen.has(hashes[i]!)) read = Math.max(read, tokens[i]!);
    read = Math.floor(read / this.step) * this.step;
    let written = 0;
    blocks.forEach((b, i) => {
      if ((this.mode === 'automatic' || b.marked) && ok(i)) {
        if (this.mode === 'explicit') written = Math.max(written, tokens[i]! - read);
        this.seen.add(hashes[i]!);
      }
    });
    return { total, read, written: this.mode === 'explicit' ? written : 0 };
  }
}
