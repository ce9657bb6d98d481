import type { Backend, GenerateRequest, GenerateResult } from '../../../src/core/types.js';

/** A scripted judge: answers each request with the next reply (or a function of the request) and records requests. */
export class FakeJudge implements Backend {
  readonly id = 'fake:judge-1';
  readonly kind = 'openai-compatible' as const;
  readonly requests: GenerateRequest[] = [];
  constructor(private readonly reply: ((req: GenerateRequest, n: number) => string) | string[]) {}

  async generate(req: GenerateRequest): Promise<GenerateResult> {
    this.requests.push(req);
    const n = this.requests.length - 1;
    const text = typeof this.reply === 'function' ? this.reply(req, n) : this.reply[n];
    if (text === undefined) throw new Error(`FakeJudge has no reply #${n}`);
    return { turn: { speaker: 'agent', text }, usage: { input: 100, output: 10, cacheRead: 5, cacheWrite: 0, reasoning: 0 }, latencyMs: 1, model: 'judge-1-snapshot', finishReason: 'stop' };
  }

  /** Everything the judge was shown, for masking assertions. */
  seen(): string {
    return this.requests.map((r) => [r.system, ...r.turns.map((t) => t.text)].join('\n')).join('\n');
  }
}
