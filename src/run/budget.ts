import { ProviderError } from '../core/errors.js';
import { priceCall } from '../cost/prices.js';
import { estimateRequestTokens } from './rate-limit.js';
import type { ModelClient } from './model-client.js';

/** Spend shared by every model of a run; calls are refused before the cap would be crossed. */
export class Budget {
  spentUsd = 0;
  reservedUsd = 0;
  exceeded = false;
  constructor(readonly capUsd: number) {}
}

/**
 * Refuses a call whose worst-case cost (estimated input + the full output allowance) would take spend past the cap.
 * Models without a known price cannot be capped: they are refused too, with a message saying so.
 */
export function withBudget(inner: ModelClient, budget: Budget): ModelClient {
  if (inner.spec.kind === 'rules') return inner;
  return {
    spec: inner.spec,
    id: inner.id,
    async generate(req, signal) {
      const inTok = estimateRequestTokens(req) - req.settings.maxOutputTokens;
      const worst = priceCall(inner.spec, { input: inTok, output: req.settings.maxOutputTokens, cacheRead: 0, cacheWrite: 0, reasoning: 0 });
      if (worst.costUsd === null) {
        budget.exceeded = true;
        throw new ProviderError('budget', `--max-cost needs a known price for ${inner.id}; set prices in its model entry`);
      }
      if (budget.exceeded || budget.spentUsd + budget.reservedUsd + worst.costUsd > budget.capUsd) {
        budget.exceeded = true;
        throw new ProviderError('budget', `budget cap of $${budget.capUsd.toFixed(2)} reached (spent $${budget.spentUsd.toFixed(4)}); no further calls issued`);
      }
      budget.reservedUsd += worst.costUsd;
      try {
        const out = await inner.generate(req, signal);
        if (!out.cached) budget.spentUsd += priceCall(inner.spec, out.result.usage).costUsd ?? 0;
        return out;
      } finally {
        budget.reservedUsd -= worst.costUsd;
      }
    },
  };
}
