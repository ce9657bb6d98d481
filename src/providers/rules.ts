import type { Backend, GenerateRequest, GenerateResult } from '../core/types.js';
import { zeroUsage } from '../core/types.js';
import type { ModelSpec } from '../schema/model-spec.js';
import type { RulesBot, RulesContext } from '../rules/bot.js';
import { RULE_BOTS } from '../rules/index.js';
import type { ApproachId } from '../schema/approach.js';

/**
 * The traditional-automation arm as a backend: no key, no network. Bots are built once per cell (training the intent
 * classifier takes milliseconds) and kept only while the cell runs.
 */
export async function createRulesBackend(_spec: ModelSpec): Promise<Backend> {
  const bots = new Map<string, Promise<RulesBot>>();
  return {
    id: 'rules',
    kind: 'rules',
    async generate(req: GenerateRequest): Promise<GenerateResult> {
      const ctx = req.rulesContext as RulesContext | undefined;
      if (!ctx) throw new Error('rules backend called without rulesContext');
      const t0 = performance.now();
      let bot = bots.get(ctx.cellKey);
      if (!bot) {
        bot = RULE_BOTS[ctx.approach as ApproachId](ctx.resolved);
        bots.set(ctx.cellKey, bot);
        // A cell's bot is only reused within that cell; keep the map small.
        if (bots.size > 256) bots.delete(bots.keys().next().value as string);
      }
      const turn = await (await bot).reply(req.turns);
      return { turn, usage: zeroUsage(), latencyMs: performance.now() - t0, model: 'rules', finishReason: turn.toolCalls?.length ? 'tool_calls' : 'stop' };
    },
  };
}
