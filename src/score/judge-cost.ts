import { z } from 'zod';
import type { ModelCall } from '../core/conversation.js';
import { UsageSchema } from '../core/types.js';
import { priceCall } from '../cost/prices.js';
import type { ModelSpec } from '../schema/model-spec.js';
import type { Score } from './types.js';

const JudgeUsageNote = z.object({ role: z.literal('judge'), model: z.string(), calls: z.number().int().nonnegative(), usage: UsageSchema });

/**
 * Judge evaluators report their token usage as `judge.*tokens` scores (a scorer stays a pure function). The score
 * step turns them into model-call rows with role 'judge', priced like any call, so evaluation cost is accounted
 * per role, apart from the agent's cost.
 */
/** Judge calls are made while scoring and their wall time is not measured: stored as unknown latency (NULL), never 0. */
export function judgeCallsFromScores(scores: Score[], spec: ModelSpec, firstIdx: number): ModelCall[] {
  const out: ModelCall[] = [];
  for (const s of scores) {
    if (!/^judge\..*tokens$/.test(s.metric)) continue;
    for (const e of s.evidence) {
      if (!e.note) continue;
      let parsed: z.infer<typeof JudgeUsageNote>;
      try { parsed = JudgeUsageNote.parse(JSON.parse(e.note)); } catch { continue; }
      const price = priceCall(spec, parsed.usage);
      out.push({
        idx: firstIdx + out.length, role: 'judge', model: parsed.model, usage: parsed.usage, latencyMs: 0, latencyKnown: false,
        costUsd: price.costUsd, priceSource: `${price.priceSource} (${parsed.calls} judge call(s), ${s.metric})`, cached: false, isBatch: false, retries: 0, error: null,
      });
    }
  }
  return out;
}
