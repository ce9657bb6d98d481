import { zeroUsage, type Turn } from '../core/types.js';
import type { RulesBot } from '../rules/bot.js';
import { RULE_BOTS } from '../rules/index.js';
import type { ApproachId } from '../schema/approach.js';
import type { Agent, AgentContext, AgentFactory, AgentReply } from './agent.js';

/**
 * The traditional-automation arm: no key, no network. Its bot is built from the cell's own material, which it gets
 * through the agent context (approach, resolved scenario, cell key) like every other agent. Bots are built once per
 * cell (training the intent classifier takes milliseconds) and kept only while the cell runs.
 */
export function rulesAgent(label = 'rules'): Agent {
  const bots = new Map<string, Promise<RulesBot>>();
  return {
    label, kind: 'rules', arm: 'traditional',
    async respond(turns: Turn[], ctx: AgentContext): Promise<AgentReply> {
      const t0 = performance.now();
      let bot = bots.get(ctx.cellKey);
      if (!bot) {
        bot = RULE_BOTS[ctx.approach.meta.id as ApproachId](ctx.resolved);
        bots.set(ctx.cellKey, bot);
        // A cell's bot is only reused within that cell; keep the map small.
        if (bots.size > 256) bots.delete(bots.keys().next().value as string);
      }
      const turn = await (await bot).reply(turns);
      ctx.record({
        role: 'agent', model: label, usage: zeroUsage(), latencyMs: performance.now() - t0, costUsd: 0, priceSource: 'rules: no model call',
        cached: false, isBatch: false, retries: 0, error: null,
      });
      return { turn };
    },
  };
}

export const createRulesAgent: AgentFactory<'rules'> = async (spec) => rulesAgent(spec.label);
