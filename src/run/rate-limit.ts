import type { GenerateRequest } from '../core/types.js';
import type { ModelClient } from './model-client.js';

/** Rough pre-flight token estimate (chars / 4): enough to pace against a tokens-per-minute limit. */
export function estimateRequestTokens(req: GenerateRequest): number {
  return Math.ceil((req.system.length + req.turns.reduce((s, t) => s + t.text.length, 0) + JSON.stringify(req.tools).length) / 4) + req.settings.maxOutputTokens;
}

/**
 * Sliding one-minute windows for requests and tokens per provider model. A call waits until both windows have room;
 * after the call the token estimate is replaced by the provider's reported usage.
 */
export function withRateLimit(inner: ModelClient, limits: { rpm?: number; tpm?: number }, now: () => number = Date.now): ModelClient {
  if (!limits.rpm && !limits.tpm) return inner;
  const events: { t: number; tokens: number }[] = [];
  let queue: Promise<void> = Promise.resolve();
  const prune = (t: number): void => { while (events.length && events[0]!.t <= t - 60_000) events.shift(); };
  const admit = async (tokens: number): Promise<{ t: number; tokens: number }> => {
    for (;;) {
      const t = now();
      prune(t);
      const used = events.reduce((s, e) => s + e.tokens, 0);
      const okReq = !limits.rpm || events.length < limits.rpm;
      const okTok = !limits.tpm || used + tokens <= limits.tpm || events.length === 0;
      if (okReq && okTok) { const ev = { t, tokens }; events.push(ev); return ev; }
      const waitMs = Math.max(5, events[0]!.t + 60_000 - t);
      await new Promise((r) => setTimeout(r, waitMs));
    }
  };
  return {
    spec: inner.spec,
    id: inner.id,
    async generate(req, signal) {
      const est = estimateRequestTokens(req);
      // Admission is serialised so concurrent callers cannot overshoot the window together.
      const ticket = queue.then(() => admit(est));
      queue = ticket.then(() => undefined);
      const ev = await ticket;
      const out = await inner.generate(req, signal);
      const u = out.result.usage;
      ev.tokens = u.input + u.cacheRead + u.cacheWrite + u.output;
      return out;
    },
  };
}
